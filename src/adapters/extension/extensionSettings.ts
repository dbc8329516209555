import browser from "webextension-polyfill";

/** Where the extension's IRO Desk lives: the local sandbox (the default) or a Microsoft 365 tenant. */
export type ExtensionSettings =
  | { readonly mode: "sandbox"; readonly sandboxUrl: string; readonly upn: string }
  | { readonly mode: "tenant"; readonly tenantId: string; readonly clientId: string; readonly site: string; readonly list: string; readonly disputesList: string; readonly settingsList: string };

export const DEFAULT_EXTENSION_SETTINGS: ExtensionSettings = { mode: "sandbox", sandboxUrl: "http://localhost:3000", upn: "sam.okafor@westmere.example" };

/** Settings in the extension's own storage (never the page's): read with defaults filled in. */
export async function readExtensionSettings(): Promise<ExtensionSettings> {
  const { settings } = (await browser.storage.local.get("settings")) as { settings?: ExtensionSettings };
  return settings ?? DEFAULT_EXTENSION_SETTINGS;
}

export async function saveExtensionSettings(settings: ExtensionSettings): Promise<void> {
  await browser.storage.local.set({ settings });
}

/** What is wrong with settings before they are saved; an empty list means they can be saved. */
export function extensionSettingsProblems(s: ExtensionSettings): string[] {
  if (s.mode === "sandbox") {
    const problems: string[] = [];
    if (!/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(s.sandboxUrl)) problems.push("The sandbox runs on this computer: its address is like http://localhost:3000.");
    if (!/^[^@\s]+@[^@\s]+$/.test(s.upn)) problems.push("Choose the demo user to sign in as (an email address).");
    return problems;
  }
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return [
    ...(guid.test(s.tenantId) ? [] : ["The tenant id is a GUID (Entra ID → Overview → Tenant ID)."]),
    ...(guid.test(s.clientId) ? [] : ["The client id is the app registration's Application (client) ID, a GUID."]),
    ...(s.site.trim() ? [] : ["Name the SharePoint site id of the case register."]),
  ];
}
