import { ConflictError } from "../../ports/errors.js";
import { graphCall, type GraphConnection } from "./graphClient.js";

/** Where a SharePoint list is: the site id (host,siteGuid,webGuid, or "root") and the list's id or name. */
export interface ListLocation {
  readonly site: string;
  readonly list: string;
}

/** A list item as Graph answers it with $expand=fields. */
export interface GraphListItem {
  readonly id: string;
  readonly eTag?: string;
  readonly "@odata.etag"?: string;
  readonly fields: Record<string, unknown>;
}

export function itemsPath(location: ListLocation): string {
  return `/sites/${encodeURIComponent(location.site)}/lists/${encodeURIComponent(location.list)}/items`;
}

/** The item's ETag, from wherever this answer carries it; undefined when it carries none. */
export function etagOf(item: { readonly eTag?: string; readonly "@odata.etag"?: string; readonly fields?: Record<string, unknown> }): string | undefined {
  const tag = item["@odata.etag"] ?? item.eTag ?? item.fields?.["@odata.etag"];
  return typeof tag === "string" && tag !== "" ? tag : undefined;
}

export function readItem(graph: GraphConnection, items: string, id: string, what: string, signal?: AbortSignal): Promise<GraphListItem> {
  return graphCall(what, true, (call) => graph.api(`${items}/${encodeURIComponent(id)}`).query({ $expand: "fields" }).middlewareOptions([call]).option("signal", signal).get() as Promise<GraphListItem>);
}

/** An item's ETag: from the answer at hand, or (when the answer carries none) read again, never "undefined". */
export async function versionOf(graph: GraphConnection, items: string, item: GraphListItem, what: string, signal?: AbortSignal): Promise<{ version: string; fields: Record<string, unknown> }> {
  const tag = etagOf(item);
  if (tag) return { version: tag, fields: item.fields };
  const read = await readItem(graph, items, item.id, what, signal);
  const again = etagOf(read);
  if (!again) throw new Error(`${what}: Microsoft Graph gave the item without its version (ETag).`);
  return { version: again, fields: read.fields };
}

/**
 * Changes some of an item's fields on the version read (If-Match). Safe to repeat after a timeout:
 * a repeat after a lost answer meets the changed ETag (412), and that 412 is then checked: if the
 * stored item already holds exactly these values, the change was ours and it landed. Otherwise
 * it is someone else's change and ConflictError stands; nothing is overwritten.
 *
 * Graph documents the PATCH answer as the fieldValueSet alone (learn.microsoft.com/graph/api/listitem-update,
 * checked 2026-11): when it carries no @odata.etag the item is read again for its new version.
 */
export async function updateItemFields(
  graph: GraphConnection,
  items: string,
  id: string,
  version: string,
  fields: Readonly<Record<string, unknown>>,
  what: string,
  signal?: AbortSignal,
): Promise<{ version: string; fields: Record<string, unknown> }> {
  try {
    const answer = await graphCall(what, true, (call) =>
      graph.api(`${items}/${encodeURIComponent(id)}/fields`).header("If-Match", version).middlewareOptions([call]).option("signal", signal).patch(fields) as Promise<Record<string, unknown>>,
    );
    return await versionOf(graph, items, { id, fields: { ...answer } }, what, signal);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const current = await readItem(graph, items, id, what, signal);
    if (!holds(current.fields, fields)) throw error;
    return versionOf(graph, items, current, what, signal);
  }
}

/** Whether the stored fields already have these values (an empty text and no value are the same to SharePoint). */
function holds(stored: Readonly<Record<string, unknown>>, wanted: Readonly<Record<string, unknown>>): boolean {
  const same = (v: unknown) => (v === undefined || v === "" ? null : v);
  return Object.entries(wanted).every(([key, value]) => same(stored[key]) === same(value));
}
