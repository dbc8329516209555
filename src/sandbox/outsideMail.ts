import { instant } from "../domain/calendar/londonTime.js";
import { formatDateTimeTimeZone } from "./graph/dateTimeTimeZone.js";
import { newId, type GraphRequest } from "./graph/context.js";
import { onlineMeetingInfo } from "./graph/teamsMeetings.js";
import type { StoredEvent, StoredMessage, Store } from "./store.js";

/**
 * People outside the tenant (families, carers, partner agencies) have no mailbox here: what the
 * tenant sends them would leave by SMTP. The sandbox keeps it in an "outside mailbox" per address
 * (messages owned by "outside:<address>"), so tests and the demo can see what a parent received
 * and answer as they would from any mail app: press Accept or Decline on a meeting request (an
 * iCalendar REPLY that Exchange records on the organizer's event), or write a plain reply.
 */
const OWNER = (address: string) => `outside:${address.toLowerCase()}`;

export type OutsideResponse = "accepted" | "tentativelyAccepted" | "declined";
/** Graph's meetingMessageType for each response (v1.0 metadata spells the tentative one "meetingTenativelyAccepted"). */
const RESPONSE_MESSAGE: Readonly<Record<OutsideResponse, string>> = { accepted: "meetingAccepted", tentativelyAccepted: "meetingTenativelyAccepted", declined: "meetingDeclined" };
const RESPONSE_WORD: Readonly<Record<OutsideResponse, string>> = { accepted: "Accepted", tentativelyAccepted: "Tentative", declined: "Declined" };

interface Clock {
  readonly store: Store;
  readonly now: () => number;
}

/** An email that left the tenant for someone outside it. */
export function deliverOutside(store: Store, address: string, data: Record<string, unknown>): void {
  const id = newId("AAMkOUT");
  store.putMessage({ id, ownerId: OWNER(address), folder: "inbox", data: { ...data, id, isRead: false } });
}

/** A meeting request, update or cancellation as an outside attendee's mail app receives it. */
export function meetingMail(ctx: GraphRequest, event: StoredEvent, address: string, kind: "meetingRequest" | "meetingCancelled", comment = ""): void {
  const organizer = event.data.organizer as { emailAddress: { address: string; name: string } };
  const subject = String(event.data.subject ?? "");
  const content = String((event.data.body as { content?: string } | undefined)?.content ?? "");
  deliverOutside(ctx.store, address, {
    subject: kind === "meetingCancelled" && !subject.startsWith("Canceled: ") ? `Canceled: ${subject}` : subject,
    body: { contentType: "html", content: kind === "meetingCancelled" ? `<p>${escape(comment)}</p>${content}` : content },
    from: organizer,
    toRecipients: [{ emailAddress: { address, name: address } }],
    receivedDateTime: new Date(ctx.now()).toISOString(),
    meetingMessageType: kind,
    iCalUId: event.iCalUId,
    startDateTime: formatDateTimeTimeZone(instant(event.startMs), "UTC"),
    endDateTime: formatDateTimeTimeZone(instant(event.endMs), "UTC"),
    onlineMeeting: event.data.isOnlineMeeting ? { joinUrl: onlineMeetingInfo(ctx, event).joinUrl } : null,
  });
}

function outsideMessages(store: Store, address: string): StoredMessage[] {
  return store.messages(OWNER(address));
}

/**
 * The outside person's calendar as their mail app keeps it: each meeting once, as its latest
 * request or update left it; a cancelled one is gone. Their own answer is shown with it.
 */
function outsideCalendar(store: Store, address: string): Record<string, unknown>[] {
  const latest = new Map<string, Record<string, unknown>>();
  // store.messages lists newest first: the first seen per meeting is its latest state.
  for (const m of outsideMessages(store, address)) {
    const uid = m.data.iCalUId as string | undefined;
    if (uid && !latest.has(uid) && m.data.meetingMessageType) latest.set(uid, m.data);
  }
  return [...latest.values()]
    .filter((m) => m.meetingMessageType === "meetingRequest")
    .map((m) => ({ iCalUId: m.iCalUId, subject: m.subject, start: m.startDateTime, end: m.endDateTime, organizer: m.from, response: answerOf(store, String(m.iCalUId), address) }));
}

/**
 * An outside attendee presses Accept, Tentative or Decline: their mail app sends an iCalendar REPLY,
 * and Exchange records it on the organizer's event (attendees[].status, with the time) and puts the
 * response in the organizer's inbox, as it does for attendees in the tenant.
 */
