import { randomUUID } from "node:crypto";
import type { ColumnKind, StoredColumn, StoredList, StoredSite } from "../store.js";
import { ok, type GraphRequest, type GraphResponse } from "./context.js";
import { badRequest, GraphError, notFound, onlyKnownProperties, requireObject } from "./graphError.js";

/**
 * SharePoint sites, lists and columns as Graph answers them (Graph's site, list and columnDefinition
 * resources, from microsoftgraph/msgraph-metadata v1.0). The sandbox has one site per service.
 */

/** Columns every generic list has: Title, and SharePoint's own, which no caller writes. Only ID is indexed by itself. */
export function builtInColumns(): StoredColumn[] {
  const own = (name: string, kind: ColumnKind, displayName = name): StoredColumn => ({ id: randomUUID(), name, displayName, kind, indexed: false, readOnly: true });
  return [
    { id: "fa564e0f-0c70-4ab9-b863-0177e6ddd247", name: "Title", displayName: "Title", kind: "text", indexed: false },
    own("ID", "number"),
    own("ContentType", "text", "Content Type"),
    own("Created", "dateTime"),
    own("Modified", "dateTime"),
    own("Author", "text", "Created By"),
    own("Editor", "text", "Modified By"),
    own("_UIVersionString", "text", "Version"),
    own("Attachments", "boolean"),
    own("LinkTitle", "text", "Title"),
    own("Edit", "text"),
  ];
}

/** GET /sites/root and /sites/{site-id}: the site resource. */
export function getSite(req: GraphRequest): GraphResponse {
  return ok({ "@odata.context": `${req.graphBase}/$metadata#sites/$entity`, ...renderSite(findSite(req)) });
}

export function findSite(req: GraphRequest): StoredSite {
  const site = req.store.site(decodeURIComponent(req.params.site!));
  // Graph's answer for a site id it does not know (the site id is "host,GUID,GUID").
  if (!site) throw notFound("Requested site could not be found", "itemNotFound");
  return site;
}

function renderSite(site: StoredSite): Record<string, unknown> {
  const [hostname] = site.id.split(",");
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    webUrl: site.webUrl,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.createdDateTime,
    description: "",
    siteCollection: { hostname },
    ...(site.root ? { root: {} } : {}),
  };
}

/** GET /sites/{site}/lists: every list in the site, the document library among them. */
export function listLists(req: GraphRequest): GraphResponse {
  const site = findSite(req);
  return ok({ "@odata.context": `${req.graphBase}/$metadata#sites('${site.id}')/lists`, value: req.store.lists(site.id).map((l) => renderList(req, site, l)) });
}

export function renderList(req: GraphRequest, site: StoredSite, list: StoredList): Record<string, unknown> {
  return {
    "@odata.etag": `"${list.id},1"`,
    id: list.id,
    name: list.name,
    displayName: list.displayName,
    createdDateTime: list.createdDateTime,
    lastModifiedDateTime: list.createdDateTime,
    webUrl: `${site.webUrl}/Lists/${encodeURIComponent(list.name)}`,
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    parentReference: { siteId: site.id },
  };
}

/**
 * POST /sites/{site}/lists { displayName, columns, list: { template } }: a new list with Title and the
 * columns given. A second list with the same title is refused, as SharePoint refuses it.
 */
export function createList(req: GraphRequest): GraphResponse {
  const site = findSite(req);
  const body = requireObject(req.body, "a list");
  onlyKnownProperties(body, ["displayName", "description", "columns", "list"], "list");
  const displayName = body.displayName;
  if (typeof displayName !== "string" || displayName.trim() === "") throw badRequest("displayName is required to create a list.", "invalidRequest");
  const template = (body.list as { template?: unknown } | undefined)?.template ?? "genericList";
  if (template !== "genericList") throw badRequest(`The sandbox creates generic lists, not '${String(template)}'.`, "invalidRequest");
  if (req.store.list(displayName, site.id)) {
    throw new GraphError(409, "nameAlreadyExists", "A list, survey, discussion board, or document library with the specified title already exists in this Web site.");
  }
  const columns = builtInColumns();
  for (const [i, definition] of (Array.isArray(body.columns) ? body.columns : body.columns === undefined ? [] : badColumns()).entries()) {
    const column = columnFrom(definition, `columns[${i}]`);
    if (columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) throw duplicateColumn(column.name);
    columns.push(column);
  }
  const list: StoredList = { id: randomUUID(), siteId: site.id, name: displayName, displayName, template: "genericList", createdDateTime: new Date(req.now()).toISOString(), columns };
  req.store.putList(list);
  return ok({ "@odata.context": `${req.graphBase}/$metadata#sites('${site.id}')/lists/$entity`, ...renderList(req, site, list) }, 201);
}

function badColumns(): never {
  throw badRequest("columns must be an array of columnDefinition.", "invalidRequest");
}

/** GET /sites/{site}/lists/{list}/columns */
export function listColumns(req: GraphRequest): GraphResponse {
  const list = findList(req);
  return ok({ "@odata.context": `${req.graphBase}/$metadata#sites('${list.siteId}')/lists('${list.id}')/columns`, value: list.columns.map(renderColumn) });
}

