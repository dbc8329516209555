import { civilFromDayNumber, isoDate, isoWeekdayOfDayNumber, toDayNumber, type IsoDate } from "./isoDate.js";
import { holidayDivision, type Nation } from "./nation.js";
import { ukBankHolidays } from "./ukBankHolidays.js";

/** Working days are not calendar days: a count of Monday–Friday days that are not bank holidays. */
declare const workingDaysBrand: unique symbol;
export type WorkingDays = number & { readonly [workingDaysBrand]: true };
export const workingDays = (count: number): WorkingDays => count as WorkingDays;

/** Dates a service adds (a holiday announced after this release) or removes (a holiday moved). */
export interface HolidayAdjustments {
  readonly add?: readonly IsoDate[];
  readonly remove?: readonly IsoDate[];
}

/** Which days are working days for one nation's services. Build one with workingCalendar(). */
export interface WorkingCalendar {
  readonly nation: Nation;
  /** True on Monday–Friday unless the day is a bank holiday; takes a day number (see toDayNumber). */
  isWorkingDayNumber(dayNumber: number): boolean;
  /** How many Monday–Friday days after day number `after`, up to and including `upTo`, are holidays. */
  holidaysBetween(after: number, upTo: number): number;
}

/**
 * The working-day calendar of a nation: Monday to Friday, less that jurisdiction's bank
 * holidays (England and Wales share theirs), with the service's own adjustments.
 * Holidays are worked out once per year asked for and then kept.
 *
 * workingCalendar("scotland").isWorkingDayNumber(toDayNumber("2026-01-02")) is false (2nd January).
 */
export function workingCalendar(nation: Nation, adjustments: HolidayAdjustments = {}): WorkingCalendar {
  const division = holidayDivision(nation);
  const added = new Set((adjustments.add ?? []).map(toDayNumber));
  const removed = new Set((adjustments.remove ?? []).map(toDayNumber));
  const byYear = new Map<number, readonly number[]>();
  const weekdayHolidays = (year: number): readonly number[] => {
    let days = byYear.get(year);
    if (!days) {
      const inYear = (d: number) => civilFromDayNumber(d).year === year && isoWeekdayOfDayNumber(d) <= 5;
      days = [...new Set([
        ...ukBankHolidays(division, year).map((h) => toDayNumber(h.date)).filter((d) => !removed.has(d)),
        ...[...added].filter(inYear),
      ])].sort((a, b) => a - b);
      byYear.set(year, days);
      for (const d of days) allHolidays.add(d);
      sorted = [...allHolidays].sort((a, b) => a - b);
    }
    return days;
  };
  /** Every loaded holiday in order, for counting them over a span by binary search. */
  let sorted: number[] = [];
  const atOrBefore = (day: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! <= day) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  // The hot path (every day of every deadline of every case) is a range check and one set lookup:
  // the holidays of a contiguous run of years are loaded, and widened when a day falls outside it.
  const allHolidays = new Set<number>();
  let firstYear = Number.NaN;
  let lastYear = Number.NaN;
  let loadedFrom = Infinity;
  let loadedTo = -Infinity;
  const load = (dayNumber: number) => {
    const year = civilFromDayNumber(dayNumber).year;
    firstYear = Math.min(year, Number.isNaN(firstYear) ? year : firstYear);
    lastYear = Math.max(year, Number.isNaN(lastYear) ? year : lastYear);
    for (let y = firstYear; y <= lastYear; y++) weekdayHolidays(y);
    loadedFrom = toDayNumber(isoDate(firstYear, 1, 1));
    loadedTo = toDayNumber(isoDate(lastYear, 12, 31));
  };
  return {
    nation,
    holidaysBetween(after, upTo) {
      if (after + 1 < loadedFrom || after + 1 > loadedTo) load(after + 1);
      if (upTo < loadedFrom || upTo > loadedTo) load(upTo);
      return atOrBefore(upTo) - atOrBefore(after);
    },
    isWorkingDayNumber(dayNumber) {
      if (isoWeekdayOfDayNumber(dayNumber) > 5) return false;
      if (dayNumber < loadedFrom || dayNumber > loadedTo) load(dayNumber);
      return !allHolidays.has(dayNumber);
    },
  };
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return calendar.isWorkingDayNumber(toDayNumber(date));
}
