import type { TokenProvider } from "../../ports/TokenProvider.js";
import { AuthError } from "../../ports/errors.js";
import { GRAPH_SCOPES } from "./graphScopes.js";

export interface EntraApp {
  readonly clientId: string;
  readonly tenantId: string;
}

/**
 * Graph tokens in a real tenant through MSAL. Inside Office and Teams, nested app authentication
 * (createNestablePublicClientApplication: the host signs in, no popup); where the host does not
 * support it, `fallback` (the Office dialog in Outlook). MSAL is a separate chunk, loaded only here,
 * so the sandbox and the first paint of the pane never pay for it.
 * See learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 * (checked 2026-11): re-check the NAA requirement set name when Outlook moves it past 1.1.
 */
export function msalTokens(app: EntraApp, nestedSupported: () => boolean, fallback: () => Promise<string>): TokenProvider {
  let client: Promise<import("@azure/msal-browser").IPublicClientApplication> | undefined;
  return {
    async getToken() {
      if (!nestedSupported()) return fallback();
      client ??= import("@azure/msal-browser").then((msal) =>
        msal.createNestablePublicClientApplication({ auth: { clientId: app.clientId, authority: `https://login.microsoftonline.com/${app.tenantId}` } }),
      );
      const pca = await client;
      const request = { scopes: [...GRAPH_SCOPES] };
      try {
        return (await pca.acquireTokenSilent({ ...request, account: pca.getActiveAccount() ?? pca.getAllAccounts()[0] })).accessToken;
      } catch {
        try {
          return (await pca.acquireTokenPopup(request)).accessToken;
        } catch (error) {
          throw new AuthError(`Microsoft 365 did not sign you in (${(error as Error).message}).`);
        }
      }
    },
  };
}
