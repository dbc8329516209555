import { describe, expect, it } from "vitest";
import { assess, d, ds } from "./testCases.js";

const placed = (track: "adoption" | "secure", nation: string, on: string, reviews: string[] = []) =>
  ({ track, nation, placed: d(on), reviews: ds(...reviews) }) as never;

describe("adoption placement reviews (Adoption Agencies Regulations 2005, reg. 36(3))", () => {
  it("the first within 4 weeks of the placement, the second within 3 months of the first, then 6-monthly", () => {
    expect(assess(placed("adoption", "england", "2026-02-27"), "2026-03-02").next).toEqual({ event: "adoption-review", number: 1, dueBy: "2026-03-27" });
    const result = assess(placed("adoption", "england", "2026-02-27", ["2026-03-27", "2026-08-31"]), "2026-09-01");
    expect(result.history.map((h) => [h.number, h.dueBy, h.inTime])).toEqual([
      [1, "2026-03-27", true],
      [2, "2026-06-27", false],
    ]);
    expect(result.next).toEqual({ event: "adoption-review", number: 3, dueBy: "2027-02-28" });
    expect(result.warnings).toEqual([]);
  });

  it("Wales has no adoption review rule in IRO Desk yet: unsupported", () => {
    expect(assess(placed("adoption", "wales", "2026-02-27"), "2026-03-02").status).toBe("unsupported");
  });
});

describe("secure accommodation reviews", () => {
  it("England (1991 reg. 15, not yet read): within one month (31/01 to 28/02), then 3-monthly, with a warning", () => {
    const result = assess(placed("secure", "england", "2026-01-31"), "2026-02-01");
    expect(result.next).toEqual({ event: "secure-review", number: 1, dueBy: "2026-02-28" });
    expect(result.warnings[0]).toMatch(/Children \(Secure Accommodation\) Regulations 1991, reg\. 15/);
  });

  it("Wales (2015 reg. 10): 15 working days over Easter, then 3 months", () => {
    // Thu 02/04/2026: Good Friday 03/04 and Easter Monday 06/04 skipped.
    expect(assess(placed("secure", "wales", "2026-04-02"), "2026-04-03").next?.dueBy).toBe("2026-04-27");
    expect(assess(placed("secure", "wales", "2026-04-02", ["2026-04-24"]), "2026-04-27").next?.dueBy).toBe("2026-07-24");
  });

  it("Scotland (2013 reg. 10): within 7 days, then within a month, and a month after that", () => {
    expect(assess(placed("secure", "scotland", "2026-12-28"), "2026-12-29").next?.dueBy).toBe("2027-01-04");
    const result = assess(placed("secure", "scotland", "2026-12-28", ["2027-01-04", "2027-01-31"]), "2027-02-01");
    expect(result.history.map((h) => h.dueBy)).toEqual(["2027-01-04", "2027-02-04"]);
    expect(result.next?.dueBy).toBe("2027-02-28");
  });
});

const lac = (nation: string, periodStart: string, reviews: string[], earlyReviews: { requested: string; reason: string }[]) =>
  ({ track: "lac", nation, periodStart: d(periodStart), reviews: ds(...reviews), earlyReviews: earlyReviews.map((e) => ({ ...e, requested: d(e.requested) })) }) as never;

describe("early reviews (CPPCR 2010 reg. 33(3) and 32(2)): due by the service's working days after the request", () => {
  it("the IRO asks on 02/03/2026: review 2 is due by 16/03 instead of 29/04", () => {
    expect(assess(lac("england", "2026-01-05", ["2026-01-29"], [{ requested: "2026-03-02", reason: "iro-request" }]), "2026-03-03").next).toEqual({
      event: "lac-review", number: 2, dueBy: "2026-03-16", early: "iro-request",
    });
  });

  it("the review held answers the request, and the next runs 6 months from it", () => {
    const result = assess(lac("england", "2026-01-05", ["2026-01-29", "2026-03-12"], [{ requested: "2026-03-02", reason: "iro-request" }]), "2026-03-13");
    expect(result.history[1]).toEqual({ event: "lac-review", number: 2, held: "2026-03-12", dueBy: "2026-03-16", inTime: true, early: "iro-request" });
    expect(result.next).toEqual({ event: "lac-review", number: 3, dueBy: "2026-09-12" });
  });

  it("a request over Easter skips Good Friday and Easter Monday; held after it, the review is late", () => {
    const result = assess(lac("england", "2026-01-05", ["2026-01-29", "2026-04-22"], [{ requested: "2026-04-02", reason: "care-plan-change" }]), "2026-04-23");
    expect(result.history[1]).toMatchObject({ dueBy: "2026-04-20", inTime: false, early: "care-plan-change" });
  });

  it("a request later than the usual deadline changes nothing", () => {
    expect(assess(lac("england", "2026-01-05", ["2026-01-29"], [{ requested: "2026-04-28", reason: "accommodation-ending" }]), "2026-04-28").next).toEqual({ event: "lac-review", number: 2, dueBy: "2026-04-29" });
  });

  it("placed with a parent before the assessment was complete: the review within 10 working days (Wales reg. 20(b), read; England reg. 19, marked unconfirmed)", () => {
    const wales = assess(lac("wales", "2026-01-05", [], [{ requested: "2026-01-05", reason: "placed-with-parents" }]), "2026-01-06");
    expect(wales.next).toEqual({ event: "lac-review", number: 1, dueBy: "2026-01-19", early: "placed-with-parents" });
    expect(wales.warnings).toEqual([]);
    const england = assess(lac("england", "2026-01-05", [], [{ requested: "2026-01-05", reason: "placed-with-parents" }]), "2026-01-06");
    expect(england.next?.dueBy).toBe("2026-01-19");
    expect(england.warnings[0]).toMatch(/reg\. 19\(b\)/);
  });

  it("the service's setting sets the working days; a request before the period of care is refused", () => {
    expect(assess(lac("england", "2026-01-05", ["2026-01-29"], [{ requested: "2026-03-02", reason: "iro-request" }]), "2026-03-03", { local: { earlyReviewWorkingDays: 5 } as never }).next?.dueBy).toBe("2026-03-09");
    expect(assess(lac("england", "2026-01-05", [], [{ requested: "2025-12-20", reason: "iro-request" }]), "2026-01-06").errors).toEqual([
      { field: "earlyReviews", reason: "the early review asked for on 20/12/2025 is before the start of the period of care (05/01/2026)" },
    ]);
  });
});
