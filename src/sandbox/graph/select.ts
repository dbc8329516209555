import type { GraphRequest } from "./context.js";

/**
 * $select on an event or a message: the properties asked for, the id and etag, and the extended
 * properties $expand brought, which come back whether $select names them or not (?$select=id,subject
 * &$expand=singleValueExtendedProperties(...) answers both: learn.microsoft.com/en-us/answers/
 * questions/599013). They are only on the item at all when $expand asked for them.
 */
export function selected(req: GraphRequest, data: Record<string, unknown>): Record<string, unknown> {
  const select = req.query.get("$select");
  if (!select) return data;
  const keep = new Set(["id", "@odata.etag", "singleValueExtendedProperties", ...select.split(",").map((s) => s.trim())]);
  return Object.fromEntries(Object.entries(data).filter(([key]) => keep.has(key)));
}
