import { describe, expect, it } from "vitest";
import { RULE_SETS } from "../../../src/domain/timescales/ruleSets.js";
import { assess, d, ds } from "./testCases.js";

const lac = (nation: string, periodStart: string, reviews: string[] = []) =>
  ({ track: "lac", nation, periodStart: d(periodStart), reviews: ds(...reviews) }) as never;
const breaks = (nation: string, first: string, reviews: string[] = []) =>
  ({ track: "short-breaks", nation, periodStart: d(first), reviews: ds(...reviews) }) as never;
const carer = (nation: string, approved: string, reviews: string[] = []) =>
  ({ track: "foster-carer", nation, approved: d(approved), reviews: ds(...reviews) }) as never;
const cp = (nation: string, discussion: string, icpc: string | null = null, reviews: string[] = []) =>
  ({ track: "cp", nation, strategyDiscussions: ds(discussion), icpc: icpc ? d(icpc) : null, reviews: ds(...reviews) }) as never;

describe("Wales", () => {
  it("looked after children (2015 Regulations reg. 39): 20 working days over Easter, then 3 months to a month end, then 6; no warning", () => {
    // Mon 16/03/2026: Good Friday 03/04 and Easter Monday 06/04 skipped.
    const first = assess(lac("wales", "2026-03-16"), "2026-03-17");
    expect(first.next).toEqual({ event: "lac-review", number: 1, dueBy: "2026-04-15" });
    expect(first.warnings).toEqual([]);
    const later = assess(lac("wales", "2026-11-02", ["2026-11-30", "2027-02-26"]), "2027-03-01");
    expect(later.history.map((h) => h.dueBy)).toEqual(["2026-11-30", "2027-02-28"]);
    expect(later.next?.dueBy).toBe("2027-08-26");
  });

  it("child protection: 15 working days over Christmas, review 3 months after; marked unconfirmed (initial conference timing not read)", () => {
    const result = assess(cp("wales", "2026-12-14"), "2026-12-15");
    expect(result.next?.dueBy).toBe("2027-01-07");
    expect(result.warnings[0]).toMatch(/^The Wales child protection timescales are not yet confirmed \(Wales Safeguarding Procedures/);
    expect(assess(cp("wales", "2026-12-14", "2027-01-07"), "2027-01-08").next).toEqual({ event: "rcpc", number: 1, dueBy: "2027-04-07" });
  });

  it("short breaks are worked out but marked unconfirmed (reg. 62's review timing not read); foster carers (2018 reg. 9) confirmed", () => {
    const sb = assess(breaks("wales", "2026-08-31"), "2026-09-01");
    expect(sb.next?.dueBy).toBe("2026-11-30");
    expect(sb.warnings[0]).toMatch(/reg\. 62/);
    const fc = assess(carer("wales", "2025-03-31"), "2026-03-02");
    expect(fc.next).toEqual({ event: "foster-carer-review", number: 1, dueBy: "2026-03-31" });
    expect(fc.warnings).toEqual([]);
  });
});

describe("Scotland", () => {
  it("looked after children (2009 Regulations reg. 45(2)): 6 weeks of the placement, 3 months, then 6 months", () => {
    const result = assess(lac("scotland", "2026-01-19", ["2026-03-02"]), "2026-03-03");
    expect(result.history[0]).toMatchObject({ dueBy: "2026-03-02", inTime: true });
    expect(result.next?.dueBy).toBe("2026-06-02");
    expect(result.warnings).toEqual([]);
  });

  it("short breaks (reg. 45(3) with reg. 30): 3 months from the first placement (30/11 to 28/02), then 6 months", () => {
    expect(assess(breaks("scotland", "2025-11-30"), "2025-12-01").next?.dueBy).toBe("2026-02-28");
    expect(assess(breaks("scotland", "2025-11-30", ["2026-02-27"]), "2026-03-01").next?.dueBy).toBe("2026-08-27");
  });

  it("foster carers (reg. 25(1)): within 12 months of approval (29/02 to 28/02), then within 3 years", () => {
    expect(assess(carer("scotland", "2024-02-29"), "2024-03-01").next?.dueBy).toBe("2025-02-28");
    expect(assess(carer("scotland", "2024-02-29", ["2025-02-20"]), "2025-03-01").next).toEqual({ event: "foster-carer-review", number: 2, dueBy: "2028-02-20" });
  });

  it("child protection: the first planning meeting within 28 calendar days of the IRD, holidays or not; reviews 6-monthly, marked unconfirmed", () => {
    const result = assess(cp("scotland", "2026-12-20"), "2026-12-21");
    expect(result.next).toEqual({ event: "icpc", number: 1, dueBy: "2027-01-17" });
    expect(result.warnings[0]).toMatch(/National Guidance for Child Protection in Scotland 2021/);
    expect(assess(cp("scotland", "2026-12-20", "2027-01-15"), "2027-01-18").next).toEqual({ event: "rcpc", number: 1, dueBy: "2027-07-15" });
  });
});

describe("Northern Ireland", () => {
  it("child protection: 15 working days skip St Patrick's Day (Tue 17/03/2026), a day later than in England; unconfirmed", () => {
    const ni = assess(cp("northern-ireland", "2026-03-09"), "2026-03-10");
    expect(ni.next?.dueBy).toBe("2026-03-31");
    expect(assess(cp("england", "2026-03-09"), "2026-03-10").next?.dueBy).toBe("2026-03-30");
    expect(ni.warnings[0]).toMatch(/SBNI Regional Core Child Protection Policies and Procedures/);
  });

  it("short breaks (1996 reg. 11(2)): 3 months from the first short period, then 6 months; confirmed", () => {
    const result = assess(breaks("northern-ireland", "2026-08-31", ["2026-11-30"]), "2026-12-01");
    expect(result.history[0]).toMatchObject({ dueBy: "2026-11-30", inTime: true });
    expect(result.next?.dueBy).toBe("2027-05-30");
    expect(result.warnings).toEqual([]);
  });

  it("looked after children (reg. 3) and foster carers (1996 reg. 4) are worked out but carry a warning naming the regulation", () => {
    const child = assess(lac("northern-ireland", "2026-01-05"), "2026-01-06");
    expect(child.next?.dueBy).toBe("2026-01-19");
    expect(child.warnings[0]).toMatch(/Review of Children's Cases Regulations \(Northern Ireland\) 1996, reg\. 3/);
    expect(assess(carer("northern-ireland", "2025-03-31"), "2026-03-02").warnings[0]).toMatch(/Foster Placement \(Children\) Regulations \(Northern Ireland\) 1996, reg\. 4/);
  });
});

describe("every nation's tracks", () => {
  it("each rule set names its source, and every unconfirmed one says what was not read", () => {
    for (const r of RULE_SETS) {
      expect(r.source).toMatch(/Regulations|Guidance|Working Together|Procedures/);
      if (!r.confirmed) expect(r.source).toMatch(/not (been )?read/);
    }
  });

  it("a track with no rule set for a nation is unsupported, with the reason, not invalid", () => {
    const result = assess({ track: "adoption", nation: "scotland", placed: d("2026-01-05"), reviews: [] }, "2026-01-06");
    expect(result).toEqual({ status: "unsupported", next: null, history: [], errors: [], warnings: [], workingDaysLeft: null, reason: "IRO Desk has no adoption placement review timescales for Scotland yet" });
  });

  it("bad data is reported as invalid even where the nation has no rules", () => {
    expect(assess({ track: "secure", nation: "northern-ireland", placed: d("2026-05-01"), reviews: [] }, "2026-01-06").status).toBe("invalid");
  });
});
