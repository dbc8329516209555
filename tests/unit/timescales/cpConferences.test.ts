import { describe, expect, it } from "vitest";
import { assess, d, ds } from "./testCases.js";

const cp = (strategyDiscussions: string[], icpc: string | null = null, reviews: string[] = [], extra = {}) =>
  ({ track: "cp", nation: "england", strategyDiscussions: ds(...strategyDiscussions), icpc: icpc ? d(icpc) : null, reviews: ds(...reviews), ...extra }) as const;

describe("child protection conferences (Working Together to Safeguard Children)", () => {
  it("the initial conference is due 15 working days after the last strategy discussion", () => {
    const result = assess(cp(["2026-02-02", "2026-02-09"]), "2026-02-10");
    expect(result.next).toEqual({ event: "icpc", number: 1, dueBy: "2026-03-02" });
  });

  it("where the service counts from the first strategy discussion, the same ICPC is late", () => {
    const result = assess(cp(["2026-02-02", "2026-02-09"], "2026-02-27"), "2026-03-02", { icpcAnchor: "first-strategy-discussion" });
    expect(result.history[0]).toEqual({ event: "icpc", number: 1, held: "2026-02-27", dueBy: "2026-02-23", inTime: false });
  });

  it("the first review conference is due 3 months after the ICPC, later ones 6 months apart", () => {
    const first = assess(cp(["2026-02-09"], "2026-02-27"), "2026-03-02");
    expect(first.history).toEqual([{ event: "icpc", number: 1, held: "2026-02-27", dueBy: "2026-03-02", inTime: true }]);
    expect(first.next).toEqual({ event: "rcpc", number: 1, dueBy: "2026-05-27" });

    const later = assess(cp(["2026-02-09"], "2026-02-27", ["2026-05-20", "2026-11-30"]), "2026-12-01");
    expect(later.history.map((h) => [h.event, h.number, h.dueBy, h.inTime])).toEqual([
      ["icpc", 1, "2026-03-02", true],
      ["rcpc", 1, "2026-05-27", true],
      ["rcpc", 2, "2026-11-20", false],
    ]);
    expect(later.next).toEqual({ event: "rcpc", number: 3, dueBy: "2027-05-30" });
  });

  it("15 working days over Christmas: 7 January 2027 in England", () => {
    expect(assess(cp(["2026-12-14"]), "2026-12-15").next?.dueBy).toBe("2027-01-07");
  });

  it("a strategy discussion after the ICPC (a later enquiry) does not move the ICPC's deadline", () => {
    const result = assess(cp(["2026-02-09", "2026-04-01"], "2026-02-27"), "2026-04-02");
    expect(result.history[0]?.dueBy).toBe("2026-03-02");
  });

  it("an ICPC is overdue the working day after its deadline", () => {
    expect(assess(cp(["2026-02-09"]), "2026-03-02").status).toBe("due-soon");
    expect(assess(cp(["2026-02-09"]), "2026-03-03").status).toBe("overdue");
  });

  it("a plan that ended is closed", () => {
    expect(assess(cp(["2026-02-09"], "2026-02-27", [], { ended: d("2026-05-01") }), "2026-06-01").status).toBe("closed");
  });

  it("refuses review conferences with no ICPC, an ICPC before any strategy discussion, and a review on the ICPC's day", () => {
    expect(assess(cp(["2026-02-09"], null, ["2026-05-01"]), "2026-06-01").errors).toEqual([
      { field: "icpc", reason: "review conferences are listed but the initial conference (ICPC) date is missing" },
    ]);
    expect(assess(cp(["2026-02-09"], "2026-02-05"), "2026-06-01").errors).toEqual([
      { field: "icpc", reason: "the initial conference (05/02/2026) is before the first strategy discussion (09/02/2026)" },
    ]);
    expect(assess(cp(["2026-02-09"], "2026-02-27", ["2026-02-27"]), "2026-06-01").errors[0]?.reason).toBe(
      "the review conference on 27/02/2026 is not after the initial conference (27/02/2026)",
    );
    expect(assess(cp([]), "2026-06-01").errors[0]?.field).toBe("strategyDiscussions");
  });

  it("there are no child protection rules for Scotland yet: the case says so rather than guessing", () => {
    const result = assess({ ...cp(["2026-02-09"]), nation: "scotland" }, "2026-03-01");
    expect(result.status).toBe("invalid");
    expect(result.errors).toEqual([{ field: "nation", reason: "IRO Desk has no child protection timescales for Scotland yet" }]);
  });
});

describe("foster carer reviews (Fostering Services (England) Regulations 2011, reg. 28)", () => {
  const carer = (approved: string, reviews: string[] = []) =>
    ({ track: "foster-carer", nation: "england", approved: d(approved), reviews: ds(...reviews) }) as const;

  it("the first review is due within 12 months of approval", () => {
    expect(assess(carer("2025-03-31"), "2026-03-02").next).toEqual({ event: "foster-carer-review", number: 1, dueBy: "2026-03-31" });
    expect(assess(carer("2025-03-31"), "2026-03-02").status).toBe("on-track");
  });

  it("each later review within 12 months of the previous; 29 February gives 28 February", () => {
    expect(assess(carer("2027-03-01", ["2028-02-29"]), "2028-03-01").next).toEqual({ event: "foster-carer-review", number: 2, dueBy: "2029-02-28" });
  });
});
