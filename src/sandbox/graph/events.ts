import { randomUUID } from "node:crypto";
import type { SandboxUser, StoredEvent } from "../store.js";
import { mailboxOwner, newId, ok, page, type GraphRequest, type GraphResponse } from "./context.js";
import { instant } from "../../domain/calendar/londonTime.js";
import { formatDateTimeTimeZone, parseDateTimeTimeZone, parseOffsetDateTime, preferredZone } from "./dateTimeTimeZone.js";
import { badRequest, GraphError, notFound, onlyKnownProperties, requireObject } from "./graphError.js";
import { ICAL_UID_PREFIX, onlineMeetingInfo } from "./teamsMeetings.js";
import { tellOutside } from "./eventResponses.js";
import { meetingMail } from "../outsideMail.js";
import { selected } from "./select.js";

/** The event properties the sandbox stores and answers, as Graph names them. */
const WRITABLE = [
  "subject", "body", "start", "end", "attendees", "location", "locations", "isOnlineMeeting", "onlineMeetingProvider",
  "sensitivity", "showAs", "importance", "categories", "singleValueExtendedProperties", "transactionId", "isAllDay",
  "isReminderOn", "reminderMinutesBeforeStart", "allowNewTimeProposals", "responseRequested", "hideAttendees",
] as const;
const SHOW_AS = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"];
const SENSITIVITY = ["normal", "personal", "private", "confidential"];
const ATTENDEE_TYPES = ["required", "optional", "resource"];

interface Attendee {
  emailAddress: { address: string; name?: string };
  type: string;
  status: { response: string; time: string };
}

export function createEvent(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const body = requireObject(req.body, "an event");
  onlyKnownProperties(body, WRITABLE, "event");
  const transactionId = optionalString(body.transactionId, "transactionId");
  if (transactionId) {
    // A repeated create with the same transactionId makes no second event. Exchange has been seen to
    // answer it either way: the event made the first time, or 400 ErrorDuplicateTransactionId ("The
    // TransactionId specified in the request has already been used to create a different event.").
    // The sandbox does either (behaviour.duplicateTransactionId), so clients are tested against both.
    const existing = req.store.eventByTransaction(owner.id, transactionId);
    if (existing && req.behaviour.duplicateTransactionId === "error") {
      throw new GraphError(400, "ErrorDuplicateTransactionId", "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.");
    }
    if (existing) return ok(renderEvent(req, existing), 201);
  }
  const fields = checkEventFields(body, true);
  const now = new Date(req.now()).toISOString();
  const id = newId();
  const iCalUId = `${ICAL_UID_PREFIX}${randomUUID().replace(/-/g, "").toUpperCase()}`;
  const attendees = (fields.attendees ?? []).map((a) => ({ ...a, status: { response: "none", time: "0001-01-01T00:00:00Z" } }));
  const data: Record<string, unknown> = {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newId("CK"),
    categories: [],
    transactionId: transactionId ?? null,
    originalStartTimeZone: (body.start as { timeZone?: string }).timeZone ?? "UTC",
    originalEndTimeZone: (body.end as { timeZone?: string }).timeZone ?? "UTC",
    iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: "",
    bodyPreview: "",
    importance: "normal",
    sensitivity: "normal",
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: "busy",
    type: "singleInstance",
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: "unknown",
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: "organizer", time: "0001-01-01T00:00:00Z" },
    body: { contentType: "html", content: "" },
    location: { displayName: "", locationType: "default", uniqueIdType: "unknown" },
    locations: [],
    organizer: { emailAddress: { name: owner.displayName, address: owner.userPrincipalName } },
    singleValueExtendedProperties: [],
    ...withoutInstants(fields),
    attendees,
  };
  if (data.isOnlineMeeting && data.onlineMeetingProvider === "unknown") data.onlineMeetingProvider = "teamsForBusiness";
  data.bodyPreview = preview(data.body);
  const event: StoredEvent = { id, ownerId: owner.id, startMs: fields.startMs!, endMs: fields.endMs!, transactionId: transactionId ?? null, iCalUId, data };
  req.store.transaction(() => {
    req.store.putEvent(event);
    for (const attendee of attendees) invite(req, event, owner, attendee);
  });
  return ok(renderEvent(req, event), 201);
}

