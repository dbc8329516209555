import type { StoredList, StoredListItem } from "../store.js";
import { badRequest, GraphError } from "./graphError.js";

/** SharePoint's list view threshold: a query may not look through more items than this on a column without an index. */
const LIST_VIEW_THRESHOLD = 5_000;
/** The most items SharePoint gives in one page of list items. */
const MAX_TOP = 5_000;
const PREFER_NON_INDEXED = "HonorNonIndexedQueriesWarningMayFailRandomly";

interface Clause {
  readonly column: string;
  readonly op: "eq" | "ne";
  readonly value: string | number | boolean | null;
}

export interface ListQuery {
  /** Items that match, in the order asked for (by id when no $orderby). */
  run(items: readonly StoredListItem[]): StoredListItem[];
}

/**
 * $filter (fields/Column eq|ne value, joined by "and") and $orderby (fields/Column [asc|desc]) on list
 * items, refused where SharePoint refuses them:
 *
 * - A column that is not indexed, in $filter or $orderby, is 400 invalidRequest "Field 'X' cannot be
 *   referenced in filter or orderby as it is not indexed. Provide the 'Prefer:
 *   HonorNonIndexedQueriesWarningMayFailRandomly' header…" unless that Prefer header is sent
 *   (the message SharePoint Online gives through Graph, quoted in microsoftgraph/microsoft-graph-docs-contrib#7927
 *   and by many who met it; the Prefer header is Graph's documented opt-in).
 * - With the header, on a list of more than 5,000 items, such a query is refused unless an indexed
 *   "eq" clause narrows it to 5,000 or fewer first: SharePoint's list view threshold
 *   (learn.microsoft.com/sharepoint/troubleshoot/lists-and-libraries/items-exceeds-list-view-threshold).
 *   Graph answers it as throttling, 429 activityLimitReached "The request has been throttled" with
 *   no Retry-After (microsoftgraph/msgraph-sdk-dotnet#827 for list items, OneDrive/onedrive-api-docs#794
 *   and #1307 for the body): retrying cannot help, and the sandbox says so in innerError.
 *
 * ID is indexed in every list; Title, Created and Modified are not unless indexed.
 */
export function listQuery(list: StoredList, filter: string | null, orderby: string | null, prefer: string | undefined, itemCount: number): ListQuery {
  const clauses = filter ? parseFilter(list, filter) : [];
  const order = orderby ? parseOrderby(list, orderby) : [];
  const indexed = (column: string) => column.toLowerCase() === "id" || list.columns.some((c) => c.name === column && c.indexed);
  const notIndexed = [...clauses.map((c) => c.column), ...order.map((o) => o.column)].filter((c) => !indexed(c));
  const preferred = (prefer ?? "").split(",").some((p) => p.trim().toLowerCase() === PREFER_NON_INDEXED.toLowerCase());
  if (notIndexed.length > 0 && !preferred) {
    throw badRequest(`Field '${notIndexed[0]}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`, "invalidRequest");
  }
  const matches = (item: StoredListItem, among: readonly Clause[]) => among.every((c) => test(item, c));
  const narrowing = clauses.filter((c) => c.op === "eq" && indexed(c.column));
  return {
    run(items) {
      if (notIndexed.length > 0 && itemCount > LIST_VIEW_THRESHOLD) {
        const narrowed = narrowing.length > 0 ? items.filter((i) => matches(i, narrowing)).length : itemCount;
        if (narrowed > LIST_VIEW_THRESHOLD) {
          throw new GraphError(429, "activityLimitReached", "The request has been throttled", {}, {
            code: "throttledRequest",
            message: `The attempted operation is prohibited because it exceeds the list view threshold (${LIST_VIEW_THRESHOLD} items) on a column that is not indexed ('${notIndexed[0]}'). Index the column: retrying will not help.`,
          });
        }
      }
      const found = items.filter((i) => matches(i, clauses));
      if (order.length === 0) return found;
      return [...found].sort((a, b) => {
        for (const o of order) {
          const x = value(a, o.column);
          const y = value(b, o.column);
          if (x !== y) return (x === null ? -1 : y === null ? 1 : x < y ? -1 : 1) * (o.desc ? -1 : 1);
        }
        return a.id - b.id;
      });
    },
  };
}

/** $top for list items: a whole number from 1 to 5,000; more is refused rather than quietly cut to a page. */
export function listTop(raw: string | null, fallback: number): number {
  if (raw === null) return fallback;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1) throw badRequest(`Invalid $top value '${raw}': it must be a whole number from 1 to ${MAX_TOP}.`, "invalidRequest");
  // Graph is reported to cut a larger $top to 5,000 without saying so (microsoftgraph/microsoft-graph-docs-contrib#28,
  // "Missing information about $top max value"): the sandbox refuses instead, so a client that asks for
  // more than a page and stops reading is caught here rather than losing items in a tenant.
  if (top > MAX_TOP) throw badRequest(`Invalid $top value '${raw}': list items come at most ${MAX_TOP} to a page; follow @odata.nextLink for the rest.`, "invalidRequest");
  return top;
}

function parseFilter(list: StoredList, filter: string): Clause[] {
  return filter.split(/\s+and\s+/i).map((clause) => {
    const match = /^fields\/(\w+)\s+(eq|ne)\s+(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|(true|false|null))$/i.exec(clause.trim()) ?? /^(id)\s+(eq|ne)\s+(?:'((?:[^']|'')*)'|(\d+))()$/i.exec(clause.trim());
    if (!match) throw badRequest(`The sandbox supports fields/Column eq 'value' (and ne, joined by and) in $filter, not '${filter}'.`, "invalidRequest");
    const [, column, op, text, number, literal] = match;
    known(list, column!);
    const value = text !== undefined ? text.replace(/''/g, "'") : number !== undefined ? Number(number) : literal === "null" ? null : literal === "true";
    return { column: column!, op: op!.toLowerCase() as Clause["op"], value: column!.toLowerCase() === "id" ? Number(value) : value };
  });
}

function parseOrderby(list: StoredList, orderby: string): { column: string; desc: boolean }[] {
  return orderby.split(",").map((part) => {
    const match = /^(?:fields\/)?(\w+)(?:\s+(asc|desc))?$/i.exec(part.trim());
    if (!match) throw badRequest(`The sandbox supports $orderby=fields/Column [asc|desc], not '${orderby}'.`, "invalidRequest");
    known(list, match[1]!);
    return { column: match[1]!, desc: match[2]?.toLowerCase() === "desc" };
  });
}

function known(list: StoredList, column: string): void {
  if (column.toLowerCase() !== "id" && !list.columns.some((c) => c.name === column)) throw badRequest(`Field '${column}' is not recognized`, "invalidRequest");
}

function value(item: StoredListItem, column: string): string | number | boolean | null {
  if (column.toLowerCase() === "id") return item.id;
  const v = item.data.fields[column];
  return v === undefined ? null : (v as string | number | boolean | null);
}

/**
 * SharePoint compares text without regard to case: its content databases use the collation
 * Latin1_General_CI_AS_KS_WS ("CI": case-insensitive), which SharePoint Server requires.
 */
function test(item: StoredListItem, clause: Clause): boolean {
  const actual = value(item, clause.column);
  const same = typeof actual === "string" && typeof clause.value === "string" ? actual.toLowerCase() === clause.value.toLowerCase() : actual === clause.value;
  return clause.op === "eq" ? same : !same;
}
