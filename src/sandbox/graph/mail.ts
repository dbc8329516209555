import { randomUUID } from "node:crypto";
import type { SandboxUser, StoredMessage } from "../store.js";
import { mailboxOwner, newId, ok, page, type GraphRequest, type GraphResponse } from "./context.js";
import { badRequest, notFound, onlyKnownProperties, requireObject } from "./graphError.js";
import { expandedProperties, extendedPropertyFilter, oneOf, requireString } from "./events.js";
import { escapeHtml } from "../../domain/templates/escapeHtml.js";
import { deliverOutside } from "../outsideMail.js";
import { holdUntilDeferredTime, messageProperties } from "./deferredSend.js";
import { selected } from "./select.js";

const MESSAGE_PROPERTIES = [
  "subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "importance",
  "internetMessageHeaders", "singleValueExtendedProperties", "categories",
];
interface Recipient {
  emailAddress: { address: string; name: string };
}

/** POST /me/sendMail: delivers to every recipient in the tenant and keeps a copy in Sent Items. */
export function sendMail(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const body = requireObject(req.body, "a sendMail request");
  onlyKnownProperties(body, ["message", "saveToSentItems"], "user.sendMail");
  const message = checkMessage(requireObject(body.message, "message"), true);
  req.store.transaction(() => deliver(req, owner, message, body.saveToSentItems !== false));
  return { status: 202 };
}

export function listMessages(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const folder = req.params.folder?.toLowerCase();
  if (folder && !["inbox", "sentitems", "drafts"].includes(folder)) throw notFound(`The mail folder '${req.params.folder}' does not exist in the sandbox (inbox, sentitems, drafts).`);
  let messages = req.store.messages(owner.id, folder as StoredMessage["folder"] | undefined);
  const filter = req.query.get("$filter");
  if (filter) {
    const byId = /^internetMessageId eq '((?:[^']|'')*)'$/i.exec(filter.trim());
    // Sent since: Graph filters messages on sentDateTime with ge (learn.microsoft.com/graph/api/user-list-messages).
    const since = /^sentDateTime ge (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)$/i.exec(filter.trim());
    if (byId) {
      const wanted = byId[1]!.replace(/''/g, "'");
      messages = messages.filter((m) => m.data.internetMessageId === wanted);
    } else if (since) {
      const from = Date.parse(since[1]!);
      messages = messages.filter((m) => typeof m.data.sentDateTime === "string" && Date.parse(m.data.sentDateTime) >= from);
    } else {
      // The one extended-property filter the events take (Graph documents it for messages too).
      const property = extendedPropertyFilter(filter, "messages (or internetMessageId eq '…', sentDateTime ge <UTC time>)");
      messages = messages.filter((m) => property!(m));
    }
  }
  const { value, ...next } = page(req, messages, 10, 1000);
  return ok({ value: value.map((m) => selected(req, renderMessage(req, m))), ...next });
}

export function getMessage(req: GraphRequest): GraphResponse {
  return ok(renderMessage(req, ownMessage(req)));
}

/** A message as Graph answers it: extended properties only when expanded. */
function renderMessage(req: GraphRequest, message: StoredMessage): Record<string, unknown> {
  const { singleValueExtendedProperties, ...rest } = message.data as { singleValueExtendedProperties?: { id: string; value: string }[] };
  const expanded = expandedProperties(req, singleValueExtendedProperties);
  return expanded ? { ...rest, singleValueExtendedProperties: expanded } : rest;
}

/** POST /me/messages/{id}/createReply: a draft reply to the sender, with the original quoted. */
export function createReply(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const original = ownMessage(req);
  const body = req.body === undefined || req.body === null ? {} : requireObject(req.body, "a createReply request");
  onlyKnownProperties(body, ["comment", "message"], "message.createReply");
  const comment = body.comment === undefined ? "" : requireString(body.comment, "comment");
  const from = original.data.from as Recipient;
  const subject = String(original.data.subject ?? "");
  const now = new Date(req.now()).toISOString();
  const draft: StoredMessage = {
    id: newId("AAMkAGI"),
    ownerId: owner.id,
    folder: "drafts",
    data: {
      ...baseMessage(req, owner, now),
      isDraft: true,
      subject: /^re:/i.test(subject) ? subject : `RE: ${subject}`,
      toRecipients: [from],
      conversationId: original.data.conversationId,
      body: {
        contentType: "html",
        content: `<div>${escapeHtml(comment)}</div><hr><div>${String((original.data.body as { content?: string }).content ?? "")}</div>`,
      },
    },
  };
  draft.data.id = draft.id;
  req.store.putMessage(draft);
  return ok(draft.data, 201);
}

