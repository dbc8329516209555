import { describe, expect, it } from "vitest";
import { assessChild } from "../../../src/domain/caseload/assessChild.js";
import { withEarlyReview } from "../../../src/domain/caseload/earlyReview.js";
import { lacChild } from "../../fixtures/children.js";
import { d, options } from "../timescales/testCases.js";

describe("what the caseload shows for a child's records and early reviews", () => {
  it("the latest review's decisions and record not yet sent, with their due-by dates; earlier reviews are history", () => {
    // Review 2 on Thu 26/02/2026: decisions due Thu 05/03 (5 working days), record due Thu 26/03 (20).
    const child = lacChild("1", "2026-01-05", ["2026-01-29", "2026-02-26"]);
    const on = (today: string) => assessChild(child, d(today), options).minutesDue;
    expect(on("2026-03-02")).toEqual([
      { kind: "decisions", dueBy: "2026-03-05", sent: null, late: false, track: "lac", event: "lac-review", number: 2, held: "2026-02-26" },
      { kind: "record", dueBy: "2026-03-26", sent: null, late: false, track: "lac", event: "lac-review", number: 2, held: "2026-02-26" },
    ]);
    expect(on("2026-03-06")[0]!.late).toBe(true);
  });

  it("a document sent is no longer shown; an ICPC's are read from the CP episode", () => {
    const child = lacChild("2", "2026-01-05", [], {
      lac: null,
      cp: { chair: null, strategyDiscussions: [d("2026-01-02")], icpc: d("2026-01-20"), icpcMinutes: { decisionsSent: d("2026-01-21") }, category: "Neglect", reviews: [], ended: null },
    });
    expect(assessChild(child, d("2026-01-22"), options).minutesDue.map((m) => [m.kind, m.event, m.dueBy])).toEqual([["record", "icpc", "2026-02-10"]]);
  });

  it("an early review recorded on the case brings the next review forward, once however often it is recorded", () => {
    const child = lacChild("3", "2026-01-05", ["2026-01-29"]);
    const asked = withEarlyReview(withEarlyReview(child, { requested: d("2026-03-02"), reason: "iro-request" }), { requested: d("2026-03-02"), reason: "iro-request" });
    expect(asked.lac!.earlyReviews).toEqual([{ requested: "2026-03-02", reason: "iro-request" }]);
    expect(assessChild(asked, d("2026-03-03"), options).next).toMatchObject({ event: "lac-review", number: 2, dueBy: "2026-03-16", early: "iro-request", track: "lac" });
    expect(withEarlyReview({ ...child, lac: null }, { requested: d("2026-03-02"), reason: "iro-request" }).lac).toBeNull();
  });
});
