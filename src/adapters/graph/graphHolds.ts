import { instant } from "../../domain/calendar/londonTime.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import type { Answer } from "../../domain/proposals/proposal.js";
import { holdTag, parseEventTag } from "../../app/eventTags.js";
import type { Booking } from "../../ports/Calendar.js";
import { NotFoundError } from "../../ports/errors.js";
import type { BookingChanges, Hold, HoldCalendar, HoldRequest } from "../../ports/Holds.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { asBooked, createOnce, meetingFields } from "./graphCalendar.js";
import { caseEvents, EXPAND, madeBy, toBooking, type GraphEvent } from "./graphEvents.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY } from "./extendedProperties.js";

/**
 * Exchange's responseType for an attendee (Graph v1.0 metadata: none, organizer,
 * tentativelyAccepted, accepted, declined, notResponded) as an answer to a proposed time.
 */
const ANSWERS: Readonly<Record<string, Answer>> = { accepted: "yes", tentativelyAccepted: "maybe", declined: "no" };

/**
 * Proposed times as events in the signed-in user's calendar (Calendars.ReadWrite): each a meeting
 * request to the people invited, shown as tentative, tagged with the case and "hold <event> #n".
 * Exchange records each attendee's answer on the organizer's event (attendees[].status), whether
 * they pressed Accept in Outlook or in any mail app that reads iCalendar invitations.
 */
export class GraphHolds implements HoldCalendar {
  constructor(private readonly graph: GraphConnection) {}

  async placeHold(request: HoldRequest, signal?: AbortSignal): Promise<Hold> {
    const tag = holdTag(request.eventKind, request.option);
    const event = await createOnce(
      this.graph,
      `Holding "${request.subject}"`,
      {
        ...meetingFields(request),
        // Held, not booked: free/busy shows the time as tentative to everyone looking for a slot.
        showAs: "tentative",
        hideAttendees: request.hideAttendees,
        sensitivity: "private",
        responseRequested: true,
        // Answers are Accept or Decline; a counter-proposal would be a fourth time nobody holds.
        allowNewTimeProposals: false,
        transactionId: request.transactionId,
        singleValueExtendedProperties: [
          { id: CASE_REF_PROPERTY, value: request.caseRef },
          { id: EVENT_KIND_PROPERTY, value: tag },
        ],
      },
      () => madeBy(this.graph, request.caseRef, request.transactionId, signal),
      "this hold",
      signal,
    );
    // The create answer carries no extended properties; we know what we tagged it with.
    return toHold({ ...event, singleValueExtendedProperties: [{ id: CASE_REF_PROPERTY, value: request.caseRef }, { id: EVENT_KIND_PROPERTY, value: tag }] })!;
  }

  async holdsForCase(caseRef: CaseRef, signal?: AbortSignal): Promise<Hold[]> {
    return (await caseEvents(this.graph, caseRef, signal)).flatMap((e) => toHold(e) ?? []);
  }

  /**
   * PATCH the hold into the booking: busy, the invitation, and what makes any event a booking
   * (asBooked). Setting isOnlineMeeting on an existing event makes Exchange create the Teams
   * meeting (learn.microsoft.com/graph/api/event-update); the tag is updated in place.
   */
  async confirmHold(id: string, changes: BookingChanges, signal?: AbortSignal): Promise<Booking> {
    const event = await graphCall("The proposed time", true, (call) =>
      this.graph
        .api(`/me/events/${encodeURIComponent(id)}`)
        .header("Prefer", 'outlook.timezone="UTC"')
        .query({ $expand: EXPAND })
        .middlewareOptions([call])
        .option("signal", signal)
        .patch({
          subject: changes.subject,
          body: { contentType: "html", content: changes.bodyHtml },
          showAs: "busy",
          ...(changes.location ? { location: { displayName: changes.location } } : {}),
          // The same as any booking; the new tag replaces "hold …" and the case reference stays.
          ...asBooked(changes),
        }) as Promise<GraphEvent>,
    );
    return toBooking(event);
  }

  /**
   * POST …/cancel: only the organizer may; the attendees get a cancellation with the comment and
   * the event leaves the organizer's calendar (learn.microsoft.com/graph/api/event-cancel). A hold
   * already gone (cancelled from another device, or a repeat after a lost answer) is released.
   */
  async releaseHold(id: string, comment: string, signal?: AbortSignal): Promise<void> {
    try {
      await graphCall("The proposed time", true, (call) => this.graph.api(`/me/events/${encodeURIComponent(id)}/cancel`).middlewareOptions([call]).option("signal", signal).post({ comment }) as Promise<void>);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}

/** A hold from its event, or null for the case's other events (bookings, reminders). */
function toHold(e: GraphEvent): Hold | null {
  const booking = toBooking(e);
  const tag = parseEventTag(booking.eventKind);
  if (tag?.role !== "hold" || booking.caseRef === null) return null;
  return {
    id: e.id,
    caseRef: booking.caseRef,
    eventKind: tag.eventKind,
    option: tag.option,
    start: booking.start,
    end: booking.end,
    attendees: (e.attendees ?? []).map((a, i) => {
      const answer = ANSWERS[a.status?.response ?? ""] ?? null;
      const at = a.status?.time ? Date.parse(a.status.time) : Number.NaN;
      return { ...booking.attendees[i]!, answer, answeredAt: answer && Number.isFinite(at) && at > 0 ? instant(at) : null };
    }),
  };
}
