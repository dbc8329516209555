import { copyName } from "../../adapters/browser/copyName.js";

/**
 * Where a pane's data lives and how to sign in: in the page itself (Outlook, Teams, the previews;
 * the build writes it from IRO_DESK_* variables, so opening a pane asks nobody for it) or the
 * extension's options. By default it points at the sandbox on the pages' own origin. The
 * service's own settings are not here: they are in its settings list, read by every pane (composeEnv).
 */
export interface HostConfig {
  /** "https://graph.microsoft.com", or the sandbox's "http://localhost:3000/graph". */
  readonly graphBaseUrl: string;
  readonly auth: { readonly kind: "sandbox" } | { readonly kind: "msal"; readonly clientId: string; readonly tenantId: string };
  readonly site: string;
  readonly list: string;
  readonly disputesList: string;
  readonly settingsList: string;
}

/** The configuration the build wrote into this page (a JSON data block, #iro-desk-config). */
export function pageConfig(): HostConfig {
  const config = configInPage();
  if (!config) throw new Error("This page has no IRO Desk configuration in it: rebuild IRO Desk (npm run build).");
  return config;
}

/** The page's configuration, or null when it has none. */
export function configInPage(): HostConfig | null {
  const block = document.getElementById("iro-desk-config");
  return block?.textContent ? configFrom(JSON.parse(block.textContent), location.href) : null;
}

/** A configuration read from JSON; a relative Graph address is taken from `base`. */
export function configFrom(json: unknown, base: string): HostConfig {
  const raw = json as HostConfig;
  return { ...raw, graphBaseUrl: new URL(raw.graphBaseUrl, base).href.replace(/\/$/, "") };
}

/** The name of a person's copy on this device (and of its glance): per tenant, site, register and sign-in. */
export function copyNameFor(config: HostConfig, account: string): string {
  const tenant = config.auth.kind === "msal" ? config.auth.tenantId : new URL(config.graphBaseUrl).host;
  return copyName(`${tenant}:${config.site}:${config.list}`, account);
}
