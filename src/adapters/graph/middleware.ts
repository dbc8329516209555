import type { Context, Middleware } from "./graphRequest.js";
import { UnreachableError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";

/**
 * Per-call settings and report for the retry middleware, passed with .middlewareOptions([call]).
 * `repeatable` says the call may be sent again after a timeout without doing its work twice
 * (reads, PATCH with If-Match, creates with a transactionId). Throttled (429) and unavailable
 * (503) answers are always retried: Graph did not do the work.
 */
export class GraphCall {
  attempts = 0;
  timedOut = false;
  /** Set when no answer could be had at all (the host could not be reached): which host. */
  unreachable: string | null = null;
  /** A failure already in the port's words (e.g. the sandbox giving tokens is not running), passed through as it is. */
  failure: Error | null = null;
  constructor(readonly repeatable: boolean) {}
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Per attempt; a hung request is abandoned after this long. */
  readonly timeoutMs: number;
  /** Longest Retry-After we wait for; a longer one gives up with "busy". */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, timeoutMs: 30_000, maxDelayMs: 30_000 };
const RETRY_STATUS = [429, 503, 504];

/**
 * Adds the bearer token to calls to our Graph base URL only, and removes any Authorization
 * header elsewhere (a nextLink must never carry our token to another host). Unlike the client's
 * own AuthenticationHandler it accepts an http:// base, so the local sandbox works; production
 * passes https://graph.microsoft.com and gets the same protection.
 */
export class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly baseUrl: string, private readonly tokens: TokenProvider) {}

  async execute(context: Context): Promise<void> {
    const url = context.request;
    const headers = new Headers(context.options.headers);
    if (url.startsWith(this.baseUrl)) {
      let token: string;
      try {
        token = await this.tokens.getToken(context.options?.signal ?? undefined);
      } catch (error) {
        // Where tokens come from cannot be reached: say so, rather than "sign-in expired".
        const unreachable = error instanceof UnreachableError ? error : offline(error) ? new UnreachableError("Microsoft's sign-in service could not be reached: check this computer's connection, then try again.") : null;
        if (unreachable) {
          if (context.call) context.call.failure = unreachable;
          throw unreachable;
        }
        // No token: answer as Graph would without one, so the caller sees one kind of sign-in failure.
        context.response = Response.json({ error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } }, { status: 401 });
        return;
      }
      headers.set("Authorization", `Bearer ${token}`);
    } else headers.delete("Authorization");
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    return this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Retries throttled and unavailable answers after Retry-After, and hung calls when that is safe. */
export class SafeRetryMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY) {}

  async execute(context: Context): Promise<void> {
    const call = context.call;
    const method = (context.options?.method ?? "GET").toUpperCase();
    const repeatable = call?.repeatable ?? (method === "GET" || method === "HEAD");
    const outer = context.options?.signal ?? undefined;
    for (let attempt = 1; ; attempt++) {
      if (call) call.attempts = attempt;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), this.policy.timeoutMs);
      const onOuterAbort = () => timeout.abort();
      outer?.addEventListener("abort", onOuterAbort);
      try {
        context.options = { ...context.options, signal: timeout.signal };
        await this.next!.execute(context);
      } catch (error) {
        if (outer?.aborted) throw error;
        if (!timeout.signal.aborted) {
          // fetch itself failed (refused, no network, DNS): nothing came back from the host.
          if (!(error instanceof TypeError)) throw error;
          if (repeatable && attempt < this.policy.maxAttempts) {
            await sleep(backoff(attempt), outer);
            continue;
          }
          if (call) call.unreachable = hostOf(context.request);
          throw error;
        }
        if (call) call.timedOut = true;
        if (!repeatable || attempt >= this.policy.maxAttempts) throw Object.assign(new Error("Graph did not answer in time"), { name: "TimeoutError" });
        await sleep(backoff(attempt), outer);
        continue;
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener("abort", onOuterAbort);
      }
      const response = context.response;
      if (!response || !RETRY_STATUS.includes(response.status) || attempt >= this.policy.maxAttempts) return;
      const delay = retryAfterMs(response) ?? backoff(attempt);
      if (delay > this.policy.maxDelayMs) return;
      await sleep(delay, outer);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A token request that failed for want of a network: fetch's TypeError, or MSAL's errors for it
 * (BrowserAuthError no_network_connectivity, post_request_failed, get_request_failed; ClientAuthError
 * network_error, endpoints_resolution_error in @azure/msal-browser and msal-common).
 */
function offline(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return error instanceof TypeError || (typeof code === "string" && ["no_network_connectivity", "post_request_failed", "get_request_failed", "network_error", "endpoints_resolution_error"].includes(code));
}

function hostOf(request: string): string {
  try {
    return new URL(request).host;
  } catch {
    return "";
  }
}

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get("Retry-After");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** 1 s, 2 s, 4 s … with a little jitter so many clients do not retry in step. */
function backoff(attempt: number): number {
  return 1000 * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
