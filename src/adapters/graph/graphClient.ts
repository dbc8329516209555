import { AccessError, AuthError, BusyError, ConflictError, NotFoundError, RequestError, UncertainError, UnreachableError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import { BatchTransport } from "./batchTransport.js";
import { GraphError, GraphRequest, type Context, type Middleware } from "./graphRequest.js";
import { BearerTokenMiddleware, DEFAULT_RETRY, GraphCall, SafeRetryMiddleware, type RetryPolicy } from "./middleware.js";

export interface GraphSettings {
  /** "https://graph.microsoft.com" in a tenant; the sandbox's "http://localhost:3000/graph" locally. */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly retry?: RetryPolicy;
  /** Sends the requests; the global fetch unless given (the sandbox gives its own to set itself up in-process). */
  readonly fetch?: typeof fetch;
  /** Reads started together go to Graph as one $batch (see batchTransport.ts); by default each goes alone. */
  readonly batching?: boolean;
}

/** Where Graph is and how to reach it: the only difference between the tenant and the sandbox is the base URL and the token. */
export class GraphConnection {
  private readonly root: string;
  private readonly chain: Middleware;

  constructor(private readonly settings: GraphSettings) {
    const base = settings.baseUrl.replace(/\/+$/, "");
    this.root = `${base}/v1.0`;
    const auth = new BearerTokenMiddleware(`${base}/`, settings.tokens);
    const retry = new SafeRetryMiddleware(settings.retry ?? DEFAULT_RETRY);
    const send = settings.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    auth.setNext(retry);
    retry.setNext(settings.batching ? new BatchTransport(this.root, send) : { execute: async (context: Context) => void (context.response = await send(context.request, context.options)) });
    this.chain = auth;
  }

  /** The same Graph and sign-in, sending reads started together as one $batch. */
  batching(): GraphConnection {
    return new GraphConnection({ ...this.settings, batching: true });
  }

  api(path: string): GraphRequest {
    return new GraphRequest(this.chain, `${this.root}${path.startsWith("/") ? "" : "/"}${path}`);
  }

  /** Follows an @odata.nextLink or deltaLink under our own base; a link to anywhere else is refused rather than followed with our token. */
  follow(nextLink: string): GraphRequest {
    if (nextLink.startsWith(`${this.root}/`)) return this.api(nextLink.slice(this.root.length));
    throw new RequestError(0, `Graph gave a next page on another host (${new URL(nextLink).host}); it was not followed.`);
  }
}

/**
 * Runs one Graph call and turns its failure into the port's errors, in words for the user.
 * `what` names the thing for messages ("The case 104233"); `repeatable` marks calls that are safe
 * to send again after a timeout.
 */
export async function graphCall<T>(what: string, repeatable: boolean, run: (call: GraphCall) => Promise<T>): Promise<T> {
  const call = new GraphCall(repeatable);
  try {
    return await run(call);
  } catch (error) {
    if (call.failure) throw call.failure;
    if (call.unreachable !== null) throw unreachable(call.unreachable, what, repeatable);
    if (!(error instanceof GraphError)) throw error;
    if (error.code === "TimeoutError") throw repeatable ? new BusyError(call.attempts) : new UncertainError(what.charAt(0).toLowerCase() + what.slice(1));
    if (error.code === "AbortError") throw error;
    switch (error.statusCode) {
      case 401:
        throw new AuthError("your Microsoft 365 sign-in has expired or is missing.");
      case 403:
        throw new AccessError(what, error.message);
      case 404:
        throw new NotFoundError(what);
      case 412:
        throw new ConflictError(what);
      case 429:
      case 503:
      case 504:
        throw new BusyError(call.attempts);
      default:
        if (error.statusCode <= 0) throw new RequestError(error.statusCode, `${what.charAt(0).toUpperCase()}${what.slice(1)}: Microsoft 365 gave no answer that could be read. Try again; if it keeps happening, tell your IRO Desk administrator.`);
        throw new RequestError(error.statusCode, error.message || `Microsoft Graph refused the request (${error.statusCode}).`);
    }
  }
}

/** No answer at all: the sandbox not running, or no connection to Microsoft 365. A write that may have been sent says so. */
function unreachable(host: string, what: string, repeatable: boolean): UnreachableError {
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  const where = local ? `The IRO Desk sandbox at ${host} could not be reached: is it running (npm start)?` : "Microsoft 365 could not be reached: check this computer's connection and try again.";
  return new UnreachableError(repeatable ? `${where} Trying again once it is back is safe.` : `${where} ${what.charAt(0).toUpperCase()}${what.slice(1)} may not have been saved: check before trying again.`);
}
