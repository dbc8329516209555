import { meetingMail, recordResponse, type OutsideResponse } from "../outsideMail.js";
import type { StoredEvent } from "../store.js";
import type { GraphRequest, GraphResponse } from "./context.js";
import { cancelCopy, ownEvent } from "./events.js";
import { badRequest, requireObject } from "./graphError.js";

/**
 * POST /me/events/{id}/accept | tentativelyAccept | decline: an attendee answers a meeting in their
 * own calendar (learn.microsoft.com/graph/api/event-accept, event-tentativelyaccept,
 * event-decline: 202 Accepted, no body). Their copy shows the answer (busy, tentative; a declined
 * meeting leaves their calendar, as Outlook moves it to Deleted Items); with sendResponse (the
 * default) the organizer's event records it and the organizer gets the response.
 */
export function respondToEvent(response: OutsideResponse): (req: GraphRequest) => GraphResponse {
  return (req) => {
    const event = ownEvent(req);
    const action = response === "accepted" ? "accept" : response;
    const params = actionParameters(req.body, action, response === "accepted" ? ["comment", "sendresponse"] : ["comment", "sendresponse", "proposednewtime"]);
    if (event.data.isOrganizer) throw badRequest("Your request can't be completed. You can't respond to a meeting you organized.", "ErrorInvalidRequest");
    if (event.data.isCancelled) throw badRequest("Your request can't be completed. The meeting has been cancelled.", "ErrorInvalidRequest");
    const sendResponse = params.sendresponse === undefined ? true : params.sendresponse;
    if (typeof sendResponse !== "boolean") throw badRequest("SendResponse must be true or false.");
    const comment = typeof params.comment === "string" ? params.comment : "";
    const time = new Date(req.now()).toISOString();
    req.store.transaction(() => {
      if (response === "declined") req.store.deleteEvent(event.ownerId, event.id);
      else req.store.putEvent({ ...event, data: { ...event.data, showAs: response === "accepted" ? "busy" : "tentative", responseStatus: { response, time } } });
      const organizerEvent = req.store.eventsByUid(event.iCalUId).find((e) => e.data.isOrganizer);
      if (sendResponse && organizerEvent) recordResponse(req, organizerEvent, req.user.userPrincipalName, response, comment);
    });
    return { status: 202 };
  };
}

/**
 * POST /me/events/{id}/cancel { Comment }: the organizer cancels one meeting; the attendees get the
 * cancellation with the comment, and the event leaves the organizer's calendar. An attendee calling
 * it gets 400 "You need to be an organizer to cancel a meeting." (learn.microsoft.com/graph/api/event-cancel).
 * Only this meeting's copies change: every other event, the organizer's included, is untouched.
 */
export function cancelEvent(req: GraphRequest): GraphResponse {
  const event = ownEvent(req);
  const params = actionParameters(req.body, "cancel", ["comment"]);
  if (!event.data.isOrganizer) throw badRequest("Your request can't be completed. You need to be an organizer to cancel a meeting.", "ErrorInvalidRequest");
  const comment = typeof params.comment === "string" ? params.comment : "";
  req.store.transaction(() => {
    req.store.deleteEvent(event.ownerId, event.id);
    for (const copy of req.store.eventsByUid(event.iCalUId)) cancelCopy(req, copy);
    tellOutside(req, event, "meetingCancelled", comment);
  });
  return { status: 202 };
}

/** Meeting mail to the event's attendees outside the tenant (who have no calendar here). */
export function tellOutside(req: GraphRequest, event: StoredEvent, kind: "meetingRequest" | "meetingCancelled", comment = "", only?: readonly string[]): void {
  for (const a of (event.data.attendees ?? []) as { emailAddress: { address: string } }[]) {
    const address = a.emailAddress.address;
    if (only && !only.includes(address.toLowerCase())) continue;
    if (!req.store.user(address)?.mailbox) meetingMail(req, event, address, kind, comment);
  }
}

/** An action's parameters: Graph matches their names without regard to case (the metadata says "Comment", the docs "comment"). */
function actionParameters(body: unknown, action: string, known: readonly string[]): Record<string, unknown> {
  const given = body === undefined || body === null ? {} : requireObject(body, `a ${action} request`);
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!known.includes(key.toLowerCase())) throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`, "UnknownError");
    params[key.toLowerCase()] = value;
  }
  return params;
}
