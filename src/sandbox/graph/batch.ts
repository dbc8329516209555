import type { GraphRequest, GraphResponse } from "./context.js";
import { ok } from "./context.js";
import { badRequest, requireObject } from "./graphError.js";
import { dispatch } from "./router.js";

const MAX_REQUESTS = 20;

interface BatchPart {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

/**
 * POST /$batch: up to 20 requests in one, answered together. A request that dependsOn another
 * runs after it, and gets 424 Failed Dependency when that one failed, as Graph does.
 */
export function batch(req: GraphRequest): GraphResponse {
  const body = requireObject(req.body, "a JSON batch request");
  if (!Array.isArray(body.requests)) throw badRequest("A JSON batch request needs a 'requests' array.", "BadRequest");
  if (body.requests.length > MAX_REQUESTS) throw badRequest(`Number of batch requests exceeds the limit of ${MAX_REQUESTS}.`, "BadRequest");
  const parts = body.requests.map((r: unknown, i: number) => part(r, i));
  const ids = new Set<string>();
  for (const p of parts) {
    if (ids.has(p.id)) throw badRequest(`Batch request id '${p.id}' is used twice.`, "BadRequest");
    ids.add(p.id);
  }
  for (const p of parts) for (const d of p.dependsOn) if (!ids.has(d)) throw badRequest(`Batch request '${p.id}' depends on '${d}', which is not in the batch.`, "BadRequest");

  const done = new Map<string, GraphResponse>();
  const run = (p: BatchPart, chain: readonly string[]): GraphResponse => {
    const finished = done.get(p.id);
    if (finished) return finished;
    if (chain.includes(p.id)) throw badRequest(`Batch requests depend on each other in a circle (${[...chain, p.id].join(" → ")}).`, "BadRequest");
    const failed = p.dependsOn.map((d) => run(parts.find((x: BatchPart) => x.id === d)!, [...chain, p.id])).some((r) => r.status >= 400);
    // The client library sends "/v1.0/me" (the path of its full URL); Graph and the sandbox accept both forms.
    const [path, query = ""] = p.url.replace(/^\/?/, "/").replace(/^\/(graph\/)?v1\.0(?=\/)/i, "").split("?");
    const response = failed
      ? { status: 424, body: { error: { code: "FailedDependency", message: "The dependent request failed." } } }
      : dispatch(
          { method: p.method, path: path!, query: new URLSearchParams(query), headers: { ...req.headers, ...lower(p.headers) }, body: p.body },
          { user: req.user, store: req.store, graphBase: req.graphBase, now: req.now, behaviour: req.behaviour },
        );
    done.set(p.id, response);
    return response;
  };
  const responses = parts.map((p: BatchPart) => {
    const r = run(p, []);
    return { id: p.id, status: r.status, headers: { "Content-Type": "application/json", ...r.headers }, body: r.body ?? null };
  });
  return ok({ responses });
}

function part(value: unknown, index: number): BatchPart {
  const r = requireObject(value, `requests[${index}]`);
  if (typeof r.id !== "string" || r.id === "") throw badRequest(`requests[${index}].id is required.`, "BadRequest");
  if (typeof r.method !== "string" || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(r.method)) throw badRequest(`requests[${index}].method is not a method Graph knows.`, "BadRequest");
  if (typeof r.url !== "string" || /^https?:/i.test(r.url) || r.url.includes("$batch")) {
    throw badRequest(`requests[${index}].url must be a relative Graph URL such as /me/events.`, "BadRequest");
  }
  const headers = (r.headers ?? {}) as Record<string, string>;
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    throw badRequest(`requests[${index}] has a body but no Content-Type header.`, "BadRequest");
  }
  const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string")) throw badRequest(`requests[${index}].dependsOn must be an array of ids.`, "BadRequest");
  return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
