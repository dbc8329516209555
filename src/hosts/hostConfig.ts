import { readServiceSettings } from "../app/readServiceSettings.js";
import type { ServiceSettings } from "../app/serviceSettings.js";

/**
 * config.json beside the pages: where Graph and the case register are, how to sign in, and the
 * service's settings. The build writes it from IRO_DESK_* variables; by default it points at the
 * sandbox on the pages' own origin.
 */
export interface HostConfig {
  /** "https://graph.microsoft.com", or "/graph" for the sandbox on this origin. */
  readonly graphBaseUrl: string;
  readonly auth: { readonly kind: "sandbox" } | { readonly kind: "msal"; readonly clientId: string; readonly tenantId: string };
  readonly site: string;
  readonly list: string;
  readonly disputesList: string;
  readonly settingsList: string;
  readonly settings: ServiceSettings;
}

export async function readConfig(): Promise<HostConfig> {
  const response = await fetch(new URL("config.json", location.href));
  if (!response.ok) throw new Error("config.json is missing beside the page: rebuild IRO Desk.");
  const raw = (await response.json()) as Omit<HostConfig, "settings"> & { settings?: unknown };
  const { settings, errors } = readServiceSettings(raw.settings);
  if (errors.length > 0) throw new Error(`config.json: ${errors.join("; ")}`);
  return { ...raw, graphBaseUrl: new URL(raw.graphBaseUrl, location.href).href.replace(/\/$/, ""), settings };
}
