import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { DEFAULT_EXTENSION_SETTINGS, extensionSettingsProblems, readExtensionSettings, saveExtensionSettings, type ExtensionSettings } from "../adapters/extension/extensionSettings.js";
import { Notice } from "../ui/Notice.js";
import { showInApp } from "./showInApp.js";

/** The options page: the local sandbox (the default), or a Microsoft 365 tenant and its app registration. */
function Options() {
  const [s, setS] = useState<ExtensionSettings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => void readExtensionSettings().then(setS), []);
  if (!s) return <p class="pane">Loading…</p>;
  const tenant = s.mode === "tenant" ? s : { mode: "tenant" as const, tenantId: "", clientId: "", site: "", list: "CaseRegister", disputesList: "Disputes", settingsList: "IroDeskSettings" };
  const sandbox = s.mode === "sandbox" ? s : DEFAULT_EXTENSION_SETTINGS;
  const field = (label: string, id: string, value: string, change: (v: string) => void) => (
    <>
      <label for={id}>{label}</label>
      <input id={id} type="text" value={value} onInput={(e) => { const v = e.currentTarget.value; setSaved(false); change(v); }} />
    </>
  );
  const save = async () => {
    const found = extensionSettingsProblems(s);
    setProblems(found);
    if (found.length === 0) {
      await saveExtensionSettings(s);
      setSaved(true);
    }
  };
  return (
    <main class="pane stack">
      <h1>IRO Desk settings</h1>
      <fieldset class="card">
        <legend>Where is IRO Desk?</legend>
        <label class="inline"><input type="radio" name="mode" checked={s.mode === "sandbox"} onChange={() => setS(sandbox)} /> The sandbox on this computer (demo data)</label>
        <label class="inline"><input type="radio" name="mode" checked={s.mode === "tenant"} onChange={() => setS(tenant)} /> My council's Microsoft 365</label>
      </fieldset>
      {s.mode === "sandbox" ? (
        <>
          {field("Sandbox address", "sandbox-url", s.sandboxUrl, (v) => setS({ ...s, sandboxUrl: v }))}
          {field("Demo user (email)", "upn", s.upn, (v) => setS({ ...s, upn: v }))}
        </>
      ) : (
        <>
          {field("Tenant id", "tenant", s.tenantId, (v) => setS({ ...s, tenantId: v }))}
          {field("Application (client) id", "client", s.clientId, (v) => setS({ ...s, clientId: v }))}
          {field("Case register site id", "site", s.site, (v) => setS({ ...s, site: v }))}
          {field("Case register list", "list", s.list, (v) => setS({ ...s, list: v }))}
          <p class="muted">Register this redirect URI on the app registration: {browser.identity?.getRedirectURL?.() ?? "(the browser's identity redirect)"}</p>
        </>
      )}
      {problems.length > 0 && <Notice kind="error"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></Notice>}
      {saved && <Notice kind="success">Saved. Reopen the side panel to use the new settings.</Notice>}
      <button type="button" class="primary" onClick={save}>Save</button>
    </main>
  );
}

showInApp(<Options />);
