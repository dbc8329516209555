import { describe, expect, it } from "vitest";
import { readServiceSettings } from "../../src/app/readServiceSettings.js";
import { buildReport } from "../../src/app/report/buildReport.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { reportingQuarter, reportingYearStarting } from "../../src/domain/performance/reportingPeriod.js";
import { reportPeriods, type ServiceReport } from "../../src/domain/performance/serviceReport.js";
import { shownNumbers } from "../../src/domain/performance/shownNumbers.js";
import { SMALL_SERVICE, STAFF } from "../fixtures/smallService.js";

const d = (s: string) => s as IsoDate;
const settings = { ...DEFAULT_SETTINGS, staff: STAFF };
const annual = (year: number, over: Partial<typeof settings> = {}) => buildReport(SMALL_SERVICE, { ...settings, ...over }, { kind: "annual", period: reportingYearStarting(year), today: d("2026-03-02") });
const sentence = (r: ServiceReport, id: string) => r.sections.flatMap((s) => s.figures).find((f) => f.id === id)!.sentence;

describe("the annual report of a service counted by hand (tests/fixtures/smallService.ts)", () => {
  it("says each figure in a sentence, with the previous year (when the service had nothing) and the national figure", async () => {
    const r = await annual(2025);
    expect(r.title).toBe("Independent Reviewing Officer service: annual report 2025–26");
    expect(r.previous.label).toBe("2024–25");
    expect(sentence(r, "lac-reviews-in-timescale")).toBe("60.0% of looked after children's reviews held were in timescale (3 of 5); there were none in 2024–25 to compare with.");
    expect(sentence(r, "icpc-in-timescale")).toBe(
      "50.0% of initial child protection conferences were held within 15 working days (1 of 2); there were none in 2024–25 to compare with. Nationally: 81.4% (England, DfE Children in need statistics 2025, table C4, counted from the start of the section 47 enquiry, 2024–25).",
    );
    expect(sentence(r, "rcpc-in-timescale")).toBe("100.0% of review child protection conferences were held in timescale (1 of 1); there were none in 2024–25 to compare with.");
    expect(sentence(r, "participation")).toBe("66.7% of reviews of children aged 4 or over had the child take part or convey their views (2 of 3); there were none in 2024–25 to compare with.");
    expect(sentence(r, "on-register")).toBe("On 31/03/2026: 2 children looked after (0 children at the end of 2024–25), 2 children on a child protection plan (0 children at the end of 2024–25), 0 children both.");
    expect(sentence(r, "caseload")).toBe("All IROs (4 children at 1.5 FTE): 2.7 children per FTE, below the guidance of 50–70 per full-time IRO; 0 of 2 IROs were above it.");
    expect(sentence(r, "disputes")).toBe("Disputes raised: 2 disputes, up from 0 disputes in 2024–25; open at the end of the period: 1 dispute.");
    expect(sentence(r, "dispute-resolution")).toBe("100.0% of disputes resolved in this period took at most 20 working days (1 of 1); there were none in 2024–25 to compare with. The median time to resolve was 15 working days. Referred to Cafcass: 0 disputes.");
    expect(sentence(r, "late-reasons")).toBe("3 reviews and conferences were held out of timescale; the reason recorded most often was “No reason recorded” (2).");
    expect(sentence(r, "children-by-age")).toBe("The largest age group of looked after children on 31/03/2026 was 1 to 4: 1 of 2 children (50.0%).");
  });

  it("compares with the year before and draws the trend over the years the register holds", async () => {
    // Q1 2025–26: A's review 1 and B's review 1, both in time; Q2: A's review 2, late.
    const q2 = await buildReport(SMALL_SERVICE, settings, { kind: "quarterly", period: reportingQuarter(2025, 2), today: d("2026-03-02") });
    expect(q2.title).toBe("Independent Reviewing Officer service: quarterly performance report, Q2 2025–26");
    expect(sentence(q2, "lac-reviews-in-timescale")).toBe("0.0% of looked after children's reviews held were in timescale (0 of 1), down from 100.0% in Q1 2025–26.");
    const r = await annual(2026);
    expect(sentence(r, "lac-reviews-in-timescale")).toBe("No looked after children's reviews were held in this period.");
    const reviews = r.sections.flatMap((s) => s.figures).find((f) => f.id === "lac-reviews-in-timescale")!;
    expect(reviews.trend!.periods).toEqual(["2025–26", "2026–27"]);
    expect(reviews.trend!.lines[0]!.points[0]!.text).toBe("3 of 5 reviews (60.0%)");
    expect(reviews.chart!.series.map((s) => s.name)).toEqual(["2026–27", "2025–26"]);
  });

  it("withholds numbers from 1 to 5, and what they could be worked out from, when the service turns it on", async () => {
    const r = await annual(2025, { suppressSmallNumbers: true });
    expect(sentence(r, "lac-reviews-in-timescale")).toBe("The share of looked after children's reviews held that were in timescale is withheld because the numbers are small.");
    expect(JSON.stringify(r)).not.toMatch(/60\.0%|3 of 5/);
    expect(r.about.join(" ")).toContain("Numbers from 1 to 5 are withheld");
    const chart = r.sections.flatMap((s) => s.figures).find((f) => f.id === "lac-reviews-in-timescale")!.chart;
    expect(chart).toBeNull();
  });

  it("a period with no data says so, and never divides by zero", async () => {
    const r = await annual(2015);
    expect(r.noData).toBe(true);
    expect(r.about[0]).toBe("The case register holds nothing for 01/04/2015 to 31/03/2016: no child looked after or on a child protection plan, and no review, conference or dispute. Every figure below says so.");
    expect(sentence(r, "lac-reviews-in-timescale")).toBe("No looked after children's reviews were held in this period.");
    expect(sentence(r, "icpc-in-timescale")).toBe("No initial child protection conferences were held in this period.");
    expect(sentence(r, "on-register")).toBe("No children were looked after or on a child protection plan on 31/03/2016.");
    expect(sentence(r, "late-reasons")).toBe("No review or conference was held out of timescale in this period.");
    expect(sentence(r, "dispute-resolution")).toBe("No disputes were resolved in this period. Referred to Cafcass: 0 disputes.");
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|undefined|null%/);
  });

  it("keeps placeholders for the manager's words, marked so none is published by mistake", async () => {
    const r = await annual(2025);
    const all = [r.opening, ...r.sections.map((s) => s.placeholder), ...r.closing];
    expect(all.map((p) => p.heading)).toEqual(expect.arrayContaining(["Summary", "Achievements this year", "Priorities for next year"]));
    for (const p of all) expect(p.text).toMatch(/^\[Manager to write: .+\. Replace this note before publishing\.\]$/);
    expect(r.sections.find((s) => s.id === "feedback")!.notRecorded).toMatch(/does not record/);
  });
});

