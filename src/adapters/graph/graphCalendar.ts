import { instant, type Instant } from "../../domain/calendar/londonTime.js";
import type { Attendee, Availability, Booking, BookingRequest, BusyItem, Calendar, FreeBusyStatus, WorkingHours } from "../../ports/Calendar.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import { BusyError, NotFoundError, RequestError, UncertainError, UnreachableError } from "../../ports/errors.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { GraphError } from "./graphRequest.js";
import { ianaZone } from "./windowsZones.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY } from "./extendedProperties.js";
import { bookingsBetween, caseEvents, EXPAND, fromUtc, toBooking, type GraphEvent } from "./graphEvents.js";

const MAX_SCHEDULES = 20;
/** getSchedule takes less than 62 days at once. */
const MAX_WINDOW_MS = 61 * 86_400_000;
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

interface ScheduleInformation {
  scheduleId: string;
  scheduleItems?: { status: string; subject?: string; start: { dateTime: string }; end: { dateTime: string } }[];
  workingHours?: { daysOfWeek: string[]; startTime: string; endTime: string; timeZone?: { name?: string } };
  error?: { message?: string; responseCode?: string };
}

/** The signed-in user's calendar through Microsoft Graph (Calendars.ReadWrite, delegated). */
export class GraphCalendar implements Calendar {
  constructor(private readonly graph: GraphConnection) {}

  /** One getSchedule call per 20 people and per 61 days (usually exactly one). */
  async freeBusy(addresses: readonly string[], from: Instant, to: Instant, signal?: AbortSignal): Promise<Availability[]> {
    const byAddress = new Map<string, Availability>();
    for (let start = from; start < to; start = instant(start + MAX_WINDOW_MS)) {
      const end = instant(Math.min(to, start + MAX_WINDOW_MS));
      for (let i = 0; i < addresses.length; i += MAX_SCHEDULES) {
        const schedules = addresses.slice(i, i + MAX_SCHEDULES);
        const answer = await graphCall("Free/busy", true, (call) =>
          this.graph
            .api("/me/calendar/getSchedule")
            .header("Prefer", 'outlook.timezone="UTC"')
            .middlewareOptions([call])
            .option("signal", signal)
            .post({ schedules, startTime: utc(start), endTime: utc(end), availabilityViewInterval: 15 }) as Promise<{ value: ScheduleInformation[] }>,
        );
        for (const info of answer.value) merge(byAddress, toAvailability(info));
      }
    }
    return addresses.map((address) => byAddress.get(address.toLowerCase()) ?? { address, known: false, reason: "No free/busy came back for this person." });
  }

  /**
   * Creates the event with the booking's transactionId, so a repeat never books twice. Exchange
   * answers a repeat with the event made the first time or with 400 ErrorDuplicateTransactionId
   * (both are seen; the sandbox can do either): both mean it is already booked, and the booking is
   * read back. After timeouts or throttling that outlast the retries, the calendar is checked
   * before anything is reported: a booking that landed is reported booked, with its event.
   */
  async createBooking(request: BookingRequest, signal?: AbortSignal): Promise<Booking> {
    const event = await createOnce(
      this.graph,
      `The booking "${request.subject}"`,
      { ...meetingFields(request), ...asBooked(request), hideAttendees: request.hideAttendees, transactionId: request.transactionId },
      () => this.findBooked(request, signal),
      "this booking",
      signal,
    );
    // The create answer does not carry extended properties; we know what we tagged it with.
    return toBooking({ ...event, singleValueExtendedProperties: asBooked(request).singleValueExtendedProperties });
  }

