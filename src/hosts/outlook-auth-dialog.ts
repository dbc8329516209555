import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { GRAPH_SCOPES } from "../adapters/auth/graphScopes.js";
import { pageConfig } from "./root/hostConfig.js";

/** auth-dialog.html: runs inside Office's dialog, signs in by redirect and hands the token to the pane. */
await new Promise<void>((ready) => Office.onReady(() => ready()));
const config = pageConfig();
const send = (message: object) => Office.context.ui.messageParent(JSON.stringify(message));
if (config.auth.kind !== "msal") send({ error: "this IRO Desk is set up for the sandbox, not a tenant" });
else {
  const pca = await createStandardPublicClientApplication({
    auth: { clientId: config.auth.clientId, authority: `https://login.microsoftonline.com/${config.auth.tenantId}`, redirectUri: location.href.split("?")[0]! },
    cache: { cacheLocation: "sessionStorage" },
  });
  const result = await pca.handleRedirectPromise().catch((error: Error) => (send({ error: error.message }), null));
  if (result) send({ token: result.accessToken, expiresOn: result.expiresOn?.getTime() });
  else await pca.acquireTokenRedirect({ scopes: [...GRAPH_SCOPES] });
}
