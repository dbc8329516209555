import { instantToLondon, type Instant } from "../domain/calendar/londonTime.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { ChildNext } from "../domain/caseload/assessChild.js";
import type { Cancellation, CaseContact, ChildCase, LateReason } from "../domain/caseload/childCase.js";
import { PortError } from "../ports/errors.js";
import { DEFAULT_AGENDAS } from "../domain/checklists/agendas.js";
import { hidesAttendeeList, isOutsideCouncil, type Council } from "../domain/scheduling/attendeeList.js";
import { bookingBodyHtml, bookingSubject } from "../domain/templates/bookingInvite.js";
import type { InviteeRole } from "../domain/scheduling/inviteeRole.js";
import type { Attendee, Booking, Calendar, Invitee } from "../ports/Calendar.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import type { AppointmentForm } from "../ports/Host.js";
import { addToCase } from "./addToCase.js";
import { completeSavedAppointment } from "./completeSavedAppointment.js";
import { isLateReason, LateReasonNeeded } from "./lateReasons.js";
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

/**
 * What booking did: created or moved the event through Graph, or filled the open appointment
 * (saved and completed through Graph; the attendees are on it, invited when the user sends).
 * `insteadOfAppointment`: opened from an appointment, but the invitation had to hide its attendee
 * list, which no add-in can set on Outlook's appointment form, so IRO Desk booked it itself and
 * the open appointment is to be closed without saving.
 */
export type BookingOutcome =
  | { readonly kind: "booked" | "moved"; readonly booking: Booking; readonly hideAttendees: boolean; readonly insteadOfAppointment: boolean }
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
  if (late && !isLateReason(choice.lateReason)) {
    throw new LateReasonNeeded(choice.next.dueBy);
  }
  const child = choice.stored.childCase;
  const { subject, bodyHtml, eventKind } = await bookingText(child, choice.next, choice.chair, settings);
  const hideAttendees = hidesAttendeeList(settings.attendeeList, choice.attendees, councilOf(choice));
  let outcome: BookingOutcome;
  // Office.js has no way to set "hide attendee list" on an appointment form (Mailbox 1.1–1.15;
  // learn.microsoft.com/javascript/api/outlook/office.appointmentcompose, checked 2026-11), and a
  // list hidden through Graph on the saved item could be undone by the form the user sends, so an
  // invitation that must hide it is made through Graph even when the pane was opened from one.
  if (ports.appointment && !hideAttendees) {
    const saved = await ports.appointment.fillAndSave({ subject, start: choice.start, end: choice.end, location: choice.online ? "Microsoft Teams meeting" : choice.location, bodyHtml, caseRef: child.ref, eventKind }, signal);
    const booking = await completeSavedAppointment(ports.calendar, saved.id, { caseRef: child.ref, eventKind, online: choice.online }, signal);
    await ports.appointment.addAttendees(choice.attendees, signal);
    outcome = { kind: "filled", booking: { ...booking, attendees: choice.attendees } };
  } else if (choice.existing) {
    const booking = await ports.calendar.updateBooking(choice.existing.id, { start: choice.start, end: choice.end, attendees: choice.attendees, subject, bodyHtml, hideAttendees }, signal);
    outcome = { kind: "moved", booking, hideAttendees, insteadOfAppointment: false };
  } else {
    const booking = await ports.calendar.createBooking(
      { caseRef: child.ref, eventKind, subject, start: choice.start, end: choice.end, attendees: choice.attendees, bodyHtml, online: choice.online, ...(choice.online ? {} : { location: choice.location }), transactionId: choice.transactionId, hideAttendees },
      signal,
    );
    outcome = { kind: "booked", booking, hideAttendees, insteadOfAppointment: ports.appointment !== null };
  }
  if (late && choice.lateReason) {
    const reason: LateReason = { event: eventKind, reason: choice.lateReason.reason, detail: choice.lateReason.detail, recorded: choice.today, by: choice.bookedBy };
    await addToCase(ports.cases, choice.stored, (c) => ({ ...c, lateReasons: [...c.lateReasons, reason] }), signal);
  }
  return outcome;
}

/**
 * The booking's subject, invitation body (classification, agenda, consultation reminder, feedback
 * link and QR code) and event tag: the same whether booked at once or confirmed from proposed times.
 */
