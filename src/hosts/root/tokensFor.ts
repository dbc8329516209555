import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import type { EntraApp } from "../../adapters/auth/msalTokens.js";
import { PortError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import type { HostConfig } from "./hostConfig.js";

/**
 * Graph tokens for a configuration: the sandbox's for `sandboxUser` (the demo user the host signs
 * in as), or the host's own Microsoft 365 sign-in in a tenant (`tenant`: null in pages built for
 * the sandbox, signInBuilt.d.ts). The build leaves out the branch its configuration never takes.
 */
export function tokensFor(config: HostConfig, sandboxUser: string, tenant: ((app: EntraApp) => TokenProvider) | null): TokenProvider {
  if (IRO_DESK_SIGN_IN !== "msal" && config.auth.kind === "sandbox") return sandboxTokens(new URL(config.graphBaseUrl).origin, sandboxUser);
  if (config.auth.kind === "msal" && tenant) return tenant(config.auth);
  throw new PortError("These pages were built for another sign-in than the one configured: build IRO Desk again (npm run build).", false);
}
