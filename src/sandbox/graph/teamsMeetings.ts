import type { StoredEvent } from "../store.js";
import { DEMO_TENANT_ID } from "../demo/demoTenant.js";
import { mailboxOwner, ok, type GraphRequest, type GraphResponse } from "./context.js";
import { accessDenied, notFound } from "./graphError.js";

/** How Exchange's iCalUIds begin; the rest is the meeting's own 32 hex digits. */
export const ICAL_UID_PREFIX = "040000008200E00074C5B7101A82E008";

/**
 * A Teams meeting's chat thread id, "19:meeting_…@thread.v2", the id Teams gives a tab in the
 * meeting as context.chat.id and Graph as onlineMeeting.chatInfo.threadId. Teams' own are base64
 * of a GUID (learn.microsoft.com/graph/api/resources/onlinemeeting, checked 2026-11); the sandbox
 * takes the GUID from the event's iCalUId, so every copy of the meeting has the same chat.
 */
function meetingThreadId(event: StoredEvent): string {
  const hex = event.iCalUId.slice(ICAL_UID_PREFIX.length).toLowerCase();
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return `19:meeting_${Buffer.from(guid).toString("base64")}@thread.v2`;
}

/**
 * An online event's onlineMeeting (Graph's onlineMeetingInfo), with the join link in the long
 * form Graph's examples show: the thread id, then the tenant and the organizer's object id
 * (learn.microsoft.com/graph/api/user-post-events, "Create and enable an event as an online
 * meeting", checked 2026-11). Since MC772556 (2025–26) tenants may also give short links,
 * https://teams.microsoft.com/meet/<id>?p=<passcode>, which carry no thread id: IRO Desk does not
 * rely on the long form (see GraphMeetingChats).
 */
export function onlineMeetingInfo(req: GraphRequest, event: StoredEvent): Record<string, unknown> {
  const organizer = req.store.user(String((event.data.organizer as { emailAddress: { address: string } }).emailAddress.address));
  // Escapes in lower case, as Teams writes them (%3a, %40, %7b).
  const escape = (text: string) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  const context = escape(JSON.stringify({ Tid: DEMO_TENANT_ID, Oid: organizer?.id ?? "" }));
  const thread = escape(meetingThreadId(event));
  return {
    conferenceId: String(parseInt(event.iCalUId.slice(-8), 16)).padStart(9, "0").slice(-9),
    joinUrl: `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}`,
    phones: [],
    quickDial: null,
    tollFreeNumbers: [],
    tollNumber: null,
  };
}

/**
 * GET /chats/{chat-id} (and /me/chats/…) for a meeting's chat: Graph's chat resource with
 * onlineMeetingInfo, the meeting's join link and calendar event
 * (learn.microsoft.com/graph/api/resources/chat, checked 2026-11). Only the meeting's members
 * (organizer and attendees in the tenant) can read it.
 */
export function getChat(req: GraphRequest): GraphResponse {
  const user = req.params.user === undefined ? req.user : mailboxOwner(req);
  const id = decodeURIComponent(req.params.chat!);
  const guid = /^19:meeting_([A-Za-z0-9+/=]+)@thread\.v2$/.exec(id)?.[1];
  const hex = guid ? Buffer.from(guid, "base64").toString().replace(/-/g, "").toUpperCase() : "";
  const copies = /^[0-9A-F]{32}$/.test(hex) ? req.store.eventsByUid(ICAL_UID_PREFIX + hex).filter((e) => e.data.isOnlineMeeting) : [];
  const organizerEvent = copies.find((e) => e.data.isOrganizer);
  if (!organizerEvent) throw notFound(`Chat '${id}' was not found.`, "NotFound");
  if (!copies.some((e) => e.ownerId === user.id)) throw accessDenied();
  const organizer = req.store.user(organizerEvent.ownerId)!;
  return ok({
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats/$entity",
    id,
    topic: organizerEvent.data.subject,
    createdDateTime: organizerEvent.data.createdDateTime,
    lastUpdatedDateTime: organizerEvent.data.lastModifiedDateTime,
    chatType: "meeting",
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(id)}/0?tenantId=${DEMO_TENANT_ID}`,
    tenantId: DEMO_TENANT_ID,
    onlineMeetingInfo: {
      calendarEventId: organizerEvent.id,
      joinWebUrl: onlineMeetingInfo(req, organizerEvent).joinUrl,
      organizer: { "@odata.type": "#microsoft.graph.teamworkUserIdentity", id: organizer.id, displayName: null, userIdentityType: "aadUser", tenantId: DEMO_TENANT_ID },
    },
    viewpoint: { isHidden: false, lastMessageReadDateTime: organizerEvent.data.createdDateTime },
  });
}
