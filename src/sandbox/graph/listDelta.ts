import type { StoredListItem } from "../store.js";
import { ok, type GraphRequest, type GraphResponse } from "./context.js";
import { GraphError } from "./graphError.js";
import { listTop } from "./listQuery.js";
import { renderDeleted, renderItem } from "./lists.js";
import { findList } from "./sites.js";

const DEFAULT_TOP = 200;

/** What a delta token stands for: the list, the changes after `from` up to `upTo`, and where the page got to. */
interface DeltaToken {
  readonly list: string;
  /** Changes after this change number (0: a full enumeration of the items there are). */
  readonly from: number;
  /** The change number when this round began; a deltaLink's round has not begun (undefined). */
  readonly upTo?: number;
  /** Position within the round: the last item id (full enumeration) or change number (changes) given. */
  readonly after?: number;
  readonly issued: number;
}

/**
 * GET /sites/{site}/lists/{list}/items/delta, as Graph's listItem: delta is documented
 * (learn.microsoft.com/graph/api/listitem-delta, checked 2026-11):
 * - without a token, every item, in pages joined by @odata.nextLink, then an @odata.deltaLink;
 * - with the deltaLink's token, what changed since: each changed item once in its latest state, and
 *   each deleted item as { id, deleted: { state: "deleted" } };
 * - token=latest: no items, just a deltaLink from now;
 * - a token the service cannot answer (too old, or not one it gave) is 410 Gone with a Location
 *   header that starts a fresh enumeration; the error is resyncRequired, and its innerError says
 *   which resync (resyncChangesApplyDifferences: replace local items with the server's).
 * $top and $expand=fields are honoured as on the items collection.
 */
export function listItemsDelta(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const top = listTop(req.query.get("$top"), DEFAULT_TOP);
  const raw = req.query.get("token");
  const now = req.now();
  const base = `${req.graphBase}${req.path.replace(/\/delta(\(\))?$/, "/delta")}`;
  const link = (token: DeltaToken) => {
    const query = new URLSearchParams(req.query);
    query.set("token", Buffer.from(JSON.stringify(token)).toString("base64url"));
    return `${base}?${query.toString()}`;
  };
  const latest = req.store.changeSeq(list.id);
  if (raw === "latest") return page([], link({ list: list.id, from: latest, issued: now }), true);

  const token = raw === null ? { list: list.id, from: 0, issued: now } : readToken(raw);
  if (!token || token.list !== list.id || now - token.issued > req.behaviour.deltaTokenLifetimeMs || token.from > latest) {
    const fresh = new URLSearchParams(req.query);
    fresh.delete("token");
    throw new GraphError(
      410,
      "resyncRequired",
      "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
      { Location: `${base}${fresh.toString() ? `?${fresh.toString()}` : ""}` },
      { code: "resyncChangesApplyDifferences" },
    );
  }
  const upTo = token.upTo ?? latest;
  const after = token.after ?? 0;
  if (token.from === 0) {
    // A full enumeration: the items there are now, by id.
    const items = req.store.listItems(list.id).filter((i) => i.id > after);
    const shown = items.slice(0, top);
    if (items.length > top) return page(shown.map((i) => renderItem(req, list, i)), link({ ...token, upTo, after: shown[shown.length - 1]!.id, issued: now }), false);
    return page(shown.map((i) => renderItem(req, list, i)), link({ list: list.id, from: upTo, issued: now }), true);
  }
  // Changes since the token: each item once, in its latest state, in the order the changes were made.
  const latestOf = new Map<number, StoredListItem | { id: number; seq: number; deleted: true }>();
  for (const change of req.store.listChanges(list.id, Math.max(token.from, after), upTo)) latestOf.set(change.id, "data" in change ? change : { id: change.id, seq: change.seq, deleted: true });
  const changes = [...latestOf.values()].sort((a, b) => a.seq! - b.seq!);
  const shown = changes.slice(0, top);
  const render = (c: (typeof changes)[number]) => ("data" in c ? renderItem(req, list, c) : renderDeleted(list, { listId: list.id, id: c.id, seq: c.seq }));
  if (changes.length > top) return page(shown.map(render), link({ ...token, upTo, after: shown[shown.length - 1]!.seq!, issued: now }), false);
  return page(shown.map(render), link({ list: list.id, from: upTo, issued: now }), true);

  function page(value: unknown[], next: string, done: boolean): GraphResponse {
    return ok({ "@odata.context": `${req.graphBase}/$metadata#Collection(microsoft.graph.listItem)`, value, [done ? "@odata.deltaLink" : "@odata.nextLink"]: next });
  }
}

function readToken(raw: string): DeltaToken | undefined {
  try {
    const token = JSON.parse(Buffer.from(raw, "base64url").toString()) as DeltaToken;
    return typeof token.list === "string" && Number.isInteger(token.from) && Number.isFinite(token.issued) ? token : undefined;
  } catch {
    return undefined;
  }
}
