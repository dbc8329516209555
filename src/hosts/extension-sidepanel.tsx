import { useEffect, useMemo, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { londonClock } from "../adapters/clock/londonClock.js";
import { sandboxTokens } from "../adapters/auth/sandboxTokens.js";
import { extensionSignIn } from "../adapters/extension/extensionSignIn.js";
import { readExtensionSettings, type ExtensionSettings } from "../adapters/extension/extensionSettings.js";
import { pageCompose } from "../adapters/extension/pageCompose.js";
import { GraphCalendar } from "../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../adapters/graph/graphClient.js";
import { GraphCaseStore } from "../adapters/graph/graphCaseStore.js";
import { GraphDisputeStore } from "../adapters/graph/graphDisputeStore.js";
import { GraphSettingsStore } from "../adapters/graph/graphSettingsStore.js";
import { DEFAULT_SETTINGS } from "../app/serviceSettings.js";
import { instant } from "../domain/calendar/londonTime.js";
import { CASE_REGISTER_LIST, DEMO_SITE, DISPUTES_LIST, SETTINGS_LIST } from "../sandbox/demo/demoTenant.js";
import { CaseloadPane } from "../ui/CaseloadPane.js";
import { DisputePane } from "../ui/DisputePane.js";
import type { PaneEnv } from "../ui/env.js";
import { errorText, Notice } from "../ui/Notice.js";
import { TemplatePane } from "../ui/TemplatePane.js";
import { showInApp } from "./showInApp.js";

type View = "caseload" | "templates" | "disputes";

/** The ports for the extension's settings: the same Graph adapter as Outlook and Teams. */
function envFor(settings: ExtensionSettings): Omit<PaneEnv, "compose"> {
  const sandbox = settings.mode === "sandbox";
  const graph = new GraphConnection(
    sandbox
      ? { baseUrl: `${settings.sandboxUrl.replace(/\/+$/, "")}/graph`, tokens: sandboxTokens(settings.sandboxUrl, settings.upn) }
      : { baseUrl: "https://graph.microsoft.com", tokens: extensionSignIn(settings) },
  );
  const site = sandbox ? DEMO_SITE : settings.site;
  return {
    calendar: new GraphCalendar(graph),
    cases: new GraphCaseStore(graph, { site, list: sandbox ? CASE_REGISTER_LIST : settings.list }),
    disputes: new GraphDisputeStore(graph, { site, list: sandbox ? DISPUTES_LIST : settings.disputesList }),
    serviceSettings: new GraphSettingsStore(graph, { site, list: sandbox ? SETTINGS_LIST : settings.settingsList }),
    appointment: null,
    me: { address: sandbox ? settings.upn : "", name: sandbox ? settings.upn : "You" },
    settings: DEFAULT_SETTINGS,
    today: londonClock.today,
    now: () => instant(Date.now()),
  };
}

/** The side panel: caseload, templates into the page's field, and disputes. */
function SidePanel({ settings }: { settings: ExtensionSettings }) {
  const params = new URLSearchParams(location.search);
  const [view, setView] = useState<View>((["templates", "disputes"] as const).find((v) => v === params.get("view")) ?? "caseload");
  const [target, setTarget] = useState<{ tabId: number; frameId: number } | null>(params.get("tab") ? { tabId: Number(params.get("tab")), frameId: Number(params.get("frame") ?? 0) } : null);
  useEffect(() => {
    // The context menu or shortcut names the tab to insert into, and switches to templates.
    const take = (t: unknown) => {
      const target = t as { tabId: number; frameId: number } | undefined;
      if (target) (setTarget(target), setView("templates"));
    };
    if (!params.get("tab")) void browser.storage.session.get("target").then((s) => take(s.target));
    const listener = (changes: Record<string, browser.Storage.StorageChange>) => changes.target && take(changes.target.newValue);
    browser.storage.session.onChanged.addListener(listener);
    return () => browser.storage.session.onChanged.removeListener(listener);
  }, []);
  const base = useMemo(() => envFor(settings), [settings]);
  const env = useMemo(() => ({ ...base, compose: target ? pageCompose(target.tabId, target.frameId) : null }), [base, target]);
  return (
    <>
      <nav aria-label="IRO Desk" class="row" style="padding:8px 12px 0">
        {(["caseload", "templates", "disputes"] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === "caseload" ? "Caseload" : v === "templates" ? "Templates" : "Disputes"}
          </button>
        ))}
      </nav>
      <main>
        {settings.mode === "sandbox" && <p class="pane muted" style="padding-bottom:0">Using the sandbox at {settings.sandboxUrl} as {settings.upn}. <a href="options.html" target="_blank">Settings</a></p>}
        {view === "caseload" ? <CaseloadPane env={env} /> : view === "templates" ? <TemplatePane env={env} /> : <DisputePane env={env} />}
      </main>
    </>
  );
}

readExtensionSettings().then(
  (settings) => showInApp(<SidePanel settings={settings} />),
  (error: unknown) => showInApp(<Notice kind="error">{errorText(error)}</Notice>),
);
