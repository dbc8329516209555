import { Client, GraphError, GraphRequest, HTTPMessageHandler } from "@microsoft/microsoft-graph-client";
import { AuthError, BusyError, ConflictError, NotFoundError, RequestError, UncertainError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import { BearerTokenMiddleware, DEFAULT_RETRY, GraphCall, SafeRetryMiddleware, type RetryPolicy } from "./middleware.js";

export interface GraphSettings {
  /** "https://graph.microsoft.com" in a tenant; the sandbox's "http://localhost:3000/graph" locally. */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly retry?: RetryPolicy;
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
    retry.setNext(new HTTPMessageHandler());
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
        throw new RequestError(error.statusCode, error.message || `Microsoft Graph refused the request (${error.statusCode}).`);
    }
  }
}