/** POST /me/messages: a new draft in Drafts (201), to be sent with …/send (learn.microsoft.com/graph/api/user-post-messages). */
export function createDraft(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const message = checkMessage(requireObject(req.body, "a message"), false);
  const now = new Date(req.now()).toISOString();
  const id = newId("AAMkAGI");
  const data = { ...baseMessage(req, owner, now), ...message, id, isDraft: true, conversationId: newId("AAQk") };
  req.store.putMessage({ id, ownerId: owner.id, folder: "drafts", data });
  return ok(data, 201);
}

/** DELETE /me/messages/{id}: 204; a scheduled message deleted before its time never goes. */
export function deleteMessage(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  ownMessage(req);
  req.store.deleteMessage(owner.id, req.params.id!);
  return { status: 204 };
}

/** PATCH /me/messages/{id}: only a draft can change. */
export function updateMessage(req: GraphRequest): GraphResponse {
  const draft = ownMessage(req);
  if (draft.folder !== "drafts") throw badRequest("Only a draft message can be changed.", "ErrorInvalidOperation");
  const changes = checkMessage(requireObject(req.body, "a message"), false);
  const updated = { ...draft, data: { ...draft.data, ...changes, lastModifiedDateTime: new Date(req.now()).toISOString() } };
  req.store.putMessage(updated);
  return ok(updated.data);
}

/** POST /me/messages/{id}/send: sends a draft, which moves to Sent Items. */
export function sendDraft(req: GraphRequest): GraphResponse {
  const owner = mailboxOwner(req);
  const draft = ownMessage(req);
  if (draft.folder !== "drafts") throw badRequest("Only a draft message can be sent.", "ErrorInvalidOperation");
  const message = checkMessage(pickMessageFields(draft.data), true);
  if (holdUntilDeferredTime(req, draft)) return { status: 202 };
  req.store.transaction(() => {
    req.store.deleteMessage(owner.id, draft.id);
    deliver(req, owner, { ...message, conversationId: draft.data.conversationId }, true);
  });
  return { status: 202 };
}

export function deliver(req: Pick<GraphRequest, "store" | "now" | "graphBase">, sender: SandboxUser, message: Record<string, unknown>, keepSent: boolean): void {
  const now = new Date(req.now()).toISOString();
  const internetMessageId = `<${randomUUID()}@sandbox.iro-desk.local>`;
  const conversationId = (message.conversationId as string | undefined) ?? newId("AAQk");
  const shared = { ...baseMessage(req, sender, now), ...message, internetMessageId, conversationId, sentDateTime: now, isDraft: false };
  if (keepSent) {
    const id = newId("AAMkAGI");
    req.store.putMessage({ id, ownerId: sender.id, folder: "sentitems", data: { ...shared, id, isRead: true } });
  }
  const recipients = ["toRecipients", "ccRecipients", "bccRecipients"].flatMap((k) => (message[k] as Recipient[] | undefined) ?? []);
  const delivered = new Set<string>();
  // Recipients never see Bcc, nor the sender's named properties (an add-in's custom properties
  // "aren't transmitted to recipients": learn.microsoft.com/javascript/api/outlook/office.customproperties).
  const { bccRecipients: _hidden, singleValueExtendedProperties: _own, ...visible } = shared as Record<string, unknown>;
  for (const r of recipients) {
    const user = req.store.user(r.emailAddress.address);
    const key = user?.mailbox ? user.id : `outside:${r.emailAddress.address.toLowerCase()}`;
    if (delivered.has(key)) continue;
    delivered.add(key);
    // Outside the tenant it leaves by SMTP: the sandbox keeps it in that person's outside mailbox.
    if (!user || !user.mailbox) {
      deliverOutside(req.store, r.emailAddress.address, visible);
      continue;
    }
    const id = newId("AAMkAGI");
    req.store.putMessage({ id, ownerId: user.id, folder: "inbox", data: { ...visible, id, isRead: false } });
  }
}

