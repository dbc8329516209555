import { graphCall, type GraphConnection } from "./graphClient.js";

/**
 * The signed-in user from Graph's /me (User.Read): for hosts that do not say who is signed in (the
 * browser extension, Teams tabs). `mail` is the address the register and calendars use; a user
 * without a mailbox falls back to their sign-in name.
 */
export async function readMe(graph: GraphConnection, signal?: AbortSignal): Promise<{ address: string; name: string }> {
  const me = await graphCall("Your Microsoft 365 profile", true, (call) =>
    graph.api("/me").select(["displayName", "mail", "userPrincipalName"]).middlewareOptions([call]).option("signal", signal).get() as Promise<{ displayName?: string; mail?: string | null; userPrincipalName?: string }>,
  );
  const address = me.mail ?? me.userPrincipalName ?? "";
  return { address, name: me.displayName ?? address };
}
