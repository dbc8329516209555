import { instant, type Instant } from "../../domain/calendar/londonTime.js";
import { parseCaseRef, type CaseRef } from "../../domain/caseload/caseRef.js";
import type { Booking } from "../../ports/Calendar.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY, OUTLOOK_CUSTOM_PROPERTIES } from "./extendedProperties.js";

/**
 * Reading the signed-in user's calendar through Microsoft Graph: the events IRO Desk tagged with a
 * case, as bookings. Apart from graphCalendar.ts (free/busy, booking, moving, cancelling), so a pane
 * shows the chair's bookings without downloading the code that makes them.
 */

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

export const EXPAND = `singleValueExtendedProperties($filter=id eq '${CASE_REF_PROPERTY}' or id eq '${EVENT_KIND_PROPERTY}' or id eq '${OUTLOOK_CUSTOM_PROPERTIES}')`;
/** The chair's tagged events (bookings, holds, reminders) between two instants: GET /me/calendarView, every page. */
export async function bookingsBetween(graph: GraphConnection, from: Instant, to: Instant, signal?: AbortSignal): Promise<Booking[]> {
  const request = graph.api("/me/calendarView").query({
    startDateTime: new Date(from).toISOString(),
    endDateTime: new Date(to).toISOString(),
    $expand: EXPAND,
    $top: "500",
  });
  const all = await allEvents(graph, "Your calendar", request, signal);
  return all.map(toBooking).filter((b) => b.caseRef !== null);
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

export function fromUtc(dateTime: string): Instant {
  return instant(Date.parse(`${dateTime.slice(0, 19)}Z`));
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