export function getEvent(req: GraphRequest): GraphResponse {
  return ok(renderEvent(req, ownEvent(req)));
}

export function listEvents(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const filter = extendedPropertyFilter(req.query.get("$filter"));
  const events = req.store.allEvents(owner.id).filter((e) => delivered(req, e) && (!filter || filter(e)));
  return ok(renderPage(req, events));
}

export function calendarView(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const start = req.query.get("startDateTime") ?? req.query.get("StartDateTime");
  const end = req.query.get("endDateTime") ?? req.query.get("EndDateTime");
  if (!start || !end) {
    throw badRequest("This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.", "ErrorInvalidParameter");
  }
  const startMs = parseOffsetDateTime(start, "startDateTime");
  const endMs = parseOffsetDateTime(end, "endDateTime");
  if (endMs <= startMs) throw badRequest("The value of EndDateTime must be after StartDateTime.", "ErrorInvalidParameter");
  const filter = extendedPropertyFilter(req.query.get("$filter"));
  const events = req.store.eventsBetween(owner.id, startMs, endMs).filter((e) => delivered(req, e) && (!filter || filter(e)));
  return ok(renderPage(req, events));
}

export function updateEvent(req: GraphRequest): GraphResponse {
  const event = ownEvent(req);
  const body = requireObject(req.body, "an event");
  onlyKnownProperties(body, WRITABLE.filter((p) => p !== "transactionId"), "event");
  const fields = checkEventFields(body, false);
  const startMs = fields.startMs ?? event.startMs;
  const endMs = fields.endMs ?? event.endMs;
  if (endMs <= startMs) throw badRequest("The end time of the event must be later than its start time.", "ErrorInvalidRequest");
  const before = new Set(((event.data.attendees ?? []) as Attendee[]).map((a) => a.emailAddress.address.toLowerCase()));
  const data: Record<string, unknown> = {
    ...event.data,
    ...withoutInstants(fields),
    lastModifiedDateTime: new Date(req.now()).toISOString(),
    changeKey: newId("CK"),
  };
  if (fields.singleValueExtendedProperties) {
    // A PATCH creates or updates the extended properties it names and keeps the item's others
    // (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties, checked 2026-11).
    const given = fields.singleValueExtendedProperties as { id: string; value: string }[];
    const kept = ((event.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).filter((p) => !given.some((g) => g.id.toLowerCase() === p.id.toLowerCase()));
    data.singleValueExtendedProperties = [...kept, ...given];
  }
  if (fields.attendees) {
    const old = new Map(((event.data.attendees ?? []) as Attendee[]).map((a) => [a.emailAddress.address.toLowerCase(), a]));
    data.attendees = fields.attendees.map((a) => ({ ...a, status: old.get(a.emailAddress.address.toLowerCase())?.status ?? { response: "none", time: "0001-01-01T00:00:00Z" } }));
  }
  if (data.isOnlineMeeting && data.onlineMeetingProvider === "unknown") data.onlineMeetingProvider = "teamsForBusiness";
  data.bodyPreview = preview(data.body);
  const updated: StoredEvent = { ...event, startMs, endMs, data };
  req.store.transaction(() => {
    req.store.putEvent(updated);
    if (event.data.isOrganizer) syncCopies(req, updated, before);
  });
  return ok(renderEvent(req, updated));
}

export function deleteEvent(req: GraphRequest): GraphResponse {
  const event = ownEvent(req);
  req.store.transaction(() => {
    req.store.deleteEvent(event.ownerId, event.id);
    if (event.data.isOrganizer) {
      // As Exchange does: attendees keep a cancelled copy until they remove it.
      for (const copy of req.store.eventsByUid(event.iCalUId)) cancelCopy(req, copy);
      tellOutside(req, event, "meetingCancelled");
    }
  });
  return { status: 204 };
}

// The attendees' copies, kept in step with the organizer's event.

/**
 * Whether an event is in its owner's calendar yet. An attendee's copy is a meeting request Exchange
 * delivers to their mailbox, which can take a while (behaviour.attendeeCopyDelayMs): until then
 * it is not in their calendar, their free/busy or a read of it.
 */
export function delivered(req: GraphRequest, event: StoredEvent): boolean {
  return (event.deliveredMs ?? 0) <= req.now();
}

function invite(req: GraphRequest, event: StoredEvent, organizer: SandboxUser, attendee: Attendee): void {
  const user = req.store.user(attendee.emailAddress.address);
  // Outside the tenant: an email invitation (kept in the sandbox's outside mailbox), no calendar here.
  if (!user || !user.mailbox) return meetingMail(req, event, attendee.emailAddress.address, "meetingRequest");
  if (user.id === organizer.id) return;
  const id = newId();
  // Named (extended) properties stay on the organizer's item; Exchange does not copy them to attendees.
  req.store.putEvent({
    id,
    ownerId: user.id,
    startMs: event.startMs,
    endMs: event.endMs,
    transactionId: null,
    iCalUId: event.iCalUId,
    deliveredMs: req.behaviour.attendeeCopyDelayMs > 0 ? req.now() + req.behaviour.attendeeCopyDelayMs : 0,
    data: {
      ...event.data,
      id,
      transactionId: null,
      isOrganizer: false,
      showAs: "tentative",
      responseStatus: { response: "notResponded", time: "0001-01-01T00:00:00Z" },
      singleValueExtendedProperties: [],
      attendees: attendeesSeenBy(event, attendee.emailAddress.address),
    },
  });
}

/**
 * The attendee list in an attendee's copy. With hideAttendees, "each attendee only sees themselves
 * in the meeting request and meeting Tracking list" (learn.microsoft.com/graph/api/resources/event,
 * hideAttendees, v1.0): the copy lists its owner alone. Otherwise it lists everyone.
 */
function attendeesSeenBy(event: StoredEvent, address: string): unknown {
  const all = (event.data.attendees ?? []) as Attendee[];
  return event.data.hideAttendees ? all.filter((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase()) : all;
}

function syncCopies(req: GraphRequest, event: StoredEvent, attendeesBefore: ReadonlySet<string>): void {
  const attendees = (event.data.attendees ?? []) as Attendee[];
  const now = new Set(attendees.map((a) => a.emailAddress.address.toLowerCase()));
  const organizer = req.store.user(event.ownerId)!;
  for (const copy of req.store.eventsByUid(event.iCalUId)) {
    if (copy.ownerId === event.ownerId) continue;
    const owner = req.store.user(copy.ownerId);
    if (!owner || !now.has(owner.userPrincipalName.toLowerCase())) {
      cancelCopy(req, copy);
      continue;
    }
    const shared = ["subject", "body", "bodyPreview", "location", "locations", "isOnlineMeeting", "onlineMeetingProvider", "sensitivity", "importance", "hideAttendees", "lastModifiedDateTime", "changeKey"];
    const data = { ...copy.data };
    for (const key of shared) data[key] = event.data[key];
    data.attendees = attendeesSeenBy(event, owner.userPrincipalName);
    req.store.putEvent({ ...copy, startMs: event.startMs, endMs: event.endMs, data });
  }
  for (const attendee of attendees) {
    if (!attendeesBefore.has(attendee.emailAddress.address.toLowerCase())) invite(req, event, organizer, attendee);
  }
  // Outside attendees still invited get the update; those taken off get a cancellation.
  tellOutside(req, event, "meetingRequest", "", [...attendeesBefore].filter((a) => now.has(a)));
  const removed = [...attendeesBefore].filter((a) => !now.has(a));
  if (removed.length > 0) tellOutside(req, { ...event, data: { ...event.data, attendees: removed.map((address) => ({ emailAddress: { address } })) } }, "meetingCancelled");
}

export function cancelCopy(req: GraphRequest, copy: StoredEvent): void {
  if (copy.data.isCancelled) return;
  const subject = String(copy.data.subject ?? "");
  req.store.putEvent({ ...copy, data: { ...copy.data, isCancelled: true, showAs: "free", subject: subject.startsWith("Canceled: ") ? subject : `Canceled: ${subject}` } });
}

// Reading

export function ownEvent(req: GraphRequest): StoredEvent {
  const owner = mailboxOwner(req);
  const event = req.store.event(owner.id, req.params.id!);
  if (!event || !delivered(req, event)) throw notFound("The specified object was not found in the store.");
  return event;
}

function renderPage(req: GraphRequest, events: readonly StoredEvent[]): Record<string, unknown> {
  const { value, ...next } = page(req, events, 10, 1000);
  return { "@odata.context": `${req.graphBase}/$metadata#events`, value: value.map((e) => renderEvent(req, e)), ...next };
}

/** The event as Graph answers it: times in the zone the caller prefers, extended properties only when expanded. */
function renderEvent(req: GraphRequest, event: StoredEvent): Record<string, unknown> {
  const zone = preferredZone(req.headers.prefer);
  const { singleValueExtendedProperties, transactionId, ...rest } = event.data as { singleValueExtendedProperties?: { id: string; value: string }[]; transactionId?: unknown };
  const site = req.graphBase.replace(/\/graph\/v1\.0$/, "");
  const rendered: Record<string, unknown> = {
    "@odata.etag": `W/"${String(event.data.changeKey)}"`,
    ...rest,
    transactionId: transactionId ?? null,
    start: formatDateTimeTimeZone(instant(event.startMs), zone),
    end: formatDateTimeTimeZone(instant(event.endMs), zone),
    webLink: `${site}/sandbox/calendar/${encodeURIComponent(event.ownerId)}/${encodeURIComponent(event.id)}`,
    // One Teams meeting (one join link, one chat) for every copy of the event.
    onlineMeeting: event.data.isOnlineMeeting ? onlineMeetingInfo(req, event) : null,
  };
  const expanded = expandedProperties(req, singleValueExtendedProperties);
  if (expanded) rendered.singleValueExtendedProperties = expanded;
  return selected(req, rendered);
}

/**
 * An item's extended properties as Graph answers them: only when asked for with $expand, and then
 * only those the $filter names (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
 * Undefined when not asked for. Events and messages alike.
 */
export function expandedProperties(req: GraphRequest, properties: readonly { id: string; value: string }[] | undefined): { id: string; value: string }[] | undefined {
  const expand = req.query.get("$expand");
  if (!expand) return undefined;
  const match = /^singleValueExtendedProperties(?:\(\$filter=(.+)\))?$/i.exec(expand.trim());
  const wanted = match?.[1]?.split(/\s+or\s+/i).map((clause) => /^id eq '((?:[^']|'')*)'$/i.exec(clause.trim())?.[1]?.replace(/''/g, "'").toLowerCase());
  if (!match || wanted?.some((id) => id === undefined)) {
    throw badRequest(`The sandbox can expand singleValueExtendedProperties, optionally with $filter=id eq '…' (or id eq '…'), not '${expand}'.`);
  }
  return (properties ?? []).filter((p) => !wanted || wanted.includes(p.id.toLowerCase()));
}

