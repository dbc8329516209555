import { instantToLondon, type Instant } from "../domain/calendar/londonTime.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { ChildNext } from "../domain/caseload/assessChild.js";
import type { CaseContact, LateReason } from "../domain/caseload/childCase.js";
import { DEFAULT_AGENDAS } from "../domain/checklists/agendas.js";
import { bookingBodyHtml, bookingSubject } from "../domain/templates/bookingInvite.js";
import type { Attendee, Booking, Calendar } from "../ports/Calendar.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import type { AppointmentForm } from "../ports/Host.js";
import { addToCase } from "./addToCase.js";
import { completeSavedAppointment } from "./completeSavedAppointment.js";
import { LATE_REASONS, LateReasonNeeded } from "./lateReasons.js";
import type { ServiceSettings } from "./serviceSettings.js";

export interface BookingChoice {
  readonly stored: StoredCase;
  readonly next: ChildNext;
  readonly existing: Booking | null;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly Attendee[];
  readonly online: boolean;
  readonly location: string;
  readonly lateReason: { readonly reason: string; readonly detail: string } | null;
  /** Made once per press of "Book" and reused by every retry, so Graph never books twice. */
  readonly transactionId: string;
  /** Who chairs the meeting: the signed-in IRO, or for an ICPC the CP chair chosen for capacity. */
  readonly chair: { readonly address: string; readonly name: string };
  /** Who is booking (recorded with a late reason). */
  readonly bookedBy: string;
  readonly today: IsoDate;
}

export type BookingOutcome =
  | { readonly kind: "booked" | "moved"; readonly booking: Booking }
  /** Filled into the open appointment, saved and completed through Graph; the attendees are on it, invited when the user sends. */
  | { readonly kind: "filled"; readonly booking: Booking };

/**
 * Books the child's next review or conference. From the sidebar it creates the calendar event
 * (or moves the existing booking, so case and calendar stay in step). From an open appointment it
 * ends up the same: Office.js fills the appointment and Outlook saves it (nobody invited), Graph
 * makes it private, tags it with the case and makes it a Teams meeting where chosen (which
 * Office.js cannot), and only then are the attendees put on it, for the user to check and send. A late booking's reason is saved on the case
 * (ETag-checked; on a conflict the case is read again and the reason added to the fresh copy).
 */
export async function bookReview(
  ports: { readonly calendar: Calendar; readonly cases: CaseStore; readonly appointment: AppointmentForm | null },
  choice: BookingChoice,
  settings: ServiceSettings,
  signal?: AbortSignal,
): Promise<BookingOutcome> {
  const date = instantToLondon(choice.start).date;
  const late = date > choice.next.dueBy;
  if (late && (!choice.lateReason || !LATE_REASONS.includes(choice.lateReason.reason as (typeof LATE_REASONS)[number]))) {
    throw new LateReasonNeeded(choice.next.dueBy);
  }
  const child = choice.stored.childCase;
  const subject = bookingSubject(choice.next.event, choice.next.number, child.ref, settings.showChildNames ? child.childName : null);
  const bodyHtml = bookingBodyHtml({
    event: choice.next.event,
    number: choice.next.number,
    ref: child.ref,
    dueBy: choice.next.dueBy,
    agenda: settings.agendas[choice.next.event] ?? DEFAULT_AGENDAS[choice.next.event],
    chair: choice.chair.name,
    classification: settings.classification,
    feedbackUrl: settings.feedbackUrl,
    // The QR generator is fetched only here, when an invitation is written: a fifth of a pane's code otherwise.
    feedbackQrHtml: settings.feedbackUrl ? (await import("./qrCode.js")).qrCodeTable(settings.feedbackUrl) : null,
  });
  const eventKind = `${choice.next.event} ${choice.next.number}`;
  let outcome: BookingOutcome;
  if (ports.appointment) {
    const saved = await ports.appointment.fillAndSave({ subject, start: choice.start, end: choice.end, location: choice.online ? "Microsoft Teams meeting" : choice.location, bodyHtml, caseRef: child.ref, eventKind }, signal);
    const booking = await completeSavedAppointment(ports.calendar, saved.id, { caseRef: child.ref, eventKind, online: choice.online }, signal);
    await ports.appointment.addAttendees(choice.attendees, signal);
    outcome = { kind: "filled", booking: { ...booking, attendees: choice.attendees } };
  } else if (choice.existing) {
    const booking = await ports.calendar.updateBooking(choice.existing.id, { start: choice.start, end: choice.end, attendees: choice.attendees, subject, bodyHtml }, signal);
    outcome = { kind: "moved", booking };
  } else {
    const booking = await ports.calendar.createBooking(
      { caseRef: child.ref, eventKind, subject, start: choice.start, end: choice.end, attendees: choice.attendees, bodyHtml, online: choice.online, ...(choice.online ? {} : { location: choice.location }), transactionId: choice.transactionId },
      signal,
    );
    outcome = { kind: "booked", booking };
  }
  if (late && choice.lateReason) {
    const reason: LateReason = { event: eventKind, reason: choice.lateReason.reason, detail: choice.lateReason.detail, recorded: choice.today, by: choice.bookedBy };
    await addToCase(ports.cases, choice.stored, (c) => ({ ...c, lateReasons: [...c.lateReasons, reason] }), signal);
  }
  return outcome;
}

/** Cancels the child's booking for its next event. */
export async function cancelReview(calendar: Calendar, booking: Booking, signal?: AbortSignal): Promise<void> {
  await calendar.cancelBooking(booking.id, signal);
}

/**
 * Who is invited, from the case: the social worker and team manager, carers and parents, and
 * partners. The chair organises and is not listed. Everyone can be removed before booking.
 */
export function proposedAttendees(stored: StoredCase, chair: string): Attendee[] {
  const child = stored.childCase;
  const staff = [child.socialWorker, child.teamManager].filter((a): a is string => a !== null && a.toLowerCase() !== chair.toLowerCase());
  const contacts = child.contacts.map((c: CaseContact): Attendee => ({ address: c.email, name: c.organisation ? `${c.name} (${c.organisation})` : c.name, type: c.role === "partner" ? "optional" : "required" }));
  return [...staff.map((address): Attendee => ({ address, name: nameFromAddress(address), type: "required" })), ...contacts];
}

/** "sam.okafor@westmere.example" → "Sam Okafor": a readable name without a directory call. */
export function nameFromAddress(address: string): string {
  return address
    .split("@")[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}
