import { GRAPH_SCOPES } from "../auth/graphScopes.js";
import { AuthError, PortError, UnreachableError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";

/** The browser's identity flow (browser.identity): a window for Entra ID's sign-in page. */
export interface IdentityFlow {
  getRedirectURL(): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string>;
}

/** A storage area of the extension (browser.storage.session or .local). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface IdentityTokens extends TokenProvider {
  /** Forgets the tokens and the account: the next sign-in asks which account again. */
  signOut(): Promise<void>;
  /** The account signed in last (its sign-in name), before any network call; null before the first sign-in. */
  account(): Promise<string | null>;
}

interface Saved {
  readonly accessToken: string;
  readonly expiresAt: number;
  readonly refreshToken: string | null;
}

/** Renew an access token this long before Entra ID says it expires. */
const EARLY_MS = 5 * 60_000;
// openid and profile give an ID token whose preferred_username is the next sign-in's login hint.
const SCOPE = [...GRAPH_SCOPES, "offline_access", "openid", "profile"].join(" ");

/**
 * Graph tokens in the browser extension, through the browser's identity flow: authorization code
 * with PKCE (RFC 7636) against Entra ID, the redirect URI being browser.identity.getRedirectURL(),
 * registered as a single-page application (Entra ID redeems codes for that client type only from
 * cross-origin requests, which is what an extension page makes). MSAL.js expects a page it can
 * redirect, which an extension's side panel is not
 * (developer.chrome.com/docs/extensions/reference/api/identity, checked 2026-11).
 *
 * The user is not asked every hour: the access token and the refresh token are kept in
 * storage.session (memory only, cleared when the browser closes, not exposed to content scripts:
 * developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/session) and the access
 * token is renewed with grant_type=refresh_token, as a public client (no secret). Entra ID gives a
 * single-page application's refresh tokens a fixed 24-hour life (AADSTS700084 after it,
 * learn.microsoft.com/entra/identity-platform/refresh-tokens, checked 2026-11); then a silent sign-in
 * (prompt=none with the account as login hint, no window) is tried, and only if Entra ID needs the
 * user is the window shown, still without asking which account. Only the first sign-in, or one
 * after signing out, asks the user to pick an account. Calls made at once share one renewal.
 */
export function identityTokens(
  app: { readonly tenantId: string; readonly clientId: string },
  io: { identity: IdentityFlow; session: StorageArea; local: StorageArea; authority?: string; fetch?: typeof fetch; now?: () => number },
): IdentityTokens {
  const authority = `${io.authority ?? "https://login.microsoftonline.com"}/${encodeURIComponent(app.tenantId)}/oauth2/v2.0`;
  const now = io.now ?? Date.now;
  const post = io.fetch ?? ((url, init) => fetch(url, init));
  const tokensKey = `iro-desk-tokens:${app.tenantId}:${app.clientId}`;
  const accountKey = `iro-desk-account:${app.tenantId}:${app.clientId}`;
  let renewing: Promise<string> | null = null;

  /** One call to the token endpoint; the answer is saved, the refresh token replaced by the new one. */
  async function redeem(grant: Record<string, string>): Promise<string> {
    const response = await post(`${authority}/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: app.clientId, scope: SCOPE, ...grant }),
    }).catch(() => {
      // No answer at all (offline, Entra ID unreachable): not a sign-in problem, and the refresh token is kept.
      throw new UnreachableError("Microsoft's sign-in service (login.microsoftonline.com) could not be reached: check this computer's connection, then try again.");
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; refresh_token?: string; id_token?: string; error?: string; error_description?: string };
    if (!response.ok || !body.access_token) throw new TokenEndpointError(body.error ?? `HTTP ${response.status}`, body.error_description ?? "Entra ID refused the sign-in.");
    const saved: Saved = { accessToken: body.access_token, expiresAt: now() + (body.expires_in ?? 3600) * 1000, refreshToken: body.refresh_token ?? null };
    await io.session.set({ [tokensKey]: saved });
    const account = body.id_token ? usernameIn(body.id_token) : null;
    if (account) await io.local.set({ [accountKey]: account });
    return saved.accessToken;
  }

  /** The authorization code flow in the browser's window; `prompt` and `loginHint` as Entra ID takes them. */
  async function signIn(interactive: boolean, options: { prompt?: "select_account" | "none"; loginHint?: string }): Promise<string> {
    const verifier = randomString(64);
    const state = randomString(16);
    const redirectUri = io.identity.getRedirectURL();
    const authorize = new URL(`${authority}/authorize`);
    authorize.search = new URLSearchParams({
      client_id: app.clientId,
      response_type: "code",
      redirect_uri: redirectUri,
      scope: SCOPE,
      code_challenge: await s256(verifier),
      code_challenge_method: "S256",
      state,
      ...(options.prompt ? { prompt: options.prompt } : {}),
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    }).toString();
    let answer: string;
    try {
      answer = await io.identity.launchWebAuthFlow({ url: authorize.href, interactive });
    } catch (error) {
      throw new AuthError(`the sign-in window was closed or failed (${(error as Error).message}).`);
    }
    const returned = new URL(answer).searchParams;
    if (returned.get("state") !== state) throw new AuthError("the sign-in answer did not match this request.");
    const code = returned.get("code");
    if (!code) throw new AuthError(returned.get("error_description") ?? "Entra ID did not sign you in.");
    return redeem({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier });
  }

  async function renew(): Promise<string> {
    const saved = (await io.session.get(tokensKey))[tokensKey] as Saved | undefined;
    if (saved && saved.expiresAt - EARLY_MS > now()) return saved.accessToken;
    if (saved?.refreshToken) {
      try {
        return await redeem({ grant_type: "refresh_token", refresh_token: saved.refreshToken });
      } catch (error) {
        // An expired or revoked refresh token means signing in again; anything else (Entra ID
        // unreachable) is reported, and the refresh token kept for the next try.
        if (!(error instanceof TokenEndpointError && error.code === "invalid_grant")) throw error;
        await io.session.remove(tokensKey);
      }
    }
    const account = (await io.local.get(accountKey))[accountKey] as string | undefined;
    if (!account) return signIn(true, { prompt: "select_account" });
    try {
      return await signIn(false, { prompt: "none", loginHint: account });
    } catch {
      return signIn(true, { loginHint: account });
    }
  }

  return {
    getToken() {
      renewing ??= renew()
        .catch((error: unknown) => {
          throw error instanceof PortError ? error : new AuthError(`Microsoft 365 did not sign you in (${(error as Error).message}).`);
        })
        .finally(() => (renewing = null));
      return renewing;
    },
    async signOut() {
      await io.session.remove(tokensKey);
      await io.local.remove(accountKey);
    },
    async account() {
      const account = (await io.local.get(accountKey))[accountKey];
      return typeof account === "string" && account !== "" ? account : null;
    },
  };
}

class TokenEndpointError extends Error {
  constructor(
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}

/** The account name in an ID token (only a hint for the next sign-in: never trusted for anything else). */
function usernameIn(idToken: string): string | null {
  try {
    const payload = JSON.parse(atob(idToken.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { preferred_username?: unknown };
    return typeof payload.preferred_username === "string" ? payload.preferred_username : null;
  } catch {
    return null;
  }
}

/** PKCE's S256 challenge: base64url(SHA-256(verifier)). */
async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(bytes: number): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes)))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