/**
 * The one $filter IRO Desk uses on events: by a single-value extended property,
 * singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…').
 */
export function extendedPropertyFilter(filter: string | null, on = "events"): ((item: { readonly data: Record<string, unknown> }) => boolean) | undefined {
  if (!filter) return undefined;
  const match = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*\1\/id eq '((?:[^']|'')*)' and \1\/value eq '((?:[^']|'')*)'\s*\)$/i.exec(filter.trim());
  if (!match) throw badRequest(`The sandbox supports only singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…') in $filter on ${on}, not '${filter}'.`, "ErrorInvalidUrlQueryFilter");
  const id = match[2]!.replace(/''/g, "'").toLowerCase();
  const value = match[3]!.replace(/''/g, "'");
  return (e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.id.toLowerCase() === id && p.value === value);
}

// Checking what callers send

interface EventFields {
  startMs?: number;
  endMs?: number;
  attendees?: Omit<Attendee, "status">[];
  [key: string]: unknown;
}

/**
 * The properties Graph knows on the types an event nests (microsoftgraph/msgraph-metadata, v1.0 CSDL:
 * dateTimeTimeZone, itemBody, attendee, emailAddress, location, physicalAddress,
 * outlookGeoCoordinates, singleValueLegacyExtendedProperty). Graph's OData reader refuses any other
 * property with 400 RequestBodyRead, at any depth, so the sandbox does too.
 */
const NESTED: Readonly<Record<string, readonly string[]>> = {
  dateTimeTimeZone: ["dateTime", "timeZone"],
  itemBody: ["contentType", "content"],
  attendee: ["emailAddress", "type", "status", "proposedNewTime"],
  emailAddress: ["address", "name"],
  location: ["displayName", "locationType", "uniqueId", "uniqueIdType", "locationEmailAddress", "locationUri", "address", "coordinates"],
  physicalAddress: ["street", "city", "state", "countryOrRegion", "postalCode"],
  outlookGeoCoordinates: ["latitude", "longitude", "altitude", "accuracy", "altitudeAccuracy"],
  singleValueLegacyExtendedProperty: ["id", "value"],
};

function known(value: unknown, type: keyof typeof NESTED, where: string): Record<string, unknown> {
  const object = requireObject(value, where);
  onlyKnownProperties(object, NESTED[type]!, type);
  return object;
}

function checkLocation(value: unknown, where: string): Record<string, unknown> {
  const location = known(value, "location", where);
  if (location.address !== undefined) known(location.address, "physicalAddress", `${where}.address`);
  if (location.coordinates !== undefined) known(location.coordinates, "outlookGeoCoordinates", `${where}.coordinates`);
  return location;
}

function checkEventFields(body: Record<string, unknown>, creating: boolean): EventFields {
  const fields: EventFields = {};
  for (const key of ["start", "end"] as const) if (body[key] !== undefined) known(body[key], "dateTimeTimeZone", key);
  if (creating || body.start !== undefined) fields.startMs = parseDateTimeTimeZone(body.start, "start");
  if (creating || body.end !== undefined) fields.endMs = parseDateTimeTimeZone(body.end, "end");
  if (creating && fields.endMs! <= fields.startMs!) throw badRequest("The end time of the event must be later than its start time.", "ErrorInvalidRequest");
  if (body.start !== undefined) fields.start = body.start;
  if (body.end !== undefined) fields.end = body.end;
  if (body.subject !== undefined) fields.subject = requireString(body.subject, "subject");
  if (body.body !== undefined) fields.body = itemBody(body.body);
  if (body.showAs !== undefined) fields.showAs = oneOf(body.showAs, SHOW_AS, "showAs");
  if (body.sensitivity !== undefined) fields.sensitivity = oneOf(body.sensitivity, SENSITIVITY, "sensitivity");
  if (body.importance !== undefined) fields.importance = oneOf(body.importance, ["low", "normal", "high"], "importance");
  if (body.isOnlineMeeting !== undefined) fields.isOnlineMeeting = requireBoolean(body.isOnlineMeeting, "isOnlineMeeting");
  if (body.onlineMeetingProvider !== undefined) {
    fields.onlineMeetingProvider = oneOf(body.onlineMeetingProvider, ["unknown", "teamsForBusiness", "skypeForBusiness", "skypeForConsumer"], "onlineMeetingProvider");
  }
  if (body.location !== undefined) {
    const location = checkLocation(body.location, "location");
    fields.location = { locationType: "default", uniqueIdType: "unknown", ...location, displayName: requireString(location.displayName ?? "", "location.displayName") };
  }
  for (const key of ["isAllDay", "isReminderOn", "allowNewTimeProposals", "responseRequested", "hideAttendees"] as const) {
    if (body[key] !== undefined) fields[key] = requireBoolean(body[key], key);
  }
  if (body.reminderMinutesBeforeStart !== undefined) {
    if (!Number.isInteger(body.reminderMinutesBeforeStart)) throw badRequest("reminderMinutesBeforeStart must be a whole number of minutes.");
    fields.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart;
  }
  if (body.categories !== undefined) fields.categories = stringArray(body.categories, "categories");
  if (body.locations !== undefined) {
    if (!Array.isArray(body.locations)) throw badRequest("locations must be an array.");
    fields.locations = body.locations.map((l, i) => checkLocation(l, `locations[${i}]`));
  }
  if (body.attendees !== undefined) fields.attendees = attendees(body.attendees);
  if (body.singleValueExtendedProperties !== undefined) fields.singleValueExtendedProperties = extendedProperties(body.singleValueExtendedProperties);
  return fields;
}

function withoutInstants(fields: EventFields): Record<string, unknown> {
  const { startMs: _s, endMs: _e, start: _st, end: _en, ...rest } = fields;
  return rest;
}

function attendees(value: unknown): Omit<Attendee, "status">[] {
  if (!Array.isArray(value)) throw badRequest("attendees must be an array.");
  return value.map((a, i) => {
    const attendee = known(a, "attendee", `attendees[${i}]`);
    const email = known(attendee.emailAddress, "emailAddress", `attendees[${i}].emailAddress`);
    const address = requireString(email.address, `attendees[${i}].emailAddress.address`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw badRequest(`attendees[${i}].emailAddress.address '${address}' is not an email address.`, "ErrorInvalidRecipients");
    const name = email.name === undefined ? address : requireString(email.name, `attendees[${i}].emailAddress.name`);
    return { emailAddress: { address, name }, type: oneOf(attendee.type ?? "required", ATTENDEE_TYPES, `attendees[${i}].type`) };
  });
}

export function extendedProperties(value: unknown): { id: string; value: string }[] {
  if (!Array.isArray(value)) throw badRequest("singleValueExtendedProperties must be an array.");
  return value.map((p, i) => {
    const prop = known(p, "singleValueLegacyExtendedProperty", `singleValueExtendedProperties[${i}]`);
    const id = requireString(prop.id, `singleValueExtendedProperties[${i}].id`);
    if (!/^(String|Integer|Boolean|SystemTime) (\{[0-9a-f-]{36}\} (Name \S+|Id 0x[0-9a-f]+)|0x[0-9a-f]+)$/i.test(id)) {
      throw badRequest(`'${id}' is not a valid extended property id (e.g. "String {00020329-0000-0000-c000-000000000046} Name CaseRef").`, "ErrorInvalidProperty");
    }
    return { id, value: requireString(prop.value, `singleValueExtendedProperties[${i}].value`) };
  });
}

function itemBody(value: unknown): { contentType: string; content: string } {
  const body = known(value, "itemBody", "body");
  return { contentType: oneOf(String(body.contentType ?? "text").toLowerCase(), ["text", "html"], "body.contentType"), content: requireString(body.content ?? "", "body.content") };
}

function preview(body: unknown): string {
  const content = String((body as { content?: string } | undefined)?.content ?? "");
  return content.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 255);
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== "string") throw badRequest(`${field} must be a string.`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, field);
}

function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw badRequest(`${field} must be true or false.`);
  return value;
}

function stringArray(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw badRequest(`${field} must be an array of strings.`);
  return value as string[];
}

export function oneOf(value: unknown, allowed: readonly string[], field: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw badRequest(`${field} must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}.`);
  return value;
}