function baseMessage(req: Pick<GraphRequest, "graphBase">, sender: SandboxUser, now: string): Record<string, unknown> {
  const address = { emailAddress: { name: sender.displayName, address: sender.userPrincipalName } };
  return {
    createdDateTime: now,
    lastModifiedDateTime: now,
    receivedDateTime: now,
    hasAttachments: false,
    importance: "normal",
    isRead: true,
    isDraft: false,
    from: address,
    sender: address,
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    webLink: `${req.graphBase.replace(/\/graph\/v1\.0$/, "")}/sandbox/mail`,
  };
}

function ownMessage(req: GraphRequest): StoredMessage {
  const owner = mailboxOwner(req);
  const message = req.store.message(owner.id, req.params.id!);
  if (!message) throw notFound("The specified object was not found in the store.");
  return message;
}

function pickMessageFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => MESSAGE_PROPERTIES.includes(k)));
}

function checkMessage(message: Record<string, unknown>, sending: boolean): Record<string, unknown> {
  onlyKnownProperties(message, MESSAGE_PROPERTIES, "message");
  const out: Record<string, unknown> = {};
  if (message.subject !== undefined) out.subject = requireString(message.subject, "message.subject");
  if (message.body !== undefined) {
    const body = requireObject(message.body, "message.body");
    out.body = { contentType: oneOf(String(body.contentType ?? "text").toLowerCase(), ["text", "html"], "message.body.contentType"), content: requireString(body.content ?? "", "message.body.content") };
  }
  for (const key of ["toRecipients", "ccRecipients", "bccRecipients", "replyTo"]) {
    if (message[key] !== undefined) out[key] = recipients(message[key], `message.${key}`);
  }
  if (message.importance !== undefined) out.importance = oneOf(message.importance, ["low", "normal", "high"], "message.importance");
  if (message.internetMessageHeaders !== undefined) out.internetMessageHeaders = headers(message.internetMessageHeaders);
  if (message.categories !== undefined) out.categories = message.categories;
  if (message.singleValueExtendedProperties !== undefined) out.singleValueExtendedProperties = messageProperties(message.singleValueExtendedProperties);
  if (sending && ((out.toRecipients as unknown[] | undefined) ?? []).length + ((out.ccRecipients as unknown[] | undefined) ?? []).length + ((out.bccRecipients as unknown[] | undefined) ?? []).length === 0) {
    throw badRequest("At least one recipient is required, but none were found.", "ErrorInvalidRecipients");
  }
  return out;
}

function recipients(value: unknown, field: string): Recipient[] {
  if (!Array.isArray(value)) throw badRequest(`${field} must be an array.`);
  return value.map((r, i) => {
    const email = requireObject(requireObject(r, `${field}[${i}]`).emailAddress, `${field}[${i}].emailAddress`);
    const address = requireString(email.address, `${field}[${i}].emailAddress.address`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw badRequest(`${field}[${i}] '${address}' is not an email address.`, "ErrorInvalidRecipients");
    return { emailAddress: { address, name: email.name === undefined ? address : requireString(email.name, `${field}[${i}].emailAddress.name`) } };
  });
}

function headers(value: unknown): { name: string; value: string }[] {
  if (!Array.isArray(value)) throw badRequest("internetMessageHeaders must be an array.");
  return value.map((h, i) => {
    const header = requireObject(h, `internetMessageHeaders[${i}]`);
    const name = requireString(header.name, `internetMessageHeaders[${i}].name`);
    // Graph accepts only custom headers on send.
    if (!/^x-/i.test(name)) throw badRequest(`internetMessageHeaders[${i}]: only custom headers starting X- can be set, not '${name}'.`, "InvalidInternetMessageHeader");
    return { name, value: requireString(header.value, `internetMessageHeaders[${i}].value`) };
  });
}
