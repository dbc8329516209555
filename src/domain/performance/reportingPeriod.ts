import { dateParts, isoDate, type IsoDate } from "../calendar/isoDate.js";

export interface ReportingPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly label: string;
}

/**
 * The reporting year (1 April to 31 March, as the SSDA903 and CIN returns count) containing a day.
 * reportingYear("2026-11-25") = 01/04/2026 to 31/03/2027, "2026–27".
 */
export function reportingYear(day: IsoDate): ReportingPeriod {
  const { year, month } = dateParts(day);
  const start = month >= 4 ? year : year - 1;
  return { from: isoDate(start, 4, 1), to: isoDate(start + 1, 3, 31), label: `${start}–${String(start + 1).slice(2)}` };
}

/** The quarter of the reporting year containing a day: Q1 is April to June. quarter("2026-11-25") is Q3 2026–27. */
export function quarter(day: IsoDate): ReportingPeriod {
  const { year, month } = dateParts(day);
  const q = month >= 4 ? Math.floor((month - 4) / 3) : 3;
  const startMonth = [4, 7, 10, 1][q]!;
  const endMonth = startMonth + 2;
  const lastDay = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 30, 31][endMonth - 1]!;
  const yearLabel = reportingYear(day).label;
  return { from: isoDate(year, startMonth, 1), to: isoDate(year, endMonth, lastDay), label: `Q${q + 1} ${yearLabel}` };
}
