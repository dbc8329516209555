import { createHash } from "node:crypto";
import type { ListItemTombstone, StoredColumn, StoredList, StoredListItem } from "../store.js";
import { ok, type GraphRequest, type GraphResponse } from "./context.js";
import { badRequest, GraphError, notFound, requireObject } from "./graphError.js";
import { listQuery, listTop } from "./listQuery.js";
import { findList, findSite, renderList } from "./sites.js";

/** Graph's default page of list items. */
const DEFAULT_TOP = 200;

export function getList(req: GraphRequest): GraphResponse {
  const list = findList(req);
  return ok({ "@odata.context": `${req.graphBase}/$metadata#sites('${list.siteId}')/lists/$entity`, ...renderList(req, findSite(req), list) });
}

/**
 * GET …/items?$expand=fields&$top=&$filter=&$orderby=&$skiptoken=: a list read in pages, oldest item
 * first, each page pointing at the next through @odata.nextLink, with SharePoint's rules on
 * filters and sorting (listQuery.ts).
 */
export function listItems(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const top = listTop(req.query.get("$top"), DEFAULT_TOP);
  // Like SharePoint's, the skiptoken is opaque base64: "Paged=TRUE&p_ID=<last id>" in id order, or
  // the position reached when sorted by $orderby.
  const skiptoken = req.query.get("$skiptoken");
  const position = skiptoken ? /^Paged=TRUE&p_(ID|Position)=(\d+)$/.exec(Buffer.from(skiptoken, "base64url").toString()) : null;
  if (skiptoken && !position) throw badRequest("The $skiptoken is not one this list gave out.", "invalidRequest");
  const items = req.store.listItems(list.id);
  const ordered = req.query.get("$orderby") !== null;
  const matching = listQuery(list, req.query.get("$filter"), req.query.get("$orderby"), req.headers.prefer, items.length).run(items);
  const from = !position ? 0 : position[1] === "ID" ? matching.findIndex((i) => i.id > Number(position[2])) : Number(position[2]);
  const start = from < 0 ? matching.length : from;
  const value = matching.slice(start, start + top).map((item) => renderItem(req, list, item));
  const next = new URLSearchParams(req.query);
  next.set("$top", String(top));
  next.set("$skiptoken", Buffer.from(ordered ? `Paged=TRUE&p_Position=${start + top}` : `Paged=TRUE&p_ID=${matching[start + top - 1]?.id ?? 0}`).toString("base64url"));
  return ok({
    "@odata.context": `${req.graphBase}/$metadata#sites('${list.siteId}')/lists('${list.id}')/items`,
    value,
    ...(matching.length > start + top ? { "@odata.nextLink": `${req.graphBase}${req.path}?${next.toString()}` } : {}),
  });
}

export function getItem(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const item = findItem(req, list);
  return ok(renderItem(req, list, item), 200, { ETag: etag(list, item) });
}

/** POST …/items { fields }: a new item; unknown columns and values of the wrong type are refused and nothing is stored. */
export function createItem(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const body = requireObject(req.body, "a listItem");
  for (const key of Object.keys(body)) if (key !== "fields" && !key.startsWith("@odata.")) throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.listItem'.`, "invalidRequest");
  const fields = checkFields(list, requireObject(body.fields ?? {}, "fields"));
  const now = new Date(req.now()).toISOString();
  const item = req.store.transaction(() => {
    const created: StoredListItem = {
      listId: list.id,
      id: req.store.nextListItemId(list.id),
      version: 1,
      data: { createdDateTime: now, lastModifiedDateTime: now, createdBy: req.user.userPrincipalName, fields },
    };
    req.store.putListItem(created);
    return created;
  });
  return ok(renderItem(req, list, item, true), 201, { ETag: etag(list, item) });
}

/**
 * PATCH …/items/{id}/fields with If-Match: the change lands only on the version the caller read.
 * A stale ETag is a 412 and nothing is written: no silent overwrite.
 */
export function updateItemFields(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const changes = checkFields(list, requireObject(req.body, "a fieldValueSet"));
  const updated = req.store.transaction(() => {
    const item = findItem(req, list);
    checkIfMatch(req, list, item);
    const next: StoredListItem = {
      ...item,
      version: item.version + 1,
      data: { ...item.data, lastModifiedDateTime: new Date(req.now()).toISOString(), fields: { ...item.data.fields, ...changes } },
    };
    req.store.putListItem(next);
    return next;
  });
  // As Graph documents it (learn.microsoft.com/graph/api/listitem-update, checked 2026-11): 200 and
  // the item's fieldValueSet. No ETag is promised there, so none is given: a client must read the
  // item again for its new version rather than store "undefined".
  return ok({ "@odata.context": `${req.graphBase}/$metadata#sites('${list.siteId}')/lists('${list.id}')/items('${updated.id}')/fields/$entity`, ...renderFields(list, updated) });
}