export async function bookingText(child: ChildCase, next: Pick<ChildNext, "event" | "number" | "dueBy">, chair: { readonly name: string }, settings: ServiceSettings): Promise<{ subject: string; bodyHtml: string; eventKind: string }> {
  const subject = bookingSubject(next.event, next.number, child.ref, settings.showChildNames ? child.childName : null);
  const bodyHtml = bookingBodyHtml({
    event: next.event,
    number: next.number,
    ref: child.ref,
    dueBy: next.dueBy,
    agenda: settings.agendas[next.event] ?? DEFAULT_AGENDAS[next.event],
    chair: chair.name,
    classification: settings.classification,
    feedbackUrl: settings.feedbackUrl,
    // The QR generator is fetched only here, when an invitation is written: a fifth of a pane's code otherwise.
    feedbackQrHtml: settings.feedbackUrl ? (await import("./qrCode.js")).qrCodeTable(settings.feedbackUrl) : null,
  });
  return { subject, bodyHtml, eventKind: `${next.event} ${next.number}` };
}

/**
 * The council as this booking sees it: the mail domain of whoever books and chairs (a council's
 * staff share it), and the child's contacts, who are outside it whatever their address.
 */
export function councilOf(choice: Pick<BookingChoice, "stored" | "chair" | "bookedBy">): Council {
  const domain = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  return { domains: [...new Set([domain(choice.bookedBy), domain(choice.chair.address)])], caseContacts: choice.stored.childCase.contacts.map((c) => c.email) };
}

/** Why a booking is cancelled: asked for before the attendees are told, kept with the case. */
export const CANCEL_REASONS = [
  "Child unwell or unavailable",
  "Chair unavailable",
  "Social worker unavailable",
  "Family or carers asked to rearrange",
  "Reports not ready",
  "Placement move",
  "No longer needed (the child left care or the plan ended)",
  "Booked in error",
  "Other",
] as const;

/** The cancellation was made but its reason could not be kept on the case: said as it is, never as a failure to cancel. */
export class CancelledReasonNotKept extends PortError {
  constructor(cause: string) {
    super(`The booking is cancelled and its attendees are told, but the reason could not be kept on the case: ${cause}`, false);
  }
}

/**
 * Cancels the child's booking (Graph tells every attendee at once) and keeps the reason on the
 * case. The reason is required and checked before anything is cancelled; the calendar goes first,
 * since the attendees' cancellation is what matters most, and a reason that then cannot be saved
 * is reported as exactly that.
 */
export async function cancelReview(
  ports: { readonly calendar: Calendar; readonly cases: CaseStore },
  stored: StoredCase,
  booking: Booking,
  why: { readonly reason: string; readonly detail: string; readonly by: string; readonly today: IsoDate },
  signal?: AbortSignal,
): Promise<void> {
  if (!CANCEL_REASONS.includes(why.reason as (typeof CANCEL_REASONS)[number])) throw new PortError("Choose why the booking is cancelled: the reason is kept on the case.", false);
  if (why.reason === "Other" && why.detail.trim() === "") throw new PortError("Say why in the detail: the reason is “Other”.", false);
  await ports.calendar.cancelBooking(booking.id, signal);
  const cancellation: Cancellation = { event: booking.eventKind ?? "booking", bookedFor: instantToLondon(booking.start).date, reason: why.reason, detail: why.detail.trim(), recorded: why.today, by: why.by };
  try {
    await addToCase(ports.cases, stored, (c) => ({ ...c, cancellations: [...(c.cancellations ?? []), cancellation] }), signal);
  } catch (error) {
    throw new CancelledReasonNotKept(error instanceof PortError ? error.message : "the case register did not answer.");
  }
}

/**
 * Who is invited, from the case: the social worker and team manager, carers and parents, and
 * partners, each with their role. The chair organises and is not listed. Everyone can be removed
 * before booking.
 */
export function proposedAttendees(stored: StoredCase, chair: string): Invitee[] {
  const child = stored.childCase;
  const staff: [string, InviteeRole][] = [];
  if (child.socialWorker && child.socialWorker.toLowerCase() !== chair.toLowerCase()) staff.push([child.socialWorker, "social-worker"]);
  if (child.teamManager && child.teamManager.toLowerCase() !== chair.toLowerCase()) staff.push([child.teamManager, "team-manager"]);
  const contacts = child.contacts.map((c: CaseContact): Invitee => ({ address: c.email, name: c.organisation ? `${c.name} (${c.organisation})` : c.name, type: c.role === "partner" ? "optional" : "required", role: c.role }));
  return [...staff.map(([address, role]): Invitee => ({ address, name: nameFromAddress(address), type: "required", role })), ...contacts];
}

/** Someone added by email address: a colleague on the council's own domain, otherwise someone outside the council. */
export function addedInvitee(address: string, council: Council): Invitee {
  return { address, name: nameFromAddress(address), type: "required", role: isOutsideCouncil(address, council) ? "outside" : "colleague" };
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
