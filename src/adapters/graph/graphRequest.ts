import type { GraphCall } from "./middleware.js";

/**
 * A thin request builder for Microsoft Graph over fetch, with the calls IRO Desk makes written as
 * they were with @microsoft/microsoft-graph-client (api(path).query().header().middlewareOptions()
 * .option("signal").get()…). Measured for issue 16: the client library was 10 KB of the booking
 * pane's 40 KB first download (gzip -9) while its own middleware (retry, redirect, telemetry, batch
 * and upload helpers) went unused: our chain (middleware.ts) gives the guarantees (the token only
 * to the Graph base URL, retry after Retry-After, safe repeats only). This file is what we used of
 * the rest: building the URL, sending JSON, reading JSON, and Graph's error body.
 */

/** One request on its way down the middleware chain; the last step sets `response`. */
export interface Context {
  /** The full URL. */
  readonly request: string;
  options: RequestInit & { headers: Record<string, string> };
  response?: Response;
  /** The call's settings and report, given with .middlewareOptions([call]). */
  readonly call: GraphCall | undefined;
}

export interface Middleware {
  execute(context: Context): Promise<void>;
}

/**
 * A failed call as Graph reported it: the status, Graph's error code and message, the answer's
 * headers (Retry-After, Location). A request that got no answer has status -1 and the failure's
 * name as its code ("TimeoutError", "AbortError", "TypeError"), as the client library had it.
 */
export class GraphError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | null,
    message: string,
    readonly headers: Headers | undefined = undefined,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

/** OData options that gather values (",") when given twice, as the client library did; others are replaced. */
const GATHERED = new Set(["$expand", "$select", "$orderby"]);

export class GraphRequest {
  private readonly params = new Map<string, string>();
  private readonly headerValues: Record<string, string> = {};
  private call: GraphCall | undefined;
  private signal: AbortSignal | undefined;

  /** `url` is the full URL, with any query string it already has (a nextLink's). */
  constructor(private readonly send: Middleware, private readonly url: string) {}

  query(params: Readonly<Record<string, string>>): this {
    for (const [key, value] of Object.entries(params)) this.param(key, value);
    return this;
  }

  select(fields: string | readonly string[]): this {
    return this.param("$select", typeof fields === "string" ? fields : fields.join(","));
  }

  top(n: number): this {
    return this.param("$top", String(n));
  }

  header(name: string, value: string): this {
    this.headerValues[name] = value;
    return this;
  }

  /** The retry middleware's per-call settings and report (a GraphCall). */
  middlewareOptions(options: readonly GraphCall[]): this {
    this.call = options[0];
    return this;
  }

  option(name: "signal", value: AbortSignal | undefined): this {
    if (name === "signal") this.signal = value;
    return this;
  }

  get(): Promise<unknown> {
    return this.run("GET");
  }

  post(body: unknown): Promise<unknown> {
    return this.run("POST", body);
  }

  patch(body: unknown): Promise<unknown> {
    return this.run("PATCH", body);
  }

  put(body: unknown): Promise<unknown> {
    return this.run("PUT", body);
  }

  delete(): Promise<unknown> {
    return this.run("DELETE");
  }

  private param(key: string, value: string): this {
    const current = this.params.get(key);
    this.params.set(key, current !== undefined && GATHERED.has(key) ? `${current},${value}` : value);
    return this;
  }

  /** The URL with the query options added. Values go as given (fetch escapes spaces and quotes), as the client library sent them. */
  fullUrl(): string {
    if (this.params.size === 0) return this.url;
    const query = [...this.params].map(([k, v]) => `${k}=${v}`).join("&");
    return `${this.url}${this.url.includes("?") ? "&" : "?"}${query}`;
  }

  private async run(method: string, body?: unknown): Promise<unknown> {
    const headers = { ...this.headerValues };
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
    const context: Context = {
      request: this.fullUrl(),
      options: { method, headers, ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}), ...(this.signal ? { signal: this.signal } : {}) },
      call: this.call,
    };
    try {
      await this.send.execute(context);
    } catch (error) {
      if (error instanceof GraphError) throw error;
      const e = error as Error;
      throw new GraphError(-1, e?.name ?? null, e?.message ?? String(error));
    }
    const response = context.response!;
    let content: unknown;
    try {
      content = await contentOf(response);
    } catch (error) {
      throw new GraphError(response.ok ? -1 : response.status, (error as Error).name, (error as Error).message, response.headers);
    }
    if (response.ok) return content;
    const graph = (content as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new GraphError(response.status, graph?.code ?? null, graph?.message ?? "", response.headers);
  }
}

/** Answers made with their content already read (the parts of a $batch answer): the content, by answer. */
const READ = new WeakMap<Response, unknown>();

/**
 * An answer whose content has been read already (a part of Graph's $batch answer, parsed with the
 * batch): handed on as it is, not written out as JSON to be read again (a register page is most
 * of a megabyte).
 */
export function answerRead(status: number, headers: Record<string, string>, content: unknown): Response {
  const response = new Response(null, { status, headers });
  READ.set(response, content);
  return response;
}

/** The answer's content: nothing for 204 or an empty body, JSON when it says so, else its text. */
async function contentOf(response: Response): Promise<unknown> {
  if (READ.has(response)) return READ.get(response);
  if (response.status === 204) return undefined;
  const type = response.headers.get("Content-Type")?.split(";")[0]?.trim();
  if (type === "application/json") return response.json();
  const text = await response.text();
  return text === "" ? undefined : text;
}
