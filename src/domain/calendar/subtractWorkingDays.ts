import { fromDayNumber, toDayNumber, type IsoDate } from "./isoDate.js";
import type { WorkingCalendar, WorkingDays } from "./workingCalendar.js";

/**
 * The Nth working day before `date` (the inverse of addWorkingDays): what "N working days before
 * the meeting" means when a service sends its consultation forms that long ahead (local procedure
 * under the Children Act 1989 s.26(2)(d), which requires views to be sought before a review).
 * `date` itself need not be a working day. N = 0 gives `date`.
 *
 * subtractWorkingDays(england, "2026-04-17", 10) = "2026-04-01" (Good Friday 03/04 and Easter Monday 06/04 skipped).
 */
export function subtractWorkingDays(calendar: WorkingCalendar, date: IsoDate, count: WorkingDays): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${count}`);
  let day = toDayNumber(date);
  let left: number = count;
  while (left > 0) {
    day--;
    if (calendar.isWorkingDayNumber(day)) left--;
  }
  return fromDayNumber(day);
}
