import type { IsoDate } from "../calendar/isoDate.js";
import { subtractWorkingDays } from "../calendar/subtractWorkingDays.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";

/**
 * The day the chair is reminded that a meeting's full record is due: the working day before its
 * due-by date (the record deadlines are local timescales, see domain/records/meetingRecords.ts),
 * never before the meeting itself. A record due Tue 07/04/2026 is reminded on Thu 02/04 (Good Friday
 * and Easter Monday skipped); one due the day of the meeting is reminded that day.
 */
export function recordReminderDay(calendar: WorkingCalendar, held: IsoDate, dueBy: IsoDate): IsoDate {
  const before = subtractWorkingDays(calendar, dueBy, workingDays(1));
  return before < held ? held : before;
}
