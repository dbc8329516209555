import type { Instant } from "../domain/calendar/londonTime.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { InviteeRole } from "../domain/scheduling/inviteeRole.js";

export type FreeBusyStatus = "free" | "tentative" | "busy" | "oof" | "workingElsewhere";

export interface BusyItem {
  readonly start: Instant;
  readonly end: Instant;
  readonly status: FreeBusyStatus;
  readonly subject?: string;
}

/** One person's free/busy over a window. `known` is false for people outside the tenant: never treat them as free. */
export type Availability =
  | { readonly address: string; readonly known: true; readonly items: readonly BusyItem[]; readonly workingHours: WorkingHours | null }
  | { readonly address: string; readonly known: false; readonly reason: string };

export interface WorkingHours {
  /** 1 Monday … 7 Sunday */
  readonly days: readonly number[];
  /** Minutes after midnight, in `timeZone`. */
  readonly start: number;
  readonly end: number;
  /** The mailbox's time zone (IANA name) the hours are in; Europe/London when not given. */
  readonly timeZone?: string;
}

export interface Attendee {
  readonly address: string;
  readonly name: string;
  readonly type: "required" | "optional";
}

/** Someone invited to a review or conference, and who they are to the child (shown, and deciding the notice). */
export interface Invitee extends Attendee {
  readonly role: InviteeRole;
}

export interface BookingRequest {
  readonly caseRef: CaseRef;
  /** e.g. "lac-review 3": which statutory event the booking is for. */
  readonly eventKind: string;
  readonly subject: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly Attendee[];
  readonly bodyHtml: string;
  readonly online: boolean;
  readonly location?: string;
  /** The same id on every try of one booking, so a retried create never books twice. */
  readonly transactionId: string;
  /** Each invitee sees only themselves in the invitation (Graph's event.hideAttendees). */
  readonly hideAttendees: boolean;
}

export interface Booking {
  readonly id: string;
  readonly caseRef: CaseRef | null;
  readonly eventKind: string | null;
  readonly subject: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly Attendee[];
  readonly joinUrl: string | null;
  readonly webLink: string | null;
  readonly cancelled: boolean;
}

/** The signed-in user's calendar, and others' free/busy. */
export interface Calendar {
  freeBusy(addresses: readonly string[], from: Instant, to: Instant, signal?: AbortSignal): Promise<Availability[]>;
  createBooking(request: BookingRequest, signal?: AbortSignal): Promise<Booking>;
  updateBooking(id: string, changes: Partial<Pick<BookingRequest, "subject" | "start" | "end" | "attendees" | "bodyHtml" | "location" | "hideAttendees">>, signal?: AbortSignal): Promise<Booking>;
  cancelBooking(id: string, signal?: AbortSignal): Promise<void>;
  /**
   * Completes an appointment Outlook saved (filled in through Office.js) as the sidebar books:
   * private, tagged with the case, and a Teams meeting when `online`, which Office.js cannot do.
   */
  completeBooking(id: string, completion: { readonly caseRef: CaseRef; readonly eventKind: string; readonly online: boolean }, signal?: AbortSignal): Promise<Booking>;
  /** Bookings tagged with this case in the user's calendar. */
  bookingsForCase(caseRef: CaseRef, signal?: AbortSignal): Promise<Booking[]>;
  /** The user's tagged bookings between two instants (the caseload's "booked"). */
  bookingsBetween(from: Instant, to: Instant, signal?: AbortSignal): Promise<Booking[]>;
}
