import { useEffect, useMemo, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { readExtensionSettings, type ExtensionSettings } from "../adapters/extension/extensionSettings.js";
import { extensionSignIn } from "../adapters/extension/extensionSignIn.js";
import { errorText, Notice } from "../ui/Notice.js";
import { extensionConfig, extensionHost } from "./extensionHost.js";
import type { HostConfig } from "./root/hostConfig.js";
import { PaneHost } from "./root/PaneHost.js";
import { showInApp } from "./showInApp.js";
import { followSystemTheme } from "./systemTheme.js";
import { caseloadView } from "./views/caseloadView.js";
import { disputeView } from "./views/disputeView.js";
import { managerView } from "./views/managerView.js";
import { templatesView } from "./views/templatesView.js";

type Target = { tabId: number; frameId: number };
const VIEWS = [caseloadView, templatesView, disputeView, managerView];

/**
 * The side panel: caseload, templates into the page's field, disputes and, for managers, the
 * managers' view. The context menu or shortcut names the tab and frame to insert into (in the URL
 * when the panel opens with it, or in session storage when the panel is already open) and
 * switches to templates.
 */
function SidePanel({ settings, config, account }: { settings: ExtensionSettings; config: HostConfig; account: string | null }) {
  const params = new URLSearchParams(location.search);
  const [target, setTarget] = useState<Target | null>(params.get("tab") ? { tabId: Number(params.get("tab")), frameId: Number(params.get("frame") ?? 0) } : null);
  const [asked, setAsked] = useState<string | null>(params.get("view") ?? (target ? "templates" : null));
  useEffect(() => {
    const take = (t: unknown) => {
      if (t) (setTarget(t as Target), setAsked("templates"));
    };
    if (!params.get("tab")) void browser.storage.session.get("target").then((s) => take(s.target));
    const listener = (changes: Record<string, browser.Storage.StorageChange>) => changes.target && take(changes.target.newValue);
    browser.storage.session.onChanged.addListener(listener);
    return () => browser.storage.session.onChanged.removeListener(listener);
  }, []);
  const targetRef = useMemo(() => ({ current: target }), []);
  targetRef.current = target;
  const host = useMemo(() => extensionHost(settings, () => targetRef.current, account), [settings, account]);
  return (
    <>
      {settings.mode === "sandbox" && (
        <p class="pane muted" style="padding-bottom:0">
          Using the sandbox at {settings.sandboxUrl} as {settings.upn}. <a href="options.html" target="_blank">Settings</a>
        </p>
      )}
      <main>
        <PaneHost config={config} host={host} views={VIEWS} asked={asked} tabs={VIEWS} />
      </main>
    </>
  );
}

followSystemTheme();
// Extension pages are classic scripts (no top-level await).
readExtensionSettings()
  .then(async (settings) => {
    // Who signs in names their copy on this device: the sandbox's demo user, or the tenant account signed in last.
    const account = settings.mode === "sandbox" ? settings.upn : await extensionSignIn(settings).account();
    showInApp(<SidePanel settings={settings} config={await extensionConfig(settings)} account={account} />);
  })
  .catch((error: unknown) => showInApp(<main class="pane"><Notice kind="error">{errorText(error)}</Notice></main>));
