/**
 * Where a pane's data lives and how to sign in: config.json beside the pages (Outlook, Teams, the
 * previews; the build writes it from IRO_DESK_* variables) or the extension's options. By default
 * it points at the sandbox on the pages' own origin. The service's own settings are not here:
 * they are in its settings list, read by every pane (composeEnv).
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

export async function readConfig(): Promise<HostConfig> {
  const response = await fetch(new URL("config.json", location.href));
  if (!response.ok) throw new Error("config.json is missing beside the page: rebuild IRO Desk.");
  return configFrom(await response.json(), location.href);
}

/** A configuration read from JSON; a relative Graph address is taken from `base`. */
export function configFrom(json: unknown, base: string): HostConfig {
  const raw = json as HostConfig;
  return { ...raw, graphBaseUrl: new URL(raw.graphBaseUrl, base).href.replace(/\/$/, "") };
}
