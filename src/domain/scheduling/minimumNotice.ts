import { addWorkingDays } from "../calendar/addWorkingDays.js";
import type { IsoDate } from "../calendar/isoDate.js";
import type { WorkingCalendar, WorkingDays } from "../calendar/workingCalendar.js";

/** A service's minimum notice, in working days, before the earliest time a meeting may be offered. */
export interface MinimumNotice {
  /** When anyone outside the council is invited: a parent, a carer, a partner agency (attendeeList.ts, isOutsideCouncil). */
  readonly familyOrPartners: WorkingDays;
  /** When only the council's own staff are invited. */
  readonly staffOnly: WorkingDays;
}

/**
 * The first day a review or conference can be offered for, invited today: the notice's Nth working
 * day after today (today is day 0, as every working-day count in domain.md), longer when anyone
 * outside the council is invited. The regulations set no notice; the service sets its own
 * (a local rule, see serviceSettings), because the child, parents and carers are to be consulted
 * before each review (Care Planning, Placement and Case Review (England) Regulations 2010,
 * reg. 36) and parents given clear information before a conference (Working Together to
 * Safeguard Children 2023, ch. 2), which a same-day invitation makes impossible.
 *
 * Invited on Monday 02/03/2026 with a parent among them and 5 working days' notice: Monday
 * 09/03/2026. Staff only with 1: Tuesday 03/03/2026. On Thursday 02/04/2026 with 5: Monday
 * 13/04/2026 (Good Friday and Easter Monday are not working days).
 */
export function earliestMeetingDay(calendar: WorkingCalendar, today: IsoDate, outsideInvited: boolean, notice: MinimumNotice): IsoDate {
  return addWorkingDays(calendar, today, outsideInvited ? notice.familyOrPartners : notice.staffOnly);
}
