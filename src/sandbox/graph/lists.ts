import { createHash } from "node:crypto";
import type { StoredList, StoredListItem } from "../store.js";
import { ok, type GraphRequest, type GraphResponse } from "./context.js";
import { badRequest, GraphError, notFound, requireObject } from "./graphError.js";

/** Columns every SharePoint list item has, that callers cannot set. */
const SYSTEM_FIELDS = ["id", "Created", "Modified", "AuthorLookupId", "EditorLookupId", "ContentType", "_UIVersionString", "Attachments", "Edit", "LinkTitle"];
const DEFAULT_TOP = 200;
const MAX_TOP = 999;

export function getList(req: GraphRequest): GraphResponse {
  const list = findList(req);
  return ok({ id: list.id, name: list.name, displayName: list.displayName, list: { template: "genericList" }, parentReference: { siteId: list.siteId } });
}

/**
 * GET …/items?$expand=fields&$top=&$filter=fields/X eq 'v'&$skiptoken=: the register read in
 * pages, oldest item first, each page pointing at the next through @odata.nextLink.
 */
export function listItems(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const top = Math.min(Math.max(Number(req.query.get("$top") ?? DEFAULT_TOP) || DEFAULT_TOP, 1), MAX_TOP);
  // Like SharePoint's, the skiptoken is an opaque base64 "Paged=TRUE&p_ID=<last id>".
  const skiptoken = req.query.get("$skiptoken");
  const after = skiptoken ? Number(/^Paged=TRUE&p_ID=(\d+)$/.exec(Buffer.from(skiptoken, "base64url").toString())?.[1] ?? Number.NaN) : 0;
  if (Number.isNaN(after)) throw badRequest("The $skiptoken is not one this list gave out.", "invalidRequest");
  const filter = fieldFilter(list, req.query.get("$filter"));
  const matching = req.store.listItems(list.id).filter((item) => item.id > after && (!filter || filter(item)));
  const value = matching.slice(0, top).map((item) => renderItem(req, list, item));
  const next = new URLSearchParams(req.query);
  next.set("$top", String(top));
  next.set("$skiptoken", Buffer.from(`Paged=TRUE&p_ID=${matching[top - 1]?.id ?? 0}`).toString("base64url"));
  return ok({
    "@odata.context": `${req.graphBase}/$metadata#sites('${list.siteId}')/lists('${list.id}')/items`,
    value,
    ...(matching.length > top ? { "@odata.nextLink": `${req.graphBase}${req.path}?${next.toString()}` } : {}),
  });
}

export function getItem(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const item = findItem(req, list);
  return ok(renderItem(req, list, item), 200, { ETag: etag(list, item) });
}

/** POST …/items { fields }: a new item; unknown columns are refused and nothing is stored. */
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

function findList(req: GraphRequest): StoredList {
  const list = req.store.list(decodeURIComponent(req.params.list!));
  if (!list) throw notFound(`List '${req.params.list}' does not exist at site with URL '${req.params.site}'.`, "itemNotFound");
  return list;
}

function findItem(req: GraphRequest, list: StoredList): StoredListItem {
  const id = Number(req.params.item);
  const item = Number.isInteger(id) ? req.store.listItem(list.id, id) : undefined;
  if (!item) throw notFound("The requested resource doesn't exist.", "itemNotFound");
  return item;
}

function checkFields(list: StoredList, fields: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith("@odata.")) continue;
    if (SYSTEM_FIELDS.includes(key)) throw badRequest(`Field '${key}' is read-only.`, "invalidRequest");
    if (!list.columns.includes(key)) throw badRequest(`Field '${key}' is not recognized`, "invalidRequest");
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) throw badRequest(`Field '${key}' must be a text, number or yes/no value.`, "invalidRequest");
  }
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith("@odata.")));
}

/** fields/X eq 'v' (and ne), joined by and: the filters IRO Desk sends. */
function fieldFilter(list: StoredList, filter: string | null): ((item: StoredListItem) => boolean) | undefined {
  if (!filter) return undefined;
  const clauses = filter.split(/\s+and\s+/i).map((clause) => {
    const match = /^fields\/(\w+)\s+(eq|ne)\s+(?:'((?:[^']|'')*)'|(\d+(?:\.\d+)?)|(true|false|null))$/i.exec(clause.trim());
    if (!match) throw badRequest(`The sandbox supports fields/Column eq 'value' (and ne, joined by and) in $filter, not '${filter}'.`, "invalidRequest");
    const [, column, op, text, number, literal] = match;
    if (!list.columns.includes(column!) && column !== "id") throw badRequest(`Field '${column}' is not recognized`, "invalidRequest");
    const value = text !== undefined ? text.replace(/''/g, "'") : number !== undefined ? Number(number) : literal === "null" ? null : literal === "true";
    return (item: StoredListItem) => {
      const actual = item.data.fields[column!] ?? null;
      return op!.toLowerCase() === "eq" ? actual === value : actual !== value;
    };
  });
  return (item) => clauses.every((test) => test(item));
}

function renderItem(req: GraphRequest, list: StoredList, item: StoredListItem, withFields = false): Record<string, unknown> {
  const tag = etag(list, item);
  const expand = req.query.get("$expand") ?? "";
  return {
    "@odata.etag": tag,
    id: String(item.id),
    eTag: tag,
    createdDateTime: item.data.createdDateTime,
    lastModifiedDateTime: item.data.lastModifiedDateTime,
    createdBy: { user: { email: item.data.createdBy } },
    webUrl: `${req.graphBase.replace(/\/graph\/v1\.0$/, "")}/sandbox/lists/${list.name}/${item.id}`,
    parentReference: { siteId: list.siteId },
    contentType: { id: "0x0100", name: "Item" },
    ...(withFields || /^fields\b/.test(expand) ? { fields: { "@odata.etag": tag, ...renderFields(list, item) } } : {}),
  };
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
