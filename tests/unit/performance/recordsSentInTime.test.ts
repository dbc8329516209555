import { describe, expect, it } from "vitest";
import type { ChildCase } from "../../../src/domain/caseload/childCase.js";
import { reportingYear } from "../../../src/domain/performance/reportingPeriod.js";
import { serviceFigures } from "../../../src/domain/performance/serviceFigures.js";
import { lacChild } from "../../fixtures/children.js";
import { d, options } from "../timescales/testCases.js";

/**
 * 2025–26, counted by hand (LAC decisions within 5 working days, record within 20; CP decisions within 1, record within 15):
 * A's review 1 on Fri 01/05/2025: decisions due Fri 09/05 (Mon 05/05 is a bank holiday), sent 09/05 (in time);
 *   record due Mon 02/06 (26/05 bank holiday), sent 03/06 (late).
 * A's review 2 on 10/03/2026: decisions not sent and due 17/03 (late by 31/03); record due 07/04, not sent: not yet judged.
 * C's ICPC on 20/06/2025: decisions sent 20/06 (in time); record sent 10/07 (due 11/07, in time).
 * C's review conference on 15/09/2025: nothing recorded: both late.
 */
const A = lacChild("A", "2025-04-07", [], {
  lac: {
    periodStart: d("2025-04-07"), legalStatus: "C2", shortBreaks: false, ended: null, earlierPeriods: [],
    reviews: [{ held: d("2025-05-01"), decisionsSent: d("2025-05-09"), recordSent: d("2025-06-03") }, { held: d("2026-03-10") }],
  },
});
const C: ChildCase = lacChild("C", "2025-01-01", [], {
  lac: null,
  cp: { chair: null, strategyDiscussions: [d("2025-06-02")], icpc: d("2025-06-20"), icpcMinutes: { decisionsSent: d("2025-06-20"), recordSent: d("2025-07-10") }, category: "Neglect", reviews: [{ held: d("2025-09-15") }], ended: null },
});
const figureOn = (today?: string) =>
  serviceFigures({ children: [A, C], disputes: [], staff: [], period: reportingYear(d("2025-11-25")), options, ...(today ? { today: d(today) } : {}) }).find((f) => f.id === "records-sent-in-time")!;

describe("records sent in time", () => {
  it("counts each meeting's decisions and full record against the service's deadlines", () => {
    expect(figureOn().rows.map((r) => [r.label, r.value, r.of, r.children])).toEqual([
      ["LAC reviews: decisions sent in time", 1, 2, ["A"]],
      ["LAC reviews: full record sent in time", 0, 1, []],
      ["CP conferences: decisions sent in time", 1, 2, ["C"]],
      ["CP conferences: full record sent in time", 1, 2, ["C"]],
    ]);
  });

  it("judged on today during the year: a record not yet due is not counted as late", () => {
    // On 12/03/2026 review 2's decisions (due 17/03) are not yet late.
    expect(figureOn("2026-03-12").rows[0]).toMatchObject({ value: 1, of: 1 });
    expect(figureOn("2026-03-18").rows[0]).toMatchObject({ value: 1, of: 2 });
  });

  it("says what the deadlines are in its definition", () => {
    expect(figureOn().definition).toContain("decisions within 5 working days, the record within 20 working days");
    expect(figureOn().definition).toContain("decisions within 1 working day, the record within 15 working days");
  });
});
