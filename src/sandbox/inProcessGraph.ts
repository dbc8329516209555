import { GraphConnection } from "../adapters/graph/graphClient.js";
import { dispatch } from "./graph/router.js";
import type { SandboxUser, Store } from "./store.js";

/**
 * The Graph adapter talking to the sandbox's own router without a network: how the sandbox sets up
 * its demo site through the same provisioning code a council runs against Microsoft Graph.
 */
export function inProcessGraph(store: Store, user: SandboxUser): GraphConnection {
  const send: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const answer = dispatch(
      {
        method: request.method,
        path: url.pathname.slice("/graph/v1.0".length) || "/",
        query: url.searchParams,
        headers: Object.fromEntries([...request.headers.entries()].map(([k, v]) => [k.toLowerCase(), v])),
        body: text ? (JSON.parse(text) as unknown) : undefined,
      },
      { user, store, graphBase: `${url.origin}/graph/v1.0`, now: Date.now },
    );
    const body = answer.body === undefined || answer.status === 204 ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { ...(body ? { "Content-Type": "application/json" } : {}), ...answer.headers } });
  };
  return new GraphConnection({ baseUrl: "http://sandbox.invalid/graph", tokens: { getToken: async () => "in-process" }, fetch: send });
}
