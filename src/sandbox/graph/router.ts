import type { SandboxUser, Store } from "../store.js";
import { DEFAULT_BEHAVIOUR, type GraphRequest, type GraphResponse, type SandboxBehaviour } from "./context.js";
import { calendarView, createEvent, deleteEvent, getEvent, listEvents, updateEvent } from "./events.js";
import { badRequest, GraphError, notFound } from "./graphError.js";
import { createItem, deleteItem, getItem, getList, listItems, updateItemFields } from "./lists.js";
import { listItemsDelta } from "./listDelta.js";
import { createColumn, createList, getSite, listColumns, listLists, updateColumn } from "./sites.js";
import { createDraft, createReply, deleteMessage, getMessage, listMessages, sendDraft, sendMail, updateMessage } from "./mail.js";
import { cancelEvent, respondToEvent } from "./eventResponses.js";
import { deliverDeferred } from "./deferredSend.js";
import { getSchedule } from "./schedule.js";
import { getMe, getUser } from "./users.js";
import { batch } from "./batch.js";
import { getChat } from "./teamsMeetings.js";

type Handler = (req: GraphRequest) => GraphResponse;

/** Every Graph call the sandbox answers. `me` and `users/{user}` lead to the same handlers. */
const ROUTES: readonly [string, RegExp, Handler][] = [];
function route(method: string, pattern: string, handler: Handler): void {
  const mailbox = pattern.startsWith("/{mailbox}");
  const toRegex = (p: string) =>
    new RegExp(`^${p.replace(/\{(\w+)\}/g, (_, name: string) => `(?<${name}>[^/]+)`)}$`, "i");
  if (mailbox) {
    (ROUTES as [string, RegExp, Handler][]).push([method, toRegex(pattern.replace("/{mailbox}", "/me")), handler]);
    (ROUTES as [string, RegExp, Handler][]).push([method, toRegex(pattern.replace("/{mailbox}", "/users/{user}")), handler]);
  } else (ROUTES as [string, RegExp, Handler][]).push([method, toRegex(pattern), handler]);
}

route("GET", "/me", getMe);
route("GET", "/users/{user}", getUser);
route("POST", "/{mailbox}/events", createEvent);
route("POST", "/{mailbox}/calendar/events", createEvent);
route("GET", "/{mailbox}/events", listEvents);
route("GET", "/{mailbox}/calendar/events", listEvents);
route("GET", "/{mailbox}/events/{id}", getEvent);
route("PATCH", "/{mailbox}/events/{id}", updateEvent);
route("DELETE", "/{mailbox}/events/{id}", deleteEvent);
route("POST", "/{mailbox}/events/{id}/accept", respondToEvent("accepted"));
route("POST", "/{mailbox}/events/{id}/tentativelyAccept", respondToEvent("tentativelyAccepted"));
route("POST", "/{mailbox}/events/{id}/decline", respondToEvent("declined"));
route("POST", "/{mailbox}/events/{id}/cancel", cancelEvent);
route("GET", "/{mailbox}/calendarView", calendarView);
route("GET", "/{mailbox}/calendar/calendarView", calendarView);
route("POST", "/{mailbox}/calendar/getSchedule", getSchedule);
route("POST", "/{mailbox}/sendMail", sendMail);
route("GET", "/{mailbox}/messages", listMessages);
route("GET", "/{mailbox}/mailFolders/{folder}/messages", listMessages);
route("POST", "/{mailbox}/messages", createDraft);
route("GET", "/{mailbox}/messages/{id}", getMessage);
route("DELETE", "/{mailbox}/messages/{id}", deleteMessage);
route("PATCH", "/{mailbox}/messages/{id}", updateMessage);
route("POST", "/{mailbox}/messages/{id}/createReply", createReply);
route("POST", "/{mailbox}/messages/{id}/send", sendDraft);
route("GET", "/sites/{site}", getSite);
route("GET", "/sites/{site}/lists", listLists);
route("POST", "/sites/{site}/lists", createList);
route("GET", "/sites/{site}/lists/{list}", getList);
route("GET", "/sites/{site}/lists/{list}/columns", listColumns);
route("POST", "/sites/{site}/lists/{list}/columns", createColumn);
route("PATCH", "/sites/{site}/lists/{list}/columns/{column}", updateColumn);
route("GET", "/sites/{site}/lists/{list}/items", listItems);
// Before items/{item}: Graph's delta function, with or without its parentheses.
route("GET", "/sites/{site}/lists/{list}/items/delta", listItemsDelta);
route("GET", "/sites/{site}/lists/{list}/items/delta\\(\\)", listItemsDelta);
route("POST", "/sites/{site}/lists/{list}/items", createItem);
route("GET", "/sites/{site}/lists/{list}/items/{item}", getItem);
route("DELETE", "/sites/{site}/lists/{list}/items/{item}", deleteItem);
route("PATCH", "/sites/{site}/lists/{list}/items/{item}/fields", updateItemFields);
route("GET", "/chats/{chat}", getChat);
route("GET", "/{mailbox}/chats/{chat}", getChat);
route("POST", "/\\$batch", batch);

export interface GraphCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

export interface Caller {
  readonly user: SandboxUser;
  readonly store: Store;
  readonly graphBase: string;
  readonly now: () => number;
  readonly behaviour?: SandboxBehaviour;
}

/** Answers one authenticated Graph call; every failure becomes Graph's error body. */
export function dispatch(call: GraphCall, caller: Caller): GraphResponse {
  try {
    // Scheduled messages whose time has come go before anything else is answered.
    deliverDeferred(caller);
    const path = call.path.replace(/\/+$/, "") || "/";
    const known = ROUTES.filter(([, pattern]) => pattern.test(path));
    const match = known.find(([method]) => method === call.method);
    if (!match) {
      if (known.length > 0) throw new GraphError(405, "Request_BadRequest", `The HTTP method '${call.method}' is not allowed on ${path}.`);
      throw notFound(`Resource not found for the segment '${path.split("/")[1] ?? ""}'.`, "BadRequest");
    }
    const params = (match[1].exec(path)!.groups ?? {}) as Record<string, string>;
    return match[2]({ ...call, path, params, user: caller.user, store: caller.store, graphBase: caller.graphBase, now: caller.now, behaviour: caller.behaviour ?? DEFAULT_BEHAVIOUR });
  } catch (error) {
    return errorResponse(error);
  }
}

export function errorResponse(error: unknown): GraphResponse {
  const e =
    error instanceof GraphError
      ? error
      : error instanceof URIError
        ? new GraphError(400, "BadRequest", "The address has malformed %-encoding.")
        : new GraphError(500, "generalException", "An unexpected error occurred in the sandbox.");
  if (!(error instanceof GraphError) && !(error instanceof URIError)) {
    // The stack, never the request: request bodies hold children's data.
    console.error(`sandbox: internal error: ${(error as Error).stack ?? String(error)}`);
  }
  return {
    status: e.status,
    headers: e.headers,
    body: { error: { code: e.code, message: e.message, innerError: { ...e.innerError, date: new Date().toISOString().slice(0, 19), "request-id": crypto.randomUUID() } } },
  };
}

export { badRequest };
