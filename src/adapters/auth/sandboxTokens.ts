import { AuthError, UnreachableError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";

/** Asked for again this long before a token runs out, so no call is sent with one about to expire. */
const RENEW_BEFORE_MS = 60_000;

/**
 * Tokens from the local sandbox (POST /sandbox/token) for a demo user: the sandbox's stand-in for
 * MSAL. Kept until shortly before its expires_in runs out, then asked for again. A sandbox that
 * does not answer is "cannot be reached" (is it running?), never "sign-in expired".
 */
export function sandboxTokens(sandboxUrl: string, upn: string): TokenProvider {
  const base = sandboxUrl.replace(/\/+$/, "");
  let token: Promise<{ value: string; renewAt: number }> | undefined;
  const ask = (signal?: AbortSignal) =>
    fetch(`${base}/sandbox/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ upn }), signal: signal ?? null }).then(
      async (response) => {
        const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: { message?: string } };
        if (!response.ok || !body.access_token) throw new AuthError(body.error?.message ?? `the sandbox refused to sign in ${upn}.`);
        const lifetimeMs = (typeof body.expires_in === "number" ? body.expires_in : 3_600) * 1000;
        return { value: body.access_token, renewAt: Date.now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2) };
      },
      (error: unknown) => {
        if ((error as Error).name === "AbortError") throw error;
        throw new UnreachableError(`The IRO Desk sandbox at ${base} could not be reached: is it running (npm start)? Trying again once it is back is safe.`);
      },
    );
  return {
    async getToken(signal) {
      const current = token && (await token.catch(() => undefined));
      if (current && Date.now() < current.renewAt) return current.value;
      token = ask(signal);
      token.catch(() => (token = undefined));
      return (await token).value;
    },
  };
}
