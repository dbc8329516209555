import { dateParts, daysInMonth, isoDate, type IsoDate } from "../calendar/isoDate.js";

export interface ReportingPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly label: string;
}

/**
 * The reporting year starting in April of `startYear` (1 April to 31 March, as the SSDA903 and CIN
 * returns count). reportingYearStarting(2026) = 01/04/2026 to 31/03/2027, "2026–27".
 */
export function reportingYearStarting(startYear: number): ReportingPeriod {
  return { from: isoDate(startYear, 4, 1), to: isoDate(startYear + 1, 3, 31), label: `${startYear}–${String(startYear + 1).slice(2)}` };
}

/** The reporting year containing a day. reportingYear("2026-11-25") = 01/04/2026 to 31/03/2027, "2026–27". */
export function reportingYear(day: IsoDate): ReportingPeriod {
  const { year, month } = dateParts(day);
  return reportingYearStarting(month >= 4 ? year : year - 1);
}

/**
 * Quarter `q` (1–4) of the reporting year starting in April of `startYear`: Q1 is April to June,
 * Q4 January to March of the next calendar year. Each ends on its last month's real last day:
 * reportingQuarter(2025, 1) = 01/04/2025 to 30/06/2025, "Q1 2025–26".
 */
export function reportingQuarter(startYear: number, q: 1 | 2 | 3 | 4): ReportingPeriod {
  const startMonth = [4, 7, 10, 1][q - 1]!;
  const year = q === 4 ? startYear + 1 : startYear;
  const endMonth = startMonth + 2;
  return { from: isoDate(year, startMonth, 1), to: isoDate(year, endMonth, daysInMonth(year, endMonth)), label: `Q${q} ${reportingYearStarting(startYear).label}` };
}

/** The quarter of the reporting year containing a day: quarter("2026-11-25") is Q3 2026–27 (01/10/2026 to 31/12/2026). */
export function quarter(day: IsoDate): ReportingPeriod {
  const { year, month } = dateParts(day);
  const startYear = month >= 4 ? year : year - 1;
  const q = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return reportingQuarter(startYear, q as 1 | 2 | 3 | 4);
}
