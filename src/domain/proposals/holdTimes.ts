import { addWorkingDays } from "../calendar/addWorkingDays.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";

export interface HoldTimes {
  /** The holds are good to the end of this day. */
  readonly expiresOn: IsoDate;
  /** The IRO's reminder to confirm a time. */
  readonly remindOn: IsoDate;
  /** Waiting until the holds expire would leave no time to propose again before the due-by date. */
  readonly atRisk: boolean;
}

/**
 * How long times proposed on `proposedOn` are held, and when the IRO is reminded to confirm one.
 * Holds last `holdWorkingDays` working days (a service setting; local practice). The reminder
 * comes on the working day before they expire; it comes sooner, on the next working day, when the
 * review would be at risk: if the holds expired unconfirmed, a new proposal (at least
 * the minimum notice ahead) could no longer be held by the due-by date, which is
 * statutory (e.g. CPPCR (England) Regulations 2010 reg. 33 for looked after children's reviews).
 *
 * Proposed Mon 02/03/2026, holds of 3 working days, due by 29/04/2026, 5 days' notice: expire
 * Thu 05/03, reminder Wed 04/03. The same proposal with the review due by Wed 11/03: a new
 * proposal after Thu 05/03 could not give 5 days' notice in time, so the reminder comes Tue 03/03.
 * Proposed Thu 02/04/2026 (before Easter): holds expire Thu 09/04 (Good Friday and Easter Monday skipped).
 */
export function holdTimes(calendar: WorkingCalendar, proposedOn: IsoDate, holdWorkingDays: number, dueBy: IsoDate, minimumNotice: number): HoldTimes {
  const expiresOn = addWorkingDays(calendar, proposedOn, workingDays(holdWorkingDays));
  const nextWorkingDay = addWorkingDays(calendar, proposedOn, workingDays(1));
  const dayBefore = addWorkingDays(calendar, proposedOn, workingDays(Math.max(1, holdWorkingDays - 1)));
  const atRisk = addWorkingDays(calendar, expiresOn, workingDays(minimumNotice)) > dueBy;
  return { expiresOn, remindOn: atRisk ? nextWorkingDay : dayBefore, atRisk };
}