function respondAsOutside(ctx: Clock, address: string, iCalUId: string, response: OutsideResponse, comment = ""): void {
  const organizerEvent = ctx.store.eventsByUid(iCalUId).find((e) => e.data.isOrganizer);
  const invited = (organizerEvent?.data.attendees as { emailAddress: { address: string } }[] | undefined)?.some((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase());
  if (!organizerEvent || organizerEvent.data.isCancelled || !invited) throw new Error(`${address} has no meeting ${iCalUId} to answer: it was never sent to them, or it has been cancelled.`);
  recordResponse(ctx, organizerEvent, address, response, comment);
}

/**
 * What Exchange does with any attendee's response (from the tenant or outside): the organizer's
 * event records it on the attendee, with the time, and the organizer gets the response message.
 */
export function recordResponse(ctx: Clock, organizerEvent: StoredEvent, address: string, response: OutsideResponse, comment: string): void {
  const time = new Date(ctx.now()).toISOString();
  const attendees = (organizerEvent.data.attendees as { emailAddress: { address: string; name?: string }; status: unknown }[]).map((a) =>
    a.emailAddress.address.toLowerCase() === address.toLowerCase() ? { ...a, status: { response, time } } : a,
  );
  ctx.store.putEvent({ ...organizerEvent, data: { ...organizerEvent.data, attendees } });
  const from = attendees.find((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase())!.emailAddress;
  const id = newId("AAMkAGI");
  const organizer = organizerEvent.data.organizer as { emailAddress: { address: string; name: string } };
  ctx.store.putMessage({
    id,
    ownerId: organizerEvent.ownerId,
    folder: "inbox",
    data: {
      id,
      subject: `${RESPONSE_WORD[response]}: ${String(organizerEvent.data.subject ?? "")}`,
      body: { contentType: "html", content: comment ? `<p>${escape(comment)}</p>` : "" },
      from: { emailAddress: { address: from.address, name: from.name ?? from.address } },
      toRecipients: [organizer],
      receivedDateTime: time,
      internetMessageId: `<${id}@sandbox.iro-desk.local>`,
      isRead: false,
      isDraft: false,
      meetingMessageType: RESPONSE_MESSAGE[response],
      responseType: response,
    },
  });
}

/** A plain email from someone outside to a person in the tenant (a reply written in words, from any mail app). */
function replyAsOutside(ctx: Clock, from: { address: string; name: string }, to: string, subject: string, text: string): void {
  const user = ctx.store.user(to);
  if (!user || !user.mailbox) throw new Error(`${to} has no mailbox in the tenant.`);
  const id = newId("AAMkAGI");
  const now = new Date(ctx.now()).toISOString();
  ctx.store.putMessage({
    id,
    ownerId: user.id,
    folder: "inbox",
    data: {
      id,
      subject,
      body: { contentType: "html", content: `<p>${escape(text).replace(/\n/g, "<br>")}</p>` },
      from: { emailAddress: from },
      sender: { emailAddress: from },
      toRecipients: [{ emailAddress: { address: user.userPrincipalName, name: user.displayName } }],
      receivedDateTime: now,
      sentDateTime: now,
      internetMessageId: `<${id}@outside.example>`,
      conversationId: newId("AAQk"),
      isRead: false,
      isDraft: false,
      hasAttachments: false,
    },
  });
}

function answerOf(store: Store, iCalUId: string, address: string): string {
  const organizerEvent = store.eventsByUid(iCalUId).find((e) => e.data.isOrganizer);
  const attendee = (organizerEvent?.data.attendees as { emailAddress: { address: string }; status?: { response?: string } }[] | undefined)?.find((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase());
  return attendee?.status?.response ?? "none";
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The sandbox's own HTTP calls for outside people (not Graph: Graph cannot see outside mailboxes):
 * GET /sandbox/outside/{address}/messages and /calendar; POST /sandbox/outside/{address}/respond
 * { iCalUId, response, comment } and /reply { to, subject, text }.
 */
export function handleOutside(ctx: Clock, method: string, path: string, body: unknown): { status: number; body?: unknown } {
  const match = /^\/sandbox\/outside\/([^/]+)\/(messages|calendar|respond|reply)$/.exec(path);
  if (!match) return { status: 404, body: { error: { code: "notFound", message: "Use /sandbox/outside/{address}/messages, /calendar, /respond or /reply." } } };
  const address = decodeURIComponent(match[1]!);
  if (ctx.store.user(address)?.mailbox) return { status: 400, body: { error: { code: "inTenant", message: `${address} has a mailbox in the tenant: use Graph as them.` } } };
  const what = match[2]!;
  try {
    if (method === "GET" && what === "messages") return { status: 200, body: { value: outsideMessages(ctx.store, address).map((m) => m.data) } };
    if (method === "GET" && what === "calendar") return { status: 200, body: { value: outsideCalendar(ctx.store, address) } };
    const input = (body ?? {}) as Record<string, unknown>;
    if (method === "POST" && what === "respond") {
      const response = input.response;
      if (response !== "accepted" && response !== "tentativelyAccepted" && response !== "declined") throw new Error("response must be accepted, tentativelyAccepted or declined.");
      respondAsOutside(ctx, address, String(input.iCalUId ?? ""), response, typeof input.comment === "string" ? input.comment : "");
      return { status: 202 };
    }
    if (method === "POST" && what === "reply") {
      if (typeof input.to !== "string" || typeof input.subject !== "string" || typeof input.text !== "string") throw new Error("reply needs to, subject and text.");
      replyAsOutside(ctx, { address, name: typeof input.name === "string" ? input.name : address }, input.to, input.subject, input.text);
      return { status: 202 };
    }
  } catch (error) {
    return { status: 400, body: { error: { code: "badOutsideRequest", message: (error as Error).message } } };
  }
  return { status: 405, body: { error: { code: "methodNotAllowed", message: `${method} is not allowed on ${path}.` } } };
}
