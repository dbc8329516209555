import browser from "webextension-polyfill";
import { localDrafts } from "../adapters/browser/localDrafts.js";
import { extensionSignIn } from "../adapters/extension/extensionSignIn.js";
import type { ExtensionSettings } from "../adapters/extension/extensionSettings.js";
import { pageCompose } from "../adapters/extension/pageCompose.js";
import { PortError } from "../ports/errors.js";
import { NO_ITEM } from "../ports/Host.js";
import type { HostAdapter } from "./root/hostAdapter.js";
import { configFrom, type HostConfig } from "./root/hostConfig.js";
import { tokensFor } from "./root/tokensFor.js";

/**
 * The extension's configuration: in sandbox mode the sandbox's own config.json (what the build
 * writes into Outlook's and Teams' pages), in tenant mode the site and lists from the options page.
 */
export async function extensionConfig(settings: ExtensionSettings): Promise<HostConfig> {
  if (settings.mode === "tenant") {
    const { tenantId, clientId, site, list, disputesList, settingsList } = settings;
    return { graphBaseUrl: "https://graph.microsoft.com", auth: { kind: "msal", clientId, tenantId }, site, list, disputesList, settingsList };
  }
  const base = `${settings.sandboxUrl.replace(/\/+$/, "")}/`;
  const response = await fetch(new URL("config.json", base)).catch(() => null);
  if (!response?.ok) throw new PortError(`The IRO Desk sandbox at ${settings.sandboxUrl} cannot be reached. Is it running (npm start)? The extension's options say where it is.`, true);
  return configFrom(await response.json(), base);
}

/**
 * The browser extension as a host: whoever Graph's /me says is signed in, the browser's identity
 * flow in a tenant, and as its item the field on a page the user asked to insert into (from the
 * context menu or the shortcut, passed through the extension's session storage).
 */
export function extensionHost(settings: ExtensionSettings, target: () => { tabId: number; frameId: number } | null, account: string | null): HostAdapter {
  return {
    user: null,
    account,
    tokens: (config) => tokensFor(config, settings.mode === "sandbox" ? settings.upn : "", () => extensionSignIn(settings as Extract<ExtensionSettings, { mode: "tenant" }>)),
    item: () => {
      const t = target();
      return { ...NO_ITEM, compose: t ? pageCompose(t.tabId, t.frameId) : null };
    },
    onItemChanged(listener) {
      const changed = (changes: Record<string, browser.Storage.StorageChange>) => changes.target && listener();
      browser.storage.session.onChanged.addListener(changed);
      return () => browser.storage.session.onChanged.removeListener(changed);
    },
    drafts: localDrafts(`iro-desk:${settings.mode === "sandbox" ? settings.upn.toLowerCase() : settings.tenantId}:`),
  };
}
