import { fromDayNumber, toDayNumber, type IsoDate } from "./isoDate.js";
import type { WorkingCalendar, WorkingDays } from "./workingCalendar.js";

/**
 * "Within N working days of day D": D is day 0 and the deadline is the Nth working day after D
 * (domain.md, Working days; used by reg. 33(1) of the Care Planning, Placement and Case Review
 * (England) Regulations 2010 and by Working Together for the initial child protection conference).
 * D itself need not be a working day. N = 0 gives D.
 *
 * addWorkingDays(england, "2026-01-05", 20) = "2026-02-02";
 * addWorkingDays(england, "2026-12-23", 2) = "2026-12-29" (Christmas Day and substitute Boxing Day 28th skipped).
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, count: WorkingDays): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${count}`);
  let day = toDayNumber(date);
  let left: number = count;
  while (left > 0) {
    day++;
    if (calendar.isWorkingDayNumber(day)) left--;
  }
  return fromDayNumber(day);
}
