import { Client, GraphError, GraphRequest, HTTPMessageHandler, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { AuthError, BusyError, ConflictError, NotFoundError, RequestError, UncertainError, UnreachableError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import { BearerTokenMiddleware, DEFAULT_RETRY, GraphCall, SafeRetryMiddleware, type RetryPolicy } from "./middleware.js";

export interface GraphSettings {
  /** "https://graph.microsoft.com" in a tenant; the sandbox's "http://localhost:3000/graph" locally. */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly retry?: RetryPolicy;
  /** Sends the requests; the global fetch unless given (the sandbox gives its own to set itself up in-process). */
  readonly fetch?: typeof fetch;
}

/** The Graph client and where it points: the only difference between the tenant and the sandbox is the base URL and the token. */
export class GraphConnection {
  readonly client: Client;
  private readonly root: string;

  constructor(settings: GraphSettings) {
    const base = settings.baseUrl.replace(/\/+$/, "");
    this.root = `${base}/v1.0`;
    const auth = new BearerTokenMiddleware(`${base}/`, settings.tokens);
    const retry = new SafeRetryMiddleware(settings.retry ?? DEFAULT_RETRY);
    auth.setNext(retry);
    retry.setNext(settings.fetch ? new FetchHandler(settings.fetch) : new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({ middleware: auth, baseUrl: base, defaultVersion: "v1.0" });
  }

  api(path: string): GraphRequest {
    return this.client.api(path);
  }

  /**
   * Follows an @odata.nextLink. The client treats only https:// links as absolute, so a link under
   * our own base is made relative (this is what lets the http:// sandbox page like Graph); a link
   * to anywhere else is refused rather than followed with our token.
   */
  follow(nextLink: string): GraphRequest {
    if (nextLink.startsWith(`${this.root}/`)) return this.client.api(nextLink.slice(this.root.length));
    throw new RequestError(0, `Graph gave a next page on another host (${new URL(nextLink).host}); it was not followed.`);
  }
}

/** The last step of the chain with a given fetch: what HTTPMessageHandler does with the global one. */
class FetchHandler implements Middleware {
  constructor(private readonly send: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.send(context.request, context.options);
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
