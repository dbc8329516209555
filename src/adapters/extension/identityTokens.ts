import browser from "webextension-polyfill";
import { GRAPH_SCOPES } from "../auth/graphScopes.js";
import { AuthError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";

/**
 * Graph tokens in the browser extension: the browser's identity flow (identity.launchWebAuthFlow)
 * with the authorization code and PKCE (RFC 7636) against Entra ID. MSAL.js expects a page it can
 * redirect, which an extension's side panel is not; the browser's own flow is the supported way
 * for extensions (developer.chrome.com/docs/extensions/reference/api/identity, checked 2026-11).
 * The redirect URI to register is browser.identity.getRedirectURL().
 */
export function identityTokens(app: { tenantId: string; clientId: string }): TokenProvider {
  let cached: { token: string; expires: number } | undefined;
  return {
    async getToken() {
      if (cached && cached.expires > Date.now() + 60_000) return cached.token;
      const verifier = randomString(64);
      const challenge = await s256(verifier);
      const state = randomString(16);
      const redirectUri = browser.identity.getRedirectURL();
      const authority = `https://login.microsoftonline.com/${encodeURIComponent(app.tenantId)}/oauth2/v2.0`;
      const authorize = new URL(`${authority}/authorize`);
      authorize.search = new URLSearchParams({
        client_id: app.clientId,
        response_type: "code",
        redirect_uri: redirectUri,
        scope: [...GRAPH_SCOPES, "offline_access"].join(" "),
        code_challenge: challenge,
        code_challenge_method: "S256",
        state,
        prompt: "select_account",
      }).toString();
      let answer: string;
      try {
        answer = await browser.identity.launchWebAuthFlow({ url: authorize.href, interactive: true });
      } catch (error) {
        throw new AuthError(`the sign-in window was closed or failed (${(error as Error).message}).`);
      }
      const returned = new URL(answer).searchParams;
      if (returned.get("state") !== state) throw new AuthError("the sign-in answer did not match this request.");
      const code = returned.get("code");
      if (!code) throw new AuthError(returned.get("error_description") ?? "Entra ID did not sign you in.");
      const response = await fetch(`${authority}/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_id: app.clientId, grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier, scope: GRAPH_SCOPES.join(" ") }),
      });
      const body = (await response.json()) as { access_token?: string; expires_in?: number; error_description?: string };
      if (!response.ok || !body.access_token) throw new AuthError(body.error_description ?? "Entra ID refused the sign-in.");
      cached = { token: body.access_token, expires: Date.now() + (body.expires_in ?? 3600) * 1000 };
      return cached.token;
    },
  };
}

/** PKCE's S256 challenge: base64url(SHA-256(verifier)). */
export async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(bytes: number): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes)))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
