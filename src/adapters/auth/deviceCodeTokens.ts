import { AuthError, UnreachableError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";

interface DeviceCode {
  device_code: string;
  message: string;
  interval?: number;
  expires_in: number;
}

/**
 * Sign-in for a command line (the Microsoft identity platform's device authorization grant,
 * learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code, checked 2026-11): the person
 * is told to open a page and enter a code, and the token comes when they have signed in there.
 * The app registration must allow public client flows. Asked once per run.
 */
export function deviceCodeTokens(options: {
  readonly tenant: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Shows the sign-in instructions (the CLI writes them to stderr). */
  readonly prompt: (message: string) => void;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}): TokenProvider {
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = `https://login.microsoftonline.com/${encodeURIComponent(options.tenant)}/oauth2/v2.0`;
  const post = async (path: string, form: Record<string, string>) => {
    try {
      const response = await send(`${base}/${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
      return (await response.json()) as Record<string, unknown>;
    } catch {
      throw new UnreachableError("Microsoft's sign-in service (login.microsoftonline.com) could not be reached: check this computer's connection.");
    }
  };
  let token: Promise<string> | undefined;
  const signIn = async (): Promise<string> => {
    const code = (await post("devicecode", { client_id: options.clientId, scope: options.scopes.join(" ") })) as Partial<DeviceCode> & { error_description?: string };
    if (!code.device_code || !code.message) throw new AuthError(`Microsoft did not start the sign-in: ${code.error_description ?? "no device code came back"}.`);
    options.prompt(code.message);
    let interval = (code.interval ?? 5) * 1000;
    const until = Date.now() + code.expires_in! * 1000;
    while (Date.now() < until) {
      await sleep(interval);
      const answer = await post("token", { grant_type: "urn:ietf:params:oauth:grant-type:device_code", client_id: options.clientId, device_code: code.device_code });
      if (typeof answer.access_token === "string") return answer.access_token;
      if (answer.error === "authorization_pending") continue;
      if (answer.error === "slow_down") {
        interval += 5000;
        continue;
      }
      throw new AuthError(answer.error === "expired_token" ? "the sign-in code expired before it was used; run the command again." : `Microsoft refused the sign-in: ${String(answer.error_description ?? answer.error)}.`);
    }
    throw new AuthError("the sign-in code expired before it was used; run the command again.");
  };
  return {
    getToken() {
      token ??= signIn();
      token.catch(() => (token = undefined));
      return token;
    },
  };
}
