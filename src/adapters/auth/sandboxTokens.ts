import { AuthError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";

/**
 * Tokens from the local sandbox (POST /sandbox/token) for a demo user: the sandbox's stand-in for
 * MSAL. Asked once, then kept; the sandbox's tokens last a day.
 */
export function sandboxTokens(sandboxUrl: string, upn: string): TokenProvider {
  let token: Promise<string> | undefined;
  return {
    getToken(signal) {
      token ??= fetch(`${sandboxUrl.replace(/\/+$/, "")}/sandbox/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ upn }),
        signal: signal ?? null,
      }).then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: { message?: string } };
        if (!response.ok || !body.access_token) throw new AuthError(body.error?.message ?? `the sandbox refused to sign in ${upn}.`);
        return body.access_token;
      });
      token.catch(() => (token = undefined));
      return token;
    },
  };
}