describe("the periods a report compares", () => {
  it("annual: the year before, and each year from the first the register holds (at most ten)", () => {
    const y = reportingYearStarting(2025);
    expect(reportPeriods("annual", y, d("2019-05-01")).trend.map((p) => p.label)).toEqual(["2019–20", "2020–21", "2021–22", "2022–23", "2023–24", "2024–25", "2025–26"]);
    expect(reportPeriods("annual", y, d("2005-01-10")).trend.map((p) => p.label)).toEqual(["2016–17", "2017–18", "2018–19", "2019–20", "2020–21", "2021–22", "2022–23", "2023–24", "2024–25", "2025–26"]);
    expect(reportPeriods("annual", y, null)).toEqual({ previous: reportingYearStarting(2024), trend: [y] });
  });

  it("quarterly: the quarter before (Q4 before Q1), and the quarters of this reporting year and the last", () => {
    expect(reportPeriods("quarterly", reportingQuarter(2025, 3), null).previous).toEqual(reportingQuarter(2025, 2));
    expect(reportPeriods("quarterly", reportingQuarter(2025, 1), null).previous).toEqual({ from: "2025-01-01", to: "2025-03-31", label: "Q4 2024–25" });
    expect(reportPeriods("quarterly", reportingQuarter(2025, 4), null).trend.map((q) => `${q.label} ${q.to}`)).toEqual([
      "Q1 2024–25 2024-06-30", "Q2 2024–25 2024-09-30", "Q3 2024–25 2024-12-31", "Q4 2024–25 2025-03-31",
      "Q1 2025–26 2025-06-30", "Q2 2025–26 2025-09-30", "Q3 2025–26 2025-12-31", "Q4 2025–26 2026-03-31",
    ]);
  });
});

describe("numbers as a published report shows them", () => {
  const row = (value: number, of?: number) => ({ value, ...(of !== undefined ? { of } : {}), counted: "reviews" as const, children: [] });
  it("shows every number when suppression is off", () => {
    expect(shownNumbers(row(3, 5), false).text).toBe("3 of 5 reviews (60.0%)");
    expect(shownNumbers(row(0, 0), false).text).toBe("no reviews");
    expect(shownNumbers(row(1), false).text).toBe("1 review");
  });
  it("withholds 1–5, a share of 1–5, and a count whose complement is 1–5; 0 and 6 are shown", () => {
    expect(shownNumbers(row(3, 40), true)).toMatchObject({ value: null, of: 40, percent: null, text: "withheld (of 40 reviews)" });
    expect(shownNumbers(row(0, 4), true)).toMatchObject({ value: null, of: null, text: "withheld" });
    expect(shownNumbers(row(37, 40), true).text).toBe("withheld (of 40 reviews)");
    expect(shownNumbers(row(6, 40), true).text).toBe("6 of 40 reviews (15.0%)");
    expect(shownNumbers(row(0, 40), true).text).toBe("0 of 40 reviews (0.0%)");
    expect(shownNumbers(row(5), true).text).toBe("withheld");
    expect(shownNumbers({ value: 76.7, counted: "children per FTE", children: [] }, true).text).toBe("76.7 children per FTE");
  });
});

describe("the reports' settings", () => {
  it("suppressSmallNumbers and comparators are read and checked with the other service settings", () => {
    const comparator = { figure: "lac-reviews-in-timescale", line: "All reviews in timescale", percent: 88.5, source: "Regional benchmarking club", year: "2024–25" };
    const good = readServiceSettings({ suppressSmallNumbers: true, comparators: [comparator] });
    expect(good.errors).toEqual([]);
    expect(good.settings).toMatchObject({ suppressSmallNumbers: true, comparators: [comparator] });
    expect(readServiceSettings({}).settings.comparators.map((c) => [c.figure, c.percent, c.year])).toEqual([["icpc-in-timescale", 81.4, "2024–25"]]);
    expect(readServiceSettings({ suppressSmallNumbers: "yes", comparators: [{ ...comparator, percent: 120 }] }).errors).toEqual([
      "settings.suppressSmallNumbers should be true or false",
      'settings.comparators should be a list of { "figure": a figure id, "line": its line, "percent": 0 to 100, "source": text, "year": text }',
    ]);
  });
});