  /**
   * Graph does what Office.js cannot for an appointment Outlook saved: sensitivity (Mailbox 1.14
   * only), not all-day (no released requirement set), a Teams meeting (no Office.js API creates
   * one) and our extended properties (Office.js writes only the add-in's own custom properties). PATCH adds the properties beside the ones the
   * item has; setting isOnlineMeeting makes Exchange create the Teams meeting
   * (learn.microsoft.com/graph/api/event-update, checked 2026-11).
   */
  async completeBooking(id: string, completion: { caseRef: CaseRef; eventKind: string; online: boolean }, signal?: AbortSignal): Promise<Booking> {
    const event = await graphCall("The appointment", true, (call) =>
      this.graph.api(`/me/events/${encodeURIComponent(id)}`).header("Prefer", 'outlook.timezone="UTC"').query({ $expand: EXPAND }).middlewareOptions([call]).option("signal", signal).patch(asBooked(completion)) as Promise<GraphEvent>,
    );
    return toBooking(event);
  }

  /** The event this booking request made, if it landed: by its transactionId, or failing that the case tag and the start. */
  private async findBooked(request: BookingRequest, signal?: AbortSignal): Promise<GraphEvent | null> {
    const live = (await caseEvents(this.graph, request.caseRef, signal)).filter((e) => e.isCancelled !== true);
    return live.find((e) => e.transactionId === request.transactionId) ?? live.find((e) => fromUtc(e.start.dateTime) === request.start) ?? null;
  }

  async updateBooking(id: string, changes: Partial<Pick<BookingRequest, "subject" | "start" | "end" | "attendees" | "bodyHtml" | "location" | "hideAttendees">>, signal?: AbortSignal): Promise<Booking> {
    const body = {
      ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
      ...(changes.start !== undefined ? { start: utc(changes.start) } : {}),
      ...(changes.end !== undefined ? { end: utc(changes.end) } : {}),
      ...(changes.attendees !== undefined ? { attendees: changes.attendees.map(graphAttendee) } : {}),
      ...(changes.bodyHtml !== undefined ? { body: { contentType: "html", content: changes.bodyHtml } } : {}),
      ...(changes.location !== undefined ? { location: { displayName: changes.location } } : {}),
      ...(changes.hideAttendees !== undefined ? { hideAttendees: changes.hideAttendees } : {}),
    };
    const event = await graphCall("The booking", true, (call) =>
      this.graph.api(`/me/events/${encodeURIComponent(id)}`).header("Prefer", 'outlook.timezone="UTC"').query({ $expand: EXPAND }).middlewareOptions([call]).option("signal", signal).patch(body) as Promise<GraphEvent>,
    );
    return toBooking(event);
  }

