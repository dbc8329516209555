import type { IsoDate } from "../calendar/isoDate.js";
import { londonTimeToInstant, type Instant } from "../calendar/londonTime.js";

/** When reminders appear: 09:00 London time, the start of a working day. */
const NINE = 9 * 60;

export interface ReminderSlot {
  /** The deadline's own entry in the calendar: 09:00–09:15 on the deadline day. */
  readonly start: Instant;
  readonly end: Instant;
  /** Outlook's reminder, in minutes before the start: it fires at 09:00 on the day to remind. */
  readonly minutesBefore: number;
}

/**
 * A reminder in the IRO's own calendar: a short entry at 09:00 on the deadline day whose Outlook
 * reminder fires at 09:00 on `remindOn` (working days are counted by the caller; Outlook counts
 * minutes, so a reminder a working day before a Monday deadline is 3 days = 4320 minutes ahead).
 * Across the clock change the minutes are the real ones: a deadline on Mon 30/03/2026 reminded on
 * Fri 27/03 is 71 hours (4260 minutes) ahead, BST having begun on the Sunday.
 */
export function reminderSlot(deadline: IsoDate, remindOn: IsoDate): ReminderSlot {
  const start = londonTimeToInstant(deadline, NINE);
  const at = londonTimeToInstant(remindOn <= deadline ? remindOn : deadline, NINE);
  return { start, end: londonTimeToInstant(deadline, NINE + 15), minutesBefore: Math.round((start - at) / 60_000) };
}
