import { describe, expect, it } from "vitest";
import { addDays, parseIsoDate, type IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { quarter, reportingQuarter, reportingYear, reportingYearStarting } from "../../../src/domain/performance/reportingPeriod.js";

const d = (s: string) => s as IsoDate;

describe("reporting periods are real dates", () => {
  it("the reporting year runs 1 April to 31 March", () => {
    expect(reportingYear(d("2026-03-31"))).toEqual({ from: "2025-04-01", to: "2026-03-31", label: "2025–26" });
    expect(reportingYear(d("2026-04-01"))).toEqual(reportingYearStarting(2026));
    expect(reportingYearStarting(1999).label).toBe("1999–00");
  });

  it("Q1 ends on 30/06, not 31/06; Q2 on 30/09, Q3 on 31/12, Q4 on 31/03 of the next calendar year", () => {
    expect(reportingQuarter(2025, 1)).toEqual({ from: "2025-04-01", to: "2025-06-30", label: "Q1 2025–26" });
    expect(reportingQuarter(2025, 2)).toEqual({ from: "2025-07-01", to: "2025-09-30", label: "Q2 2025–26" });
    expect(reportingQuarter(2025, 3)).toEqual({ from: "2025-10-01", to: "2025-12-31", label: "Q3 2025–26" });
    expect(reportingQuarter(2025, 4)).toEqual({ from: "2026-01-01", to: "2026-03-31", label: "Q4 2025–26" });
  });

  it("every quarter of 2019–2030 starts and ends on real dates, and the four tile their year with no gap or overlap", () => {
    for (let year = 2019; year <= 2030; year++) {
      const quarters = ([1, 2, 3, 4] as const).map((q) => reportingQuarter(year, q));
      for (const q of quarters) {
        expect(parseIsoDate(q.from), q.label).toBe(q.from);
        expect(parseIsoDate(q.to), q.label).toBe(q.to);
        expect(parseIsoDate(addDays(q.to, 1))?.endsWith("-01"), `${q.label} ends on its month's last day`).toBe(true);
      }
      expect(quarters[0]!.from).toBe(reportingYearStarting(year).from);
      expect(quarters[3]!.to).toBe(reportingYearStarting(year).to);
      for (let i = 1; i < 4; i++) expect(quarters[i]!.from).toBe(addDays(quarters[i - 1]!.to, 1));
    }
  });

  it("the quarter containing a day, on its first and last days", () => {
    expect(quarter(d("2026-11-25"))).toEqual({ from: "2026-10-01", to: "2026-12-31", label: "Q3 2026–27" });
    expect(quarter(d("2027-02-14"))).toEqual({ from: "2027-01-01", to: "2027-03-31", label: "Q4 2026–27" });
    expect(quarter(d("2025-06-30"))).toEqual(reportingQuarter(2025, 1));
    expect(quarter(d("2025-07-01"))).toEqual(reportingQuarter(2025, 2));
    expect(quarter(d("2028-03-31"))).toEqual(reportingQuarter(2027, 4));
  });
});