export function deleteItem(req: GraphRequest): GraphResponse {
  const list = findList(req);
  req.store.transaction(() => {
    const item = findItem(req, list);
    checkIfMatch(req, list, item);
    req.store.deleteListItem(list.id, item.id);
  });
  return { status: 204 };
}

function checkIfMatch(req: GraphRequest, list: StoredList, item: StoredListItem): void {
  const ifMatch = req.headers["if-match"];
  if (ifMatch === undefined || ifMatch === "*") return;
  const current = etag(list, item);
  const asked = ifMatch.replace(/^W\//, "");
  if (asked !== current && asked !== current.slice(1, -1)) {
    throw new GraphError(412, "preconditionFailed", `The request ETag value '${ifMatch}' does not match the object's ETag value '${current}'.`);
  }
}

function findItem(req: GraphRequest, list: StoredList): StoredListItem {
  const id = Number(req.params.item);
  const item = Number.isInteger(id) ? req.store.listItem(list.id, id) : undefined;
  if (!item) throw notFound("The requested resource doesn't exist.", "itemNotFound");
  return item;
}

/** Each value against its column: a name the list has, not one of SharePoint's own, and of the column's type. */
function checkFields(list: StoredList, fields: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith("@odata.")) continue;
    const column = list.columns.find((c) => c.name === key) ?? (key === "id" ? ({ readOnly: true } as StoredColumn) : undefined);
    if (!column) throw badRequest(`Field '${key}' is not recognized`, "invalidRequest");
    if (column.readOnly) throw badRequest(`Field '${key}' is read-only.`, "invalidRequest");
    if (value === null) continue;
    const fits = {
      text: typeof value === "string" && value.length <= 255,
      note: typeof value === "string",
      number: typeof value === "number" && Number.isFinite(value),
      boolean: typeof value === "boolean",
      dateTime: typeof value === "string" && !Number.isNaN(Date.parse(value)),
    }[column.kind];
    if (!fits) {
      const wanted = { text: "text of at most 255 characters", note: "text", number: "a number", boolean: "true or false", dateTime: "a date and time" }[column.kind];
      throw badRequest(`Field '${key}' must be ${wanted}.`, "invalidRequest");
    }
  }
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith("@odata.")));
}

export function renderItem(req: GraphRequest, list: StoredList, item: StoredListItem, withFields = false): Record<string, unknown> {
  const tag = etag(list, item);
  const expand = req.query.get("$expand") ?? "";
  return {
    "@odata.etag": tag,
    id: String(item.id),
    eTag: tag,
    createdDateTime: item.data.createdDateTime,
    lastModifiedDateTime: item.data.lastModifiedDateTime,
    createdBy: { user: { email: item.data.createdBy } },
    webUrl: `${req.graphBase.replace(/\/graph\/v1\.0$/, "")}/sandbox/lists/${encodeURIComponent(list.name)}/${item.id}`,
    parentReference: { siteId: list.siteId },
    contentType: { id: "0x0100", name: "Item" },
    ...(withFields || /^fields\b/.test(expand) ? { fields: { "@odata.etag": tag, ...renderFields(list, item) } } : {}),
  };
}

/** A deleted item in a delta feed, as Graph's listItem: delta shows it (learn.microsoft.com/graph/api/listitem-delta). */
export function renderDeleted(list: StoredList, gone: ListItemTombstone): Record<string, unknown> {
  return { id: String(gone.id), parentReference: { siteId: list.siteId }, contentType: { id: "0x0100", name: "Item" }, deleted: { state: "deleted" } };
}

function renderFields(list: StoredList, item: StoredListItem): Record<string, unknown> {
  return { id: String(item.id), ...item.data.fields, Created: item.data.createdDateTime, Modified: item.data.lastModifiedDateTime, _UIVersionString: `${item.version}.0` };
}

/** SharePoint's item ETag: "{item GUID},{version}", quoted. */
function etag(list: StoredList, item: StoredListItem): string {
  const hex = createHash("sha1").update(`${list.id}/${item.id}`).digest("hex");
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `"${guid},${item.version}"`;
}
