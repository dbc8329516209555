import { describe, expect, it } from "vitest";
import { assess, d, ds } from "./testCases.js";

const lac = (periodStart: string, reviews: string[] = [], extra = {}) =>
  ({ track: "lac", nation: "england", periodStart: d(periodStart), reviews: ds(...reviews), ...extra }) as const;

describe("looked after children's reviews (England, CPPCR Regulations 2010 reg. 33)", () => {
  it("the first review is due 20 working days after the period of care starts", () => {
    const result = assess(lac("2026-01-05"), "2026-01-06");
    expect(result.next).toEqual({ event: "lac-review", number: 1, dueBy: "2026-02-02" });
    expect(result.history).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it("the first review's 20 working days skip Christmas, New Year and the substitute Boxing Day", () => {
    expect(assess(lac("2026-12-14"), "2026-12-14").next?.dueBy).toBe("2027-01-14");
  });

  it("the first review's window crosses Easter and the spring clock change", () => {
    expect(assess(lac("2026-03-16"), "2026-03-16").next?.dueBy).toBe("2026-04-15");
  });

  it("the second review is due 3 months after the first was held, at the month end when the day is missing", () => {
    const result = assess(lac("2026-11-02", ["2026-11-30"]), "2026-12-01");
    expect(result.history).toEqual([{ event: "lac-review", number: 1, held: "2026-11-30", dueBy: "2026-11-30", inTime: true }]);
    expect(result.next).toEqual({ event: "lac-review", number: 2, dueBy: "2027-02-28" });
  });

  it("later reviews are due 6 months after the previous one: 31 August gives 29 February in a leap year", () => {
    const result = assess(lac("2027-01-04", ["2027-02-01", "2027-05-01", "2027-08-31"]), "2027-09-01");
    expect(result.history.map((h) => [h.number, h.dueBy, h.inTime])).toEqual([
      [1, "2027-02-01", true],
      [2, "2027-05-01", true],
      [3, "2027-11-01", true],
    ]);
    expect(result.next).toEqual({ event: "lac-review", number: 4, dueBy: "2028-02-29" });
  });

  it("a review held late is recorded as late, and the next deadline runs from the day it was held", () => {
    const result = assess(lac("2026-01-05", ["2026-01-29", "2026-05-12"]), "2026-05-13");
    expect(result.history[1]).toEqual({ event: "lac-review", number: 2, held: "2026-05-12", dueBy: "2026-04-29", inTime: false });
    expect(result.next?.dueBy).toBe("2026-11-12");
  });

  it("a review brought forward starts the clock again from the day it was held", () => {
    const result = assess(lac("2026-01-05", ["2026-01-29", "2026-03-10"]), "2026-03-11");
    expect(result.history[1]?.inTime).toBe(true);
    expect(result.next?.dueBy).toBe("2026-09-10");
  });

  it("reviews may be listed in any order", () => {
    const inOrder = assess(lac("2026-01-05", ["2026-01-29", "2026-04-20", "2026-10-01"]), "2026-10-02");
    const shuffled = assess(lac("2026-01-05", ["2026-10-01", "2026-01-29", "2026-04-20"]), "2026-10-02");
    expect(shuffled).toEqual(inOrder);
    expect(inOrder.next?.number).toBe(4);
  });

  it("a new period of care starts again at review 1, due 20 working days from the new start", () => {
    const result = assess(lac("2026-06-01"), "2026-06-02");
    expect(result.next).toEqual({ event: "lac-review", number: 1, dueBy: "2026-06-29" });
  });

  it("a review from an earlier period of care is refused, with the reason", () => {
    const result = assess(lac("2026-06-01", ["2026-03-02"]), "2026-06-02");
    expect(result.status).toBe("invalid");
    expect(result.next).toBeNull();
    expect(result.errors).toEqual([
      { field: "reviews", reason: "the review on 02/03/2026 is before the start of the period of care (01/06/2026)" },
    ]);
  });

  describe("status on a given day", () => {
    it("is overdue the day after the due-by date, not on it", () => {
      expect(assess(lac("2026-06-01"), "2026-06-29")).toMatchObject({ status: "due-soon", workingDaysLeft: 0 });
      expect(assess(lac("2026-06-01"), "2026-06-30")).toMatchObject({ status: "overdue", workingDaysLeft: -1 });
      // Mon 29/06 to Mon 06/07: five working days overdue.
      expect(assess(lac("2026-06-01"), "2026-07-06")).toMatchObject({ status: "overdue", workingDaysLeft: -5 });
    });

    it("is due soon from 10 working days before the due-by date: the working days left it says", () => {
      expect(assess(lac("2026-06-01"), "2026-06-15")).toMatchObject({ status: "due-soon", workingDaysLeft: 10 });
      expect(assess(lac("2026-06-01"), "2026-06-12")).toMatchObject({ status: "on-track", workingDaysLeft: 11 });
    });

    it("the due-soon window is a setting", () => {
      expect(assess(lac("2026-06-01"), "2026-06-12", { dueSoon: 15 as never }).status).toBe("due-soon");
    });

    it("is closed when the child has left care: nothing is next, history is kept", () => {
      const result = assess(lac("2026-01-05", ["2026-01-29"], { ended: d("2026-03-01") }), "2026-06-01");
      expect(result.status).toBe("closed");
      expect(result.next).toBeNull();
      expect(result.workingDaysLeft).toBeNull();
      expect(result.history).toHaveLength(1);
    });
  });

  describe("impossible histories", () => {
    it("a review after today, a review after the end, a duplicate", () => {
      const result = assess(lac("2026-01-05", ["2026-01-29", "2026-01-29", "2026-05-01"], { ended: d("2026-04-01") }), "2026-04-02");
      expect(result.errors.map((e) => e.reason)).toEqual([
        "the review on 29/01/2026 is listed twice",
        "the review on 01/05/2026 is after the case ended (01/04/2026)",
        "the review on 01/05/2026 is after today (02/04/2026): list only what has happened",
      ]);
    });

    it("an end before the period started, and a period starting after today", () => {
      const result = assess(lac("2026-05-01", [], { ended: d("2026-04-01") }), "2026-04-02");
      expect(result.errors.map((e) => e.field)).toEqual(["periodStart", "ended"]);
    });
  });
});

describe("short breaks (reg. 48): first review within 3 months of the first break, then every 6 months", () => {
  it("31 August + 3 months is 30 November; then 6 months from the review held", () => {
    const first = assess({ track: "short-breaks", nation: "england", periodStart: d("2025-08-31"), reviews: [] }, "2025-09-01");
    expect(first.next).toEqual({ event: "lac-review", number: 1, dueBy: "2025-11-30" });
    const second = assess({ track: "short-breaks", nation: "england", periodStart: d("2025-08-31"), reviews: ds("2025-11-28") }, "2025-12-01");
    expect(second.next).toEqual({ event: "lac-review", number: 2, dueBy: "2026-05-28" });
  });
});
