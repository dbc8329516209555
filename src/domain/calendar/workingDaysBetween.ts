import { toDayNumber, type IsoDate } from "./isoDate.js";
import { workingDays, type WorkingCalendar, type WorkingDays } from "./workingCalendar.js";

/**
 * Working days after `from` up to and including `to`: the inverse of addWorkingDays, so
 * workingDaysBetween(c, d, addWorkingDays(c, d, n)) = n. Negative when `to` is before `from`
 * (the working days after `to` up to and including `from`, with a minus sign: "overdue by N"). This is how the
 * children in need census counts the days from the start of a s.47 enquiry to the ICPC.
 *
 * workingDaysBetween(england, "2026-01-05", "2026-02-02") = 20.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): WorkingDays {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const low = Math.min(start, end);
  const high = Math.max(start, end);
  // Weekdays by arithmetic, less the weekday holidays in the span (a binary search in the
  // calendar's sorted holidays): no loop over days (the caseload counts days left for every child).
  const count = weekdaysBefore(high + 1) - weekdaysBefore(low + 1) - calendar.holidaysBetween(low, high);
  return workingDays(start <= end ? count : -count);
}

/** Monday–Friday days before day number n, counted from Monday 1969-12-29 (day -3). */
function weekdaysBefore(n: number): number {
  const sinceMonday = n + 3;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}
