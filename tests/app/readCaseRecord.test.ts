import { describe, expect, it } from "vitest";
import { readCaseRecord } from "../../src/app/readCaseRecord.js";

describe("reading a case as a person or a spreadsheet wrote it", () => {
  it("reads a looked after child with ISO and UK dates, reviews in a list or ;-separated", () => {
    const fromJson = readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", reviews: ["2026-01-29"] });
    const fromCsv = readCaseRecord({ ref: "A1", track: "lac", nation: "", periodStart: "05/01/2026", reviews: " 29/01/2026 ; ", ended: "" });
    expect(fromJson.errors).toEqual([]);
    expect(fromJson.timescaleCase).toEqual({ track: "lac", nation: "england", periodStart: "2026-01-05", reviews: ["2026-01-29"], ended: null });
    expect(fromCsv).toEqual(fromJson);
  });

  it("accepts nation names written as people write them", () => {
    expect(readCaseRecord({ ref: "N1", track: "lac", nation: "Northern Ireland", periodStart: "2026-01-05" }).timescaleCase?.nation).toBe("northern-ireland");
  });

  it("names every problem in plain English and builds no case", () => {
    const result = readCaseRecord({ track: "lac", nation: "france", periodStart: "2026-02-30", reviews: ["2026-01-29", 7] });
    expect(result.timescaleCase).toBeNull();
    expect(result.errors).toEqual([
      { field: "ref", reason: "ref (the case reference) is missing" },
      { field: "nation", reason: 'unknown nation "france": use england, wales, scotland, northern-ireland' },
      { field: "reviews", reason: "reviews[2] should be a date, not number 7" },
      { field: "periodStart", reason: 'periodStart "2026-02-30" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)' },
    ]);
  });

  it("refuses a case reference that could not be one", () => {
    expect(readCaseRecord({ ref: "<script>", track: "lac", periodStart: "2026-01-05" }).errors).toEqual([
      { field: "ref", reason: '"<script>" is not a case reference (up to 40 letters, digits, spaces and - _ / .)' },
    ]);
    expect(readCaseRecord({ ref: "LAC 104233", track: "lac", periodStart: "2026-01-05" }).errors).toEqual([]);
  });

  it("says which track-specific date is missing", () => {
    expect(readCaseRecord({ ref: "F1", track: "foster-carer" }).errors).toEqual([
      { field: "approved", reason: "approved (the date the carer was approved) is missing" },
    ]);
    expect(readCaseRecord({ ref: "B1", track: "cp" }).errors).toEqual([
      { field: "strategyDiscussions", reason: "strategyDiscussions (the strategy discussion dates) is missing" },
    ]);
    expect(readCaseRecord({ ref: "X1", track: "adoption" }).errors[0]?.reason).toBe(
      'unknown track "adoption": use lac, cp, foster-carer, short-breaks',
    );
    expect(readCaseRecord({ ref: "X2" }).errors[0]?.reason).toBe("track is missing: use lac, cp, foster-carer, short-breaks");
  });

  it("refuses a value of the wrong kind rather than guessing", () => {
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: { date: "2026-01-05" } }).errors).toEqual([
      { field: "periodStart", reason: "periodStart should be text, not an object" },
    ]);
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", reviews: 3 }).errors).toEqual([
      { field: "reviews", reason: "reviews should be a list of dates, not number 3" },
    ]);
  });
});
