import { describe, expect, it } from "vitest";
import { icpcAnchorDate } from "../../../src/domain/timescales/assessTimescale.js";
import { COMMON_LOCAL_TIMESCALES } from "../../../src/domain/timescales/localTimescales.js";
import { meetingName } from "../../../src/domain/timescales/ruleSets.js";
import { assess, d, ds } from "./testCases.js";

const cp = (strategyDiscussions: string[], icpc: string | null = null, reviews: string[] = [], extra = {}) =>
  ({ track: "cp", nation: "england", strategyDiscussions: ds(...strategyDiscussions), icpc: icpc ? d(icpc) : null, reviews: ds(...reviews), ...extra }) as const;

describe("the initial conference's clock (Working Together 2023)", () => {
  it("with only a list of discussions, the first one (the s.47 enquiry's) starts the 15 working days", () => {
    // Mon 02/02/2026 + 15 working days = Mon 23/02/2026.
    expect(assess(cp(["2026-02-09", "2026-02-02"]), "2026-02-10").next).toEqual({ event: "icpc", number: 1, dueBy: "2026-02-23" });
  });

  it("a case may name the discussion at which the s.47 enquiry was initiated", () => {
    expect(assess(cp(["2026-02-02", "2026-02-09"], null, [], { s47Discussion: d("2026-02-09") }), "2026-02-10").next?.dueBy).toBe("2026-03-02");
  });

  it("or give the day the s.47 enquiry started (the census's S47ActualStartDate)", () => {
    // Thu 05/02/2026 + 15 working days = Thu 26/02/2026.
    expect(assess(cp(["2026-02-02"], null, [], { s47Start: d("2026-02-05") }), "2026-02-10").next?.dueBy).toBe("2026-02-26");
    expect(assess(cp([], null, [], { s47Start: d("2026-02-05") }), "2026-02-10").next?.dueBy).toBe("2026-02-26");
  });

  it("an ICPC on 27/02 is late by the current guidance, in time where the local procedure counts from the last discussion", () => {
    const current = assess(cp(["2026-02-02", "2026-02-09"], "2026-02-27"), "2026-03-02");
    expect(current.history[0]).toEqual({ event: "icpc", number: 1, held: "2026-02-27", dueBy: "2026-02-23", inTime: false });
    const local = assess(cp(["2026-02-02", "2026-02-09"], "2026-02-27"), "2026-03-02", { icpcAnchor: "last-strategy-discussion" });
    expect(local.history[0]).toEqual({ event: "icpc", number: 1, held: "2026-02-27", dueBy: "2026-03-02", inTime: true });
  });

  it("a strategy discussion after the ICPC (a later enquiry) never anchors it", () => {
    const plan = { strategyDiscussions: ds("2026-02-09", "2026-04-01"), icpc: d("2026-02-27") };
    expect(icpcAnchorDate(plan, "s47-strategy-discussion")).toBe("2026-02-09");
    expect(icpcAnchorDate(plan, "last-strategy-discussion")).toBe("2026-02-09");
    expect(assess(cp(["2026-02-09", "2026-04-01"], "2026-02-27"), "2026-04-02").history[0]?.dueBy).toBe("2026-03-02");
  });

  it("15 working days over Christmas: 7 January 2027 in England", () => {
    expect(assess(cp(["2026-12-14"]), "2026-12-15").next?.dueBy).toBe("2027-01-07");
  });

  it("an ICPC is overdue the working day after its deadline", () => {
    expect(assess(cp(["2026-02-09"]), "2026-03-02").status).toBe("due-soon");
    expect(assess(cp(["2026-02-09"]), "2026-03-03").status).toBe("overdue");
  });
});

describe("review conferences", () => {
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

  it("a plan that ended is closed", () => {
    expect(assess(cp(["2026-02-09"], "2026-02-27", [], { ended: d("2026-05-01") }), "2026-06-01").status).toBe("closed");
  });

  it("refuses review conferences with no ICPC, an ICPC before any strategy discussion or the s.47 start, a review on the ICPC's day, an unlisted s.47 discussion", () => {
    expect(assess(cp(["2026-02-09"], null, ["2026-05-01"]), "2026-06-01").errors).toEqual([
      { field: "icpc", reason: "review conferences are listed but the initial conference date is missing" },
    ]);
    expect(assess(cp(["2026-02-09"], "2026-02-05"), "2026-06-01").errors).toEqual([
      { field: "icpc", reason: "the initial conference (05/02/2026) is before the first strategy discussion (09/02/2026)" },
    ]);
    expect(assess(cp([], "2026-02-05", [], { s47Start: d("2026-02-06") }), "2026-06-01").errors[0]?.reason).toBe(
      "the initial conference (05/02/2026) is before the section 47 enquiry started (06/02/2026)",
    );
    expect(assess(cp(["2026-02-09"], "2026-02-27", ["2026-02-27"]), "2026-06-01").errors[0]?.reason).toBe(
      "the review conference on 27/02/2026 is not after the initial conference (27/02/2026)",
    );
    expect(assess(cp(["2026-02-09"], null, [], { s47Discussion: d("2026-02-10") }), "2026-06-01").errors).toEqual([
      { field: "s47Discussion", reason: "10/02/2026 is not one of the strategy discussions listed" },
    ]);
    expect(assess(cp([]), "2026-06-01").errors[0]?.field).toBe("strategyDiscussions");
  });
});