/** POST /sites/{site}/lists/{list}/columns: one new column (201 and its columnDefinition). */
export function createColumn(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const column = columnFrom(req.body, "the columnDefinition");
  if (list.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) throw duplicateColumn(column.name);
  req.store.putList({ ...list, columns: [...list.columns, column] });
  return ok(renderColumn(column), 201);
}

/** PATCH /sites/{site}/lists/{list}/columns/{column-id}: here, indexing a column (or not). */
export function updateColumn(req: GraphRequest): GraphResponse {
  const list = findList(req);
  const column = list.columns.find((c) => c.id.toLowerCase() === decodeURIComponent(req.params.column!).toLowerCase());
  if (!column) throw notFound("The requested resource doesn't exist.", "itemNotFound");
  const body = requireObject(req.body, "a columnDefinition");
  onlyKnownProperties(body, COLUMN_PROPERTIES, "columnDefinition");
  if (column.readOnly) throw badRequest(`Column '${column.name}' is a SharePoint column and cannot be changed.`, "invalidRequest");
  const changed = Object.keys(body).filter((k) => !k.startsWith("@odata."));
  if (changed.some((k) => k !== "indexed" && k !== "description" && k !== "displayName")) throw badRequest("The sandbox changes a column's indexed, description and displayName only.", "invalidRequest");
  const indexed = body.indexed === undefined ? column.indexed : requireIndexable(column.kind, body.indexed, column.name);
  const updated: StoredColumn = { ...column, indexed, ...(typeof body.displayName === "string" ? { displayName: body.displayName } : {}) };
  req.store.putList({ ...list, columns: list.columns.map((c) => (c.id === column.id ? updated : c)) });
  return ok(renderColumn(updated));
}

const COLUMN_PROPERTIES = ["name", "displayName", "description", "indexed", "hidden", "required", "enforceUniqueValues", "readOnly", "columnGroup", "text", "number", "boolean", "dateTime", "choice", "currency", "lookup", "personOrGroup", "calculated"];

/** A columnDefinition from a request: a name SharePoint accepts, exactly one type facet the sandbox keeps, and whether it is indexed. */
function columnFrom(value: unknown, what: string): StoredColumn {
  const body = requireObject(value, what);
  onlyKnownProperties(body, COLUMN_PROPERTIES, "columnDefinition");
  const name = body.name;
  if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) throw badRequest(`${what}: name must be a column name of letters, digits and _ (at most 32), not ${JSON.stringify(name)}.`, "invalidRequest");
  const facets = ["text", "number", "boolean", "dateTime", "choice", "currency", "lookup", "personOrGroup", "calculated"].filter((f) => body[f] !== undefined);
  if (facets.length !== 1) throw badRequest(`${what}: give exactly one column type (text, number, boolean or dateTime), not ${facets.length}.`, "invalidRequest");
  const facet = facets[0]!;
  if (!["text", "number", "boolean", "dateTime"].includes(facet)) throw badRequest(`${what}: the sandbox keeps text, number, boolean and dateTime columns, not ${facet}.`, "invalidRequest");
  const kind: ColumnKind = facet === "text" ? ((body.text as { allowMultipleLines?: unknown }).allowMultipleLines === true ? "note" : "text") : (facet as ColumnKind);
  const indexed = body.indexed === undefined ? false : requireIndexable(kind, body.indexed, name);
  return { id: randomUUID(), name, displayName: typeof body.displayName === "string" ? body.displayName : name, kind, indexed };
}

function requireIndexable(kind: ColumnKind, indexed: unknown, name: string): boolean {
  if (typeof indexed !== "boolean") throw badRequest("indexed must be true or false.", "invalidRequest");
  // SharePoint cannot index a "Multiple lines of text" column (support.microsoft.com, "Add an index to a list or library column").
  if (indexed && kind === "note") throw badRequest(`Column '${name}' has multiple lines of text, which SharePoint cannot index.`, "invalidRequest");
  return indexed;
}

function duplicateColumn(name: string): GraphError {
  return new GraphError(409, "nameAlreadyExists", `A column named '${name}' already exists in this list.`);
}

function renderColumn(c: StoredColumn): Record<string, unknown> {
  const facet = {
    text: { text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 } },
    note: { text: { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, maxLength: 63_999, textType: "plain" } },
    number: { number: { decimalPlaces: "automatic", displayAs: "number" } },
    boolean: { boolean: {} },
    dateTime: { dateTime: { displayAs: "default", format: "dateTime" } },
  }[c.kind];
  return {
    id: c.id,
    name: c.name,
    displayName: c.displayName,
    description: "",
    columnGroup: c.readOnly ? "_Hidden" : "Custom Columns",
    enforceUniqueValues: false,
    hidden: false,
    indexed: c.indexed || c.name === "ID",
    readOnly: c.readOnly === true,
    required: false,
    ...facet,
  };
}

/** The list named in the path, within the site named in the path. */
export function findList(req: GraphRequest): StoredList {
  const site = findSite(req);
  const list = req.store.list(decodeURIComponent(req.params.list!), site.id);
  if (!list) throw notFound(`List '${req.params.list}' does not exist at site with URL '${site.webUrl}'.`, "itemNotFound");
  return list;
}
