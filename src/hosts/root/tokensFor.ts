import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import type { EntraApp } from "../../adapters/auth/msalTokens.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import type { HostConfig } from "./hostConfig.js";

/**
 * Graph tokens for a configuration: the sandbox's for `sandboxUser` (the demo user the host signs
 * in as), or the host's own Microsoft 365 sign-in in a tenant.
 */
export function tokensFor(config: HostConfig, sandboxUser: string, tenant: (app: EntraApp) => TokenProvider): TokenProvider {
  return config.auth.kind === "sandbox" ? sandboxTokens(new URL(config.graphBaseUrl).origin, sandboxUser) : tenant(config.auth);
}
