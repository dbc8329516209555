/** An error answered the way Microsoft Graph answers it: status, and { error: { code, message } }. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** More detail, as Graph gives it in error.innerError (e.g. { code: "throttledRequest" }). */
    readonly innerError: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = "BadRequest") => new GraphError(400, code, message);
export const notFound = (message: string, code = "ErrorItemNotFound") => new GraphError(404, code, message);
export const accessDenied = () => new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

/** Refuses properties Graph does not know on a resource, as Graph's OData reader does. */
export function onlyKnownProperties(body: Record<string, unknown>, known: readonly string[], type: string): void {
  for (const key of Object.keys(body)) {
    if (!known.includes(key) && !key.startsWith("@odata.")) {
      throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type.`, "RequestBodyRead");
    }
  }
}

export function requireObject(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest(`The request body must be a JSON object (${what}).`);
  return body as Record<string, unknown>;
}
