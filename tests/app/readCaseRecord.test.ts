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

  it("reads a CSV cell of dates in either form, with spaces and empty items, naming a bad one by its place", () => {
    const read = (reviews: string) => readCaseRecord({ ref: "A1", track: "lac", periodStart: "2025-01-06", reviews });
    expect(read("2025-01-29;29/04/2025; 2025-10-01 ;;  1/3/2026;2026-03-02").timescaleCase?.reviews).toEqual(["2025-01-29", "2025-04-29", "2025-10-01", "2026-03-01", "2026-03-02"]);
    expect(read("2025-01-29;2025-02-30;ab;defghij;2025-06-01").errors).toEqual([
      { field: "reviews", reason: 'reviews[2] "2025-02-30" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)' },
      { field: "reviews", reason: 'reviews[3] "ab" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)' },
      { field: "reviews", reason: 'reviews[4] "defghij" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)' },
    ]);
    expect(read("").timescaleCase?.reviews).toEqual([]);
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
    expect(readCaseRecord({ ref: "X1", track: "adoption" }).errors).toEqual([
      { field: "placed", reason: "placed (the date the child was placed for adoption) is missing" },
    ]);
    expect(readCaseRecord({ ref: "X1", track: "custody" }).errors[0]?.reason).toBe(
      'unknown track "custody": use lac, cp, foster-carer, short-breaks, adoption, secure',
    );
    expect(readCaseRecord({ ref: "X2" }).errors[0]?.reason).toBe("track is missing: use lac, cp, foster-carer, short-breaks, adoption, secure");
  });

  it("refuses a value of the wrong kind rather than guessing", () => {
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: { date: "2026-01-05" } }).errors).toEqual([
      { field: "periodStart", reason: "periodStart should be text, not an object" },
    ]);
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", reviews: 3 }).errors).toEqual([
      { field: "reviews", reason: "reviews should be a list of dates, not number 3" },
    ]);
  });

  it("an unknown field is an error with the field it most likely meant, never read as nothing", () => {
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", review: ["2026-01-29"] }).errors).toEqual([
      { field: "review", reason: '"review" is not a case field: did you mean "reviews"?' },
    ]);
    expect(readCaseRecord({ ref: "B1", track: "cp", strategyDiscussions: ["2026-02-02"], ICPC: "2026-02-20" }).errors).toEqual([
      { field: "ICPC", reason: '"ICPC" is not a case field: did you mean "icpc"?' },
    ]);
    expect(readCaseRecord({ ref: "B1", track: "lac", periodStart: "2026-01-05", colour: "red" }).errors[0]?.reason).toMatch(/^"colour" is not a case field \(known: ref, track, nation, reviews, ended, periodStart/);
  });

  it("a field of another track is an error when it has a value", () => {
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", approved: "2025-01-01" }).errors).toEqual([
      { field: "approved", reason: "approved is not used for lac cases (it is for foster-carer)" },
    ]);
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", approved: "" }).errors).toEqual([]);
  });

  it("reads the s.47 enquiry, transfer-in and pre-birth fields, and early reviews in JSON or CSV form", () => {
    expect(readCaseRecord({ ref: "B1", track: "cp", strategyDiscussions: "02/02/2026;09/02/2026", s47Discussion: "09/02/2026", preBirth: "yes", born: "2026-05-20" }).timescaleCase).toEqual({
      track: "cp", nation: "england", reviews: [], ended: null, strategyDiscussions: ["2026-02-02", "2026-02-09"],
      s47Discussion: "2026-02-09", s47Start: null, icpc: null, transferIn: null, born: "2026-05-20", preBirth: true,
    });
    expect(readCaseRecord({ ref: "T1", track: "cp", transferIn: "2026-12-24" }).errors).toEqual([]);
    const csv = readCaseRecord({ ref: "A1", track: "lac", periodStart: "05/01/2026", earlyReviews: "02/03/2026 iro-request; 10/03/2026 care-plan-change" });
    const json = readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", earlyReviews: [{ requested: "2026-03-02", reason: "iro-request" }, "2026-03-10 care-plan-change"] });
    expect(csv.timescaleCase).toEqual(json.timescaleCase);
    expect(json.timescaleCase).toMatchObject({ earlyReviews: [{ requested: "2026-03-02", reason: "iro-request" }, { requested: "2026-03-10", reason: "care-plan-change" }] });
    expect(readCaseRecord({ ref: "A1", track: "lac", periodStart: "2026-01-05", earlyReviews: ["2026-03-02 because"] }).errors[0]?.reason).toMatch(/^earlyReviews\[1\]: the reason should be one of iro-request/);
    expect(readCaseRecord({ ref: "B1", track: "cp", strategyDiscussions: ["2026-02-02"], born: "2026-05-20" }).errors).toEqual([
      { field: "born", reason: "born is for a pre-birth conference: set preBirth to true" },
    ]);
  });
});