describe("pre-birth conferences: the first review within 3 months, or the service's working days after the birth if sooner", () => {
  const preBirth = (born: string | null) => cp(["2026-03-09"], "2026-04-01", [], { preBirth: true, born: born ? d(born) : null });

  it("born Wed 20/05/2026: 20 working days after the birth (spring bank holiday 25/05 skipped) is before 3 months", () => {
    expect(assess(preBirth("2026-05-20"), "2026-05-21").next).toEqual({ event: "rcpc", number: 1, dueBy: "2026-06-18", early: "birth" });
  });

  it("not yet born: 3 months after the conference", () => {
    expect(assess(preBirth(null), "2026-04-02").next).toEqual({ event: "rcpc", number: 1, dueBy: "2026-07-01" });
  });

  it("born late in the 3 months: the 3 months still bind", () => {
    expect(assess(preBirth("2026-06-25"), "2026-06-26").next?.dueBy).toBe("2026-07-01");
  });

  it("the setting changes the working days; a review held after the birth deadline is late", () => {
    expect(assess(preBirth("2026-05-20"), "2026-05-21", { local: { ...COMMON_LOCAL_TIMESCALES, preBirthReviewWorkingDays: 10 } }).next?.dueBy).toBe("2026-06-04");
    const held = assess({ ...preBirth("2026-05-20"), reviews: ds("2026-06-24") }, "2026-06-25");
    expect(held.history[1]).toEqual({ event: "rcpc", number: 1, held: "2026-06-24", dueBy: "2026-06-18", inTime: false, early: "birth" });
    expect(held.next?.dueBy).toBe("2026-12-24");
  });

  it("the initial conference of an unborn child is the pre-birth conference, on the ICPC's 15 working days from the s.47 discussion", () => {
    // Strategy discussion Mon 09/03/2026 + 15 working days = Mon 30/03/2026 (Good Friday 03/04 is after it).
    const waiting = assess(cp(["2026-03-09"], null, [], { preBirth: true, born: null }), "2026-03-10");
    expect(waiting.next).toEqual({ event: "pre-birth-conference", number: 1, dueBy: "2026-03-30" });
    // Held Wed 01/04/2026, two days late; its record is the conference's own line in the history.
    expect(assess(preBirth(null), "2026-04-02").history).toEqual([{ event: "pre-birth-conference", number: 1, held: "2026-04-01", dueBy: "2026-03-30", inTime: false }]);
    expect(meetingName("pre-birth-conference", 1)).toBe("Pre-birth CP conference");
    expect(meetingName("transfer-in-conference", 1)).toBe("Transfer-in CP conference");
    expect(meetingName("rcpc", 2)).toBe("Review CP conference 2");
  });

  it("a birth before the pre-birth conference is refused", () => {
    expect(assess(preBirth("2026-03-20"), "2026-04-02").errors).toEqual([{ field: "born", reason: "the child was born (20/03/2026) before the pre-birth conference (01/04/2026)" }]);
  });
});

describe("transfer-in conferences: within the service's working days of the other authority's notice", () => {
  it("notice on Christmas Eve 2026: 15 working days is Tue 19/01/2027; then a review within 3 months of it", () => {
    const waiting = assess(cp([], null, [], { transferIn: d("2026-12-24") }), "2026-12-29");
    expect(waiting.next).toEqual({ event: "transfer-in-conference", number: 1, dueBy: "2027-01-19" });
    const held = assess(cp([], "2027-01-21", [], { transferIn: d("2026-12-24") }), "2027-01-22");
    expect(held.history).toEqual([{ event: "transfer-in-conference", number: 1, held: "2027-01-21", dueBy: "2027-01-19", inTime: false }]);
    expect(held.next).toEqual({ event: "rcpc", number: 1, dueBy: "2027-04-21" });
  });
});
