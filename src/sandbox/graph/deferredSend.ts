import type { Store, StoredMessage } from "../store.js";
import type { GraphRequest } from "./context.js";
import { extendedProperties } from "./events.js";
import { badRequest } from "./graphError.js";
import { deliver } from "./mail.js";

/**
 * Scheduled sending as Exchange does it: a draft carrying PidTagDeferredSendTime ("SystemTime
 * 0x3FEF", PT_SYSTIME) that is sent waits until that time and then goes, server-side, with no
 * client running; a time already past sends at once (MS-OXOMSG 2.2.3.4). Mailboxes checked by
 * others keep the waiting message in Drafts, where deleting it cancels it
 * (github.com/openonion/connectonion pull 183, 1221), so it waits there here too.
 */
export const DEFERRED_SEND_TIME = "systemtime 0x3fef";
const INDEX = "deferred-sends";

interface Waiting {
  readonly ownerId: string;
  readonly id: string;
  readonly at: number;
}

/** The single-value extended properties of a message, checked as Graph checks them (a SystemTime must be a date and time). */
export function messageProperties(value: unknown): { id: string; value: string }[] {
  const props = extendedProperties(value);
  for (const p of props) {
    if (/^SystemTime /i.test(p.id) && Number.isNaN(Date.parse(p.value))) throw badRequest(`'${p.value}' is not a valid value for the SystemTime property '${p.id}'.`, "ErrorInvalidProperty");
  }
  return props;
}

/** Sending a draft whose deferred send time is still to come: it stays in Drafts until then. True if held. */
export function holdUntilDeferredTime(req: GraphRequest, draft: StoredMessage): boolean {
  const deferred = ((draft.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).find((p) => p.id.toLowerCase() === DEFERRED_SEND_TIME);
  const at = deferred ? Date.parse(deferred.value) : Number.NaN;
  if (!(at > req.now())) return false;
  req.store.transaction(() => {
    req.store.putMessage({ ...draft, data: { ...draft.data, isDraft: false } });
    req.store.setMeta(INDEX, JSON.stringify([...waiting(req.store).filter((w) => w.id !== draft.id), { ownerId: draft.ownerId, id: draft.id, at }]));
  });
  return true;
}

/**
 * Sends every held message whose time has come (the sandbox checks on each request, as Exchange's
 * transport would have sent it by then). A message deleted meanwhile was cancelled: nothing goes.
 */
export function deliverDeferred(ctx: Pick<GraphRequest, "store" | "now" | "graphBase">): void {
  const all = waiting(ctx.store);
  const due = all.filter((w) => w.at <= ctx.now());
  if (due.length === 0) return;
  ctx.store.transaction(() => {
    for (const w of due) {
      const message = ctx.store.message(w.ownerId, w.id);
      const sender = ctx.store.user(w.ownerId);
      if (!message || !sender) continue;
      ctx.store.deleteMessage(w.ownerId, w.id);
      const { id: _id, isDraft: _draft, ...fields } = message.data;
      deliver(ctx, sender, fields, true);
    }
    ctx.store.setMeta(INDEX, JSON.stringify(all.filter((w) => w.at > ctx.now())));
  });
}

function waiting(store: Store): Waiting[] {
  return JSON.parse(store.meta(INDEX) ?? "[]") as Waiting[];
}
