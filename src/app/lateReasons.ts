import { ErrorForPeople } from "../domain/errorForPeople.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";

/** The reasons a service records when a review or conference is booked after its due-by date. */
export const LATE_REASONS = [
  "Chair unavailable",
  "Social worker unavailable",
  "Family or carers asked for a later date",
  "Child unwell or unavailable",
  "Reports not ready",
  "Placement move",
  "Other",
] as const;

/** A booking after the due-by date needs a reason from the list: this is thrown before anything is booked. */
export class LateReasonNeeded extends ErrorForPeople {
  constructor(dueBy: IsoDate) {
    super(`This is after the due-by date (${formatUkDate(dueBy)}). Choose why it is late: the reason is kept on the case and the review counts as out of timescale.`);
  }
}

/** A reason from the service's list (a free-text reason alone would not count in the figures). */
export function isLateReason(lateReason: { readonly reason: string } | null): boolean {
  return lateReason !== null && LATE_REASONS.includes(lateReason.reason as (typeof LATE_REASONS)[number]);
}
