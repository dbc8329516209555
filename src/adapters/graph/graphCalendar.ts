import { instant, type Instant } from "../../domain/calendar/londonTime.js";
import { parseCaseRef } from "../../domain/caseload/caseRef.js";
import type { Attendee, Availability, Booking, BookingRequest, BusyItem, Calendar, FreeBusyStatus, WorkingHours } from "../../ports/Calendar.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import { BusyError, NotFoundError, RequestError, UncertainError, UnreachableError } from "../../ports/errors.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { GraphError } from "./graphRequest.js";
import { ianaZone } from "./windowsZones.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY, OUTLOOK_CUSTOM_PROPERTIES } from "./extendedProperties.js";

const MAX_SCHEDULES = 20;
/** getSchedule takes less than 62 days at once. */
const MAX_WINDOW_MS = 61 * 86_400_000;
export const EXPAND = `singleValueExtendedProperties($filter=id eq '${CASE_REF_PROPERTY}' or id eq '${EVENT_KIND_PROPERTY}' or id eq '${OUTLOOK_CUSTOM_PROPERTIES}')`;
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export interface GraphEvent {
  id: string;
  transactionId?: string | null;
  subject?: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees?: { emailAddress: { address: string; name?: string }; type?: string; status?: { response?: string; time?: string } }[];
  onlineMeeting?: { joinUrl?: string } | null;
  webLink?: string;
  isCancelled?: boolean;
  singleValueExtendedProperties?: { id: string; value: string }[];
}

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

  async bookingsBetween(from: Instant, to: Instant, signal?: AbortSignal): Promise<Booking[]> {
    const request = this.graph.api("/me/calendarView").query({
      startDateTime: new Date(from).toISOString(),
      endDateTime: new Date(to).toISOString(),
      $expand: EXPAND,
      $top: "500",
    });
    const all = await allEvents(this.graph, "Your calendar", request, signal);
    return all.map(toBooking).filter((b) => b.caseRef !== null);
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

/** The case's event a create with this transactionId made, if it is in the calendar. */
export async function madeBy(graph: GraphConnection, caseRef: CaseRef, transactionId: string, signal?: AbortSignal): Promise<GraphEvent | null> {
  return (await caseEvents(graph, caseRef, signal)).find((e) => e.transactionId === transactionId && e.isCancelled !== true) ?? null;
}

/**
 * Every event in the signed-in user's calendar tagged with the case (bookings, holds for proposed
 * times, reminders), with their tags and attendees' answers: one $filter on the extended property.
 */
export function caseEvents(graph: GraphConnection, caseRef: CaseRef, signal?: AbortSignal): Promise<GraphEvent[]> {
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_REF_PROPERTY}' and ep/value eq '${caseRef.replace(/'/g, "''")}')`;
  return allEvents(graph, `Bookings for case ${caseRef}`, graph.api("/me/events").query({ $filter: filter, $expand: EXPAND, $top: "100" }), signal);
}

async function allEvents(graph: GraphConnection, what: string, first: ReturnType<GraphConnection["api"]>, signal?: AbortSignal): Promise<GraphEvent[]> {
  const events: GraphEvent[] = [];
  let page = await graphCall(what, true, (call) => first.header("Prefer", 'outlook.timezone="UTC"').middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphEvent[]; "@odata.nextLink"?: string }>);
  for (;;) {
    events.push(...page.value);
    const next = page["@odata.nextLink"];
    if (!next) return events;
    page = await graphCall(what, true, (call) => graph.follow(next).header("Prefer", 'outlook.timezone="UTC"').middlewareOptions([call]).option("signal", signal).get() as Promise<typeof page>);
  }
}

export function utc(at: Instant): { dateTime: string; timeZone: string } {
  return { dateTime: new Date(at).toISOString().slice(0, 19), timeZone: "UTC" };
}

export function fromUtc(dateTime: string): Instant {
  return instant(Date.parse(`${dateTime.slice(0, 19)}Z`));
}

export function graphAttendee(a: Attendee): unknown {
  return { emailAddress: { address: a.address, name: a.name }, type: a.type };
}

export function toBooking(e: GraphEvent): Booking {
  const prop = (id: string) => e.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === id.toLowerCase())?.value ?? null;
  // Booked from the sidebar: our own properties. Filled into an appointment: the add-in's custom properties.
  const custom = parseCustomProperties(prop(OUTLOOK_CUSTOM_PROPERTIES));
  const ref = prop(CASE_REF_PROPERTY) ?? custom.caseRef;
  return {
    id: e.id,
    caseRef: ref ? (parseCaseRef(ref) ?? null) : null,
    eventKind: prop(EVENT_KIND_PROPERTY) ?? custom.eventKind,
    subject: e.subject ?? "",
    start: fromUtc(e.start.dateTime),
    end: fromUtc(e.end.dateTime),
    attendees: (e.attendees ?? []).map((a) => ({ address: a.emailAddress.address, name: a.emailAddress.name ?? a.emailAddress.address, type: a.type === "optional" ? "optional" : "required" })),
    joinUrl: e.onlineMeeting?.joinUrl ?? null,
    webLink: e.webLink ?? null,
    cancelled: e.isCancelled === true,
  };
}

function parseCustomProperties(json: string | null): { caseRef: string | null; eventKind: string | null } {
  try {
    const parsed = json ? (JSON.parse(json) as { caseRef?: unknown; eventKind?: unknown }) : {};
    return { caseRef: typeof parsed.caseRef === "string" ? parsed.caseRef : null, eventKind: typeof parsed.eventKind === "string" ? parsed.eventKind : null };
  } catch {
    return { caseRef: null, eventKind: null };
  }
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
