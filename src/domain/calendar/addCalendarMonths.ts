import { dateParts, daysInMonth, isoDate, type IsoDate } from "./isoDate.js";

/**
 * "Within N months of D": the same day of the month N months later, or the last day of that
 * month when it has no such day (domain.md, Working days; the reading used for reg. 33 of the
 * Care Planning, Placement and Case Review (England) Regulations 2010).
 *
 * addCalendarMonths("2026-08-31", 6) = "2027-02-28"; addCalendarMonths("2027-08-31", 6) = "2028-02-29";
 * addCalendarMonths("2026-01-29", 3) = "2026-04-29".
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const later = calendarMonthsLater(year, month, day, months);
  return isoDate(later.year, later.month, later.day);
}

/** addCalendarMonths on a date's parts, giving the parts: for counting in day numbers without making text. */
export function calendarMonthsLater(year: number, month: number, day: number, months: number): { year: number; month: number; day: number } {
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return { year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) };
}
