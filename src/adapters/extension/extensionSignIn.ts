import browser from "webextension-polyfill";
import { identityTokens, type IdentityTokens } from "./identityTokens.js";

/** The extension's sign-in to a tenant with the browser's own identity flow and storage areas. */
export function extensionSignIn(app: { readonly tenantId: string; readonly clientId: string }): IdentityTokens {
  return identityTokens(app, { identity: browser.identity, session: browser.storage.session, local: browser.storage.local });
}
