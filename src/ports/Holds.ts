import type { Instant } from "../domain/calendar/londonTime.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { Answer } from "../domain/proposals/proposal.js";
import type { Attendee, Booking } from "./Calendar.js";

/** One proposed time to hold in the signed-in user's calendar, inviting the attendees with a meeting request. */
export interface HoldRequest {
  readonly caseRef: CaseRef;
  /** The event the times are for, e.g. "lac-review 3". */
  readonly eventKind: string;
  /** 1, 2 or 3. */
  readonly option: number;
  readonly subject: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly Attendee[];
  readonly bodyHtml: string;
  readonly location?: string;
  /** Each invitee sees only themselves (Graph's hideAttendees), under the service's attendeeList policy. */
  readonly hideAttendees: boolean;
  /** The same id on every try, so a retried create never holds the time twice. */
  readonly transactionId: string;
}

/** An attendee of a hold and the answer Exchange recorded for them (null: not answered yet). */
export interface HoldAttendee extends Attendee {
  readonly answer: Answer | null;
  readonly answeredAt: Instant | null;
}

/** A proposed time as it stands in the organizer's calendar. */
export interface Hold {
  readonly id: string;
  readonly caseRef: CaseRef;
  readonly eventKind: string;
  readonly option: number;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly HoldAttendee[];
}

/** What a hold becomes when its time is confirmed. */
export interface BookingChanges {
  readonly caseRef: CaseRef;
  readonly subject: string;
  readonly bodyHtml: string;
  readonly online: boolean;
  readonly location?: string;
  /** The booking's own tag, e.g. "lac-review 3": from now on it counts as the booking. */
  readonly eventKind: string;
}

/** Proposed times in the signed-in user's calendar: held as tentative, answered by the people invited, then confirmed or released. */
export interface HoldCalendar {
  placeHold(request: HoldRequest, signal?: AbortSignal): Promise<Hold>;
  /** The signed-in user's holds for a case, each attendee with the answer Exchange recorded. */
  holdsForCase(caseRef: CaseRef, signal?: AbortSignal): Promise<Hold[]>;
  /** The hold becomes the booking (busy, the full invitation, the Teams meeting); its attendees get the update. */
  confirmHold(id: string, changes: BookingChanges, signal?: AbortSignal): Promise<Booking>;
  /** Cancels a hold and tells its attendees, with `comment`; a hold already gone counts as released. */
  releaseHold(id: string, comment: string, signal?: AbortSignal): Promise<void>;
}