  /** Cancelling a booking that is already gone (a repeat after a lost answer, or cancelled elsewhere) is done, not an error. */
  async cancelBooking(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await graphCall("The booking", true, (call) => this.graph.api(`/me/events/${encodeURIComponent(id)}`).middlewareOptions([call]).option("signal", signal).delete() as Promise<void>);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  async bookingsForCase(caseRef: CaseRef, signal?: AbortSignal): Promise<Booking[]> {
    return (await caseEvents(this.graph, caseRef, signal)).map(toBooking);
  }

  bookingsBetween(from: Instant, to: Instant, signal?: AbortSignal): Promise<Booking[]> {
    return bookingsBetween(this.graph, from, to, signal);
  }
}

/** What makes an event a booking, however it was made: timed, private, a Teams meeting when chosen, tagged with the case. */
export function asBooked(b: { caseRef: CaseRef; eventKind: string; online: boolean }) {
  return {
    isAllDay: false,
    isOnlineMeeting: b.online,
    ...(b.online ? { onlineMeetingProvider: "teamsForBusiness" } : {}),
    // Reviews are private in shared calendars: colleagues see "busy", not the subject.
    sensitivity: "private",
    singleValueExtendedProperties: [
      { id: CASE_REF_PROPERTY, value: b.caseRef as string },
      { id: EVENT_KIND_PROPERTY, value: b.eventKind },
    ],
  };
}


/** A meeting's own fields as createOnce takes them: what, when, who, where. */
export function meetingFields(m: Pick<BookingRequest, "subject" | "bodyHtml" | "start" | "end" | "attendees" | "location">) {
  return { subject: m.subject, bodyHtml: m.bodyHtml, start: m.start, end: m.end, attendees: m.attendees.map(graphAttendee), ...(m.location ? { location: { displayName: m.location } } : {}) };
}

/**
 * POST /me/events with a transactionId, so a repeat never makes the event twice. Exchange answers a
 * repeat with the event made the first time or with 400 ErrorDuplicateTransactionId (both are
 * seen; the sandbox can do either): both mean it was made, and `find` reads it back. After
 * timeouts or throttling that outlast the retries, `find` looks before anything is reported: an
 * event that landed is returned. Times go in UTC, the body as HTML.
 */
export async function createOnce(
  graph: GraphConnection,
  what: string,
  event: { subject: string; bodyHtml: string; start: Instant; end: Instant; transactionId: string } & Record<string, unknown>,
  find: () => Promise<GraphEvent | null>,
  thing: string,
  signal?: AbortSignal,
): Promise<GraphEvent> {
  const { bodyHtml, start, end, ...rest } = event;
  let made: GraphEvent | null;
  try {
    made = await graphCall(what, true, async (call) => {
      try {
        return (await graph
          .api("/me/events")
          .header("Prefer", 'outlook.timezone="UTC"')
          .middlewareOptions([call])
          .option("signal", signal)
          .post({ ...rest, body: { contentType: "html", content: bodyHtml }, start: utc(start), end: utc(end) })) as GraphEvent;
      } catch (error) {
        if (error instanceof GraphError && error.code === "ErrorDuplicateTransactionId") return null;
        throw error;
      }
    });
  } catch (error) {
    if (!(error instanceof BusyError || error instanceof UncertainError || error instanceof UnreachableError)) throw error;
    const landed = await find().catch(() => null);
    if (landed) return landed;
    throw error;
  }
  if (made !== null) return made;
  const existing = await find();
  if (existing) return existing;
  throw new RequestError(400, `Microsoft 365 says ${thing} was already made, but it is not in your calendar: it may have been cancelled. Reload and try again.`);
}

export function utc(at: Instant): { dateTime: string; timeZone: string } {
  return { dateTime: new Date(at).toISOString().slice(0, 19), timeZone: "UTC" };
}

function graphAttendee(a: Attendee): unknown {
  return { emailAddress: { address: a.address, name: a.name }, type: a.type };
}

function toAvailability(info: ScheduleInformation): Availability {
  if (info.error) return { address: info.scheduleId, known: false, reason: info.error.message ?? "Free/busy is not available for this person." };
  const items: BusyItem[] = (info.scheduleItems ?? []).map((item) => ({
    start: fromUtc(item.start.dateTime),
    end: fromUtc(item.end.dateTime),
    status: (["free", "tentative", "busy", "oof", "workingElsewhere"].includes(item.status) ? item.status : "busy") as FreeBusyStatus,
    ...(item.subject ? { subject: item.subject } : {}),
  }));
  const hours = info.workingHours;
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  // Working hours come in the mailbox's own time zone (scheduleInformation.workingHours.timeZone,
  // learn.microsoft.com/graph/api/resources/workinghours): kept with their zone, turned into London
  // time for each day where the slots are found.
  const workingHours: WorkingHours | null = hours
    ? { days: hours.daysOfWeek.map((d) => DAYS.indexOf(d.toLowerCase()) + 1).filter((d) => d > 0), start: minutes(hours.startTime), end: minutes(hours.endTime), timeZone: ianaZone(hours.timeZone?.name) }
    : null;
  return { address: info.scheduleId, known: true, items, workingHours };
}

function merge(into: Map<string, Availability>, next: Availability): void {
  const key = next.address.toLowerCase();
  const before = into.get(key);
  if (!before || !before.known || !next.known) {
    into.set(key, before && !before.known ? before : next);
    return;
  }
  into.set(key, { ...before, items: [...before.items, ...next.items] });
}
