import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { identityTokens, type StorageArea } from "../../src/adapters/extension/identityTokens.js";
import { AuthError, UnreachableError } from "../../src/ports/errors.js";
import { FakeEntra } from "../fixtures/fakeEntra.js";

const HOUR = 3_600_000;
const entra = new FakeEntra();
beforeAll(() => entra.start());
afterAll(() => entra.stop());

/** browser.storage.session or .local: a plain key-value area. */
function area(): StorageArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (more) => void Object.assign(items, structuredClone(more)),
    remove: async (key) => void delete items[key],
  };
}

let session: ReturnType<typeof area>;
let local: ReturnType<typeof area>;
const extension = () => identityTokens({ tenantId: entra.tenant, clientId: entra.clientId }, { identity: entra.identity(), session, local, authority: entra.url, fetch: entra.fetch, now: () => entra.now });

beforeEach(() => {
  session = area();
  local = area();
  entra.browserSession = null;
  entra.user = "sam.okafor@westmere.example";
  entra.authorizeRequests.length = 0;
  entra.tokenRequests.length = 0;
});

describe("extension sign-in (authorization code with PKCE, refresh tokens in storage.session)", () => {
  it("asks which account only on the first sign-in, then keeps the refresh token in session storage and the account as the next login hint", async () => {
    const token = await extension().getToken();
    expect(token).toMatch(/^at-sam\.okafor@/);
    expect(entra.authorizeRequests).toEqual([{ prompt: "select_account", loginHint: null, interactive: true }]);
    expect(entra.tokenRequests).toEqual(["authorization_code"]);
    expect(Object.values(session.items)).toEqual([{ accessToken: token, expiresAt: entra.now + 3599_000, refreshToken: expect.stringMatching(/^[0-9a-f]{48}$/) }]);
    expect(Object.values(local.items)).toEqual(["sam.okafor@westmere.example"]);
  });

  it("uses the access token for its hour, then renews it with the refresh token: no window, and the refresh token replaced", async () => {
    const tokens = extension();
    const first = await tokens.getToken();
    entra.now += 30 * 60_000;
    expect(await tokens.getToken()).toBe(first);
    const firstRefresh = (Object.values(session.items)[0] as { refreshToken: string }).refreshToken;
    entra.now += HOUR;
    const renewed = await tokens.getToken();
    expect(renewed).not.toBe(first);
    expect(entra.authorizeRequests).toHaveLength(1);
    expect(entra.tokenRequests).toEqual(["authorization_code", "refresh_token"]);
    expect((Object.values(session.items)[0] as { refreshToken: string }).refreshToken).not.toBe(firstRefresh);
  });

  it("renews once for calls made at the same time (a pane loading several things at once)", async () => {
    const tokens = extension();
    await tokens.getToken();
    entra.now += 2 * HOUR;
    const all = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    expect(new Set(all).size).toBe(1);
    expect(entra.tokenRequests).toEqual(["authorization_code", "refresh_token"]);
  });

  it("a new side panel (another page of the extension) finds the session's tokens: no second sign-in", async () => {
    await extension().getToken();
    entra.now += 2 * HOUR;
    await extension().getToken();
    expect(entra.authorizeRequests).toHaveLength(1);
    expect(entra.tokenRequests).toEqual(["authorization_code", "refresh_token"]);
  });

  it("after the refresh token's 24 hours, signs in silently as the same account while the browser's Entra ID session lasts", async () => {
    const tokens = extension();
    await tokens.getToken();
    for (let hour = 1; hour < 24; hour++) {
      entra.now += HOUR;
      await tokens.getToken();
    }
    entra.now += 2 * HOUR;
    expect(await tokens.getToken()).toMatch(/^at-sam\.okafor@/);
    expect(entra.tokenRequests.filter((g) => g === "refresh_token").length).toBe(24); // 23 renewals, then the refused one
    expect(entra.authorizeRequests.slice(1)).toEqual([{ prompt: "none", loginHint: "sam.okafor@westmere.example", interactive: false }]);
  });

  it("when Entra ID needs the user again (no browser session), shows its window for the same account without asking which one", async () => {
    const tokens = extension();
    await tokens.getToken();
    entra.now += 25 * HOUR;
    entra.browserSession = null; // the browser was restarted: its cookies and session storage are gone, the account hint is not
    for (const key of Object.keys(session.items)) delete session.items[key];
    await extension().getToken();
    expect(entra.authorizeRequests.slice(1)).toEqual([
      { prompt: "none", loginHint: "sam.okafor@westmere.example", interactive: false },
      { prompt: null, loginHint: "sam.okafor@westmere.example", interactive: true },
    ]);
  });

  it("a revoked refresh token (the user signed out elsewhere, an administrator revoked sessions) leads to signing in again, not an error loop", async () => {
    const tokens = extension();
    await tokens.getToken();
    entra.revokeAll();
    entra.now += 2 * HOUR;
    expect(await tokens.getToken()).toMatch(/^at-/);
    expect(entra.tokenRequests).toEqual(["authorization_code", "refresh_token", "authorization_code"]);
  });

  it("signing out forgets the tokens and the account: the next sign-in asks which account again", async () => {
    const tokens = extension();
    await tokens.getToken();
    await tokens.signOut();
    expect(session.items).toEqual({});
    expect(local.items).toEqual({});
    entra.user = "priya.shah@westmere.example";
    expect(await tokens.getToken()).toMatch(/^at-priya\.shah@/);
    expect(entra.authorizeRequests.at(-1)).toEqual({ prompt: "select_account", loginHint: null, interactive: true });
  });

  it("says plainly when the user closes the sign-in window", async () => {
    const tokens = identityTokens(
      { tenantId: entra.tenant, clientId: entra.clientId },
      { identity: { getRedirectURL: () => entra.redirectUri, launchWebAuthFlow: () => Promise.reject(new Error("The user did not approve access.")) }, session, local, authority: entra.url, fetch: entra.fetch },
    );
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe("Sign-in needed: the sign-in window was closed or failed (The user did not approve access.).");
  });

  it("refuses an answer that does not carry this request's state", async () => {
    const tokens = identityTokens(
      { tenantId: entra.tenant, clientId: entra.clientId },
      { identity: { getRedirectURL: () => entra.redirectUri, launchWebAuthFlow: async () => `${entra.redirectUri}?code=abc&state=forged` }, session, local, authority: entra.url, fetch: entra.fetch },
    );
    await expect(tokens.getToken()).rejects.toThrow("Sign-in needed: the sign-in answer did not match this request.");
    expect(entra.tokenRequests).toEqual([]);
  });

  it("when Entra ID cannot be reached at renewal, says so (not 'sign in'), keeps the refresh token and renews once it is back", async () => {
    let offline = false;
    const fetchOrFail: typeof fetch = (url, init) => (offline ? Promise.reject(new TypeError("fetch failed")) : entra.fetch(url, init));
    const tokens = identityTokens({ tenantId: entra.tenant, clientId: entra.clientId }, { identity: entra.identity(), session, local, authority: entra.url, fetch: fetchOrFail, now: () => entra.now });
    await tokens.getToken();
    entra.now += 2 * HOUR;
    offline = true;
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toMatch(/could not be reached/);
    expect(entra.authorizeRequests).toHaveLength(1);
    offline = false;
    await tokens.getToken();
    expect(entra.tokenRequests).toEqual(["authorization_code", "refresh_token"]);
    expect(entra.authorizeRequests).toHaveLength(1);
  });
});
