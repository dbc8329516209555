import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { workingCalendar } from "../../../src/domain/calendar/workingCalendar.js";
import type { CaseRef } from "../../../src/domain/caseload/caseRef.js";
import { DEFAULT_LADDER, disputeClock, DisputeRuleError, escalate, letterAddress, raiseDispute, resolve, responseDue } from "../../../src/domain/disputes/dispute.js";

const d = (s: string) => s as IsoDate;
const england = workingCalendar("england");
const raised = (on = "2026-03-02", stage?: number) => raiseDispute({ id: "D1", caseRef: "104233" as CaseRef, theme: "Permanence", issue: "No permanence plan after 9 months", by: "sam", on: d(on), ...(stage !== undefined ? { stage } : {}) });

describe("the Dispute Resolution Protocol", () => {
  it("a raised dispute starts at informal resolution with a 5-working-day response deadline", () => {
    const dispute = raised();
    expect(dispute).toMatchObject({ status: "open", stage: 0, history: [{ at: "2026-03-02", by: "sam", action: "raised", stage: 0 }] });
    expect(responseDue(dispute, england)).toBe("2026-03-09");
  });

  it("the deadline skips bank holidays: raised Thursday 2 April 2026, due Monday 13 April (Good Friday and Easter Monday)", () => {
    expect(responseDue(raised("2026-04-02"), england)).toBe("2026-04-13");
  });

  it("escalation climbs one rung, records who and when, and restarts the clock", () => {
    const up = escalate(raised(), "sam", d("2026-03-10"));
    expect(up.stage).toBe(1);
    expect(up.history[1]).toEqual({ at: "2026-03-10", by: "sam", action: "escalated", stage: 1 });
    expect(responseDue(up, england)).toBe("2026-03-17");
    expect(up.history[0]).toEqual(raised().history[0]); // nothing before is changed
  });

  it("the IRO may skip stages, straight to the Director or Cafcass", () => {
    expect(escalate(raised(), "sam", d("2026-03-10"), DEFAULT_LADDER, 4).stage).toBe(4);
    const cafcass = escalate(raised(), "sam", d("2026-03-10"), DEFAULT_LADDER, 5);
    expect(responseDue(cafcass, england)).toBeNull();
    expect(disputeClock(cafcass, d("2026-03-11"), england).words).toBe("No response deadline at this stage");
  });

  it("refuses escalation past the last stage, downwards, or of a resolved dispute, saying why", () => {
    const top = escalate(raised(), "sam", d("2026-03-10"), DEFAULT_LADDER, 5);
    expect(() => escalate(top, "sam", d("2026-03-11"))).toThrow(new DisputeRuleError("It is already at the last stage (Referral to Cafcass): there is nowhere further to escalate."));
    expect(() => escalate(escalate(raised(), "sam", d("2026-03-10")), "sam", d("2026-03-11"), DEFAULT_LADDER, 1)).toThrow(/already at stage 2/);
    const done = resolve(raised(), "sam", d("2026-03-05"), "Plan agreed at permanence panel");
    expect(() => escalate(done, "sam", d("2026-03-06"))).toThrow(/is resolved/);
    expect(() => resolve(done, "sam", d("2026-03-06"), "again")).toThrow(/already resolved/);
  });

  it("resolving records the outcome and the stage reached; an empty outcome or issue is refused", () => {
    const done = resolve(escalate(raised(), "sam", d("2026-03-10")), "priya", d("2026-03-12"), "Team manager agreed the referral");
    expect(done.status).toBe("resolved");
    expect(done.history[2]).toEqual({ at: "2026-03-12", by: "priya", action: "resolved", stage: 1, note: "Team manager agreed the referral" });
    expect(() => resolve(raised(), "sam", d("2026-03-05"), "  ")).toThrow(/Record the outcome/);
    expect(() => raiseDispute({ id: "x", caseRef: "1" as CaseRef, theme: "Other", issue: " ", by: "s", on: d("2026-03-02") })).toThrow(/Say what/);
    expect(() => raiseDispute({ id: "x", caseRef: "1" as CaseRef, theme: " ", issue: "No permanence plan", by: "s", on: d("2026-03-02") })).toThrow(/Choose the dispute's theme/);
    expect(() => raised("2026-03-02", 6)).toThrow(/no stage 7/);
  });

  it("the clock says when the answer is due, and overdue the working day after", () => {
    expect(disputeClock(raised(), d("2026-03-09"), england)).toEqual({ due: "2026-03-09", overdue: false, words: "Response due by 09/03/2026" });
    expect(disputeClock(raised(), d("2026-03-10"), england)).toEqual({ due: "2026-03-09", overdue: true, words: "Response overdue: it was due by 09/03/2026" });
  });

  it("each stage's letter goes to whom the ladder names: a role on the case, or a named person; never the email's sender by default", () => {
    const child = { socialWorker: "alfie.collins@westmere.example", teamManager: "ivy.smith@westmere.example" };
    expect(letterAddress(DEFAULT_LADDER[0], child)).toEqual({ address: "alfie.collins@westmere.example", name: null });
    expect(letterAddress(DEFAULT_LADDER[1], child)).toEqual({ address: "ivy.smith@westmere.example", name: null });
    // The default ladder names no one for stage 3 (service manager / head of service): the service does.
    expect(letterAddress(DEFAULT_LADDER[2], child)).toBeNull();
    expect(letterAddress({ ...DEFAULT_LADDER[2]!, letterTo: { address: "ruth.adeyemi@westmere.example", name: "Ruth Adeyemi" } }, child)).toEqual({ address: "ruth.adeyemi@westmere.example", name: "Ruth Adeyemi" });
    expect(letterAddress(DEFAULT_LADDER[1], { ...child, teamManager: null })).toBeNull();
  });
});
