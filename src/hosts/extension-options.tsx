import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { sweepCopies } from "../adapters/browser/indexedDbCopy.js";
import { DEFAULT_EXTENSION_SETTINGS, extensionSettingsProblems, readExtensionSettings, saveExtensionSettings, type ExtensionSettings } from "../adapters/extension/extensionSettings.js";
import { extensionSignIn } from "../adapters/extension/extensionSignIn.js";
import { copyDeletionWords } from "../ui/format.js";
import { Notice } from "../ui/Notice.js";
import { showInApp } from "./showInApp.js";
import { followSystemTheme } from "./systemTheme.js";

/**
 * The sandbox's address as the host permission to ask for (the shipped extension lists localhost
 * only under optional_host_permissions: it is asked for here, when the user chooses the sandbox).
 */
const sandboxOrigins = (url: string) => [`http://${new URL(url).hostname}/*`];

/** The options page: the local sandbox (the default), or a Microsoft 365 tenant and its app registration. */
function Options() {
  const [s, setS] = useState<ExtensionSettings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => void readExtensionSettings().then(setS), []);
  if (!s) return <p class="pane">Loading…</p>;
  const tenant = s.mode === "tenant" ? s : { mode: "tenant" as const, tenantId: "", clientId: "", site: "", list: "CaseRegister", disputesList: "Disputes", settingsList: "IroDeskSettings" };
  const sandbox = s.mode === "sandbox" ? s : DEFAULT_EXTENSION_SETTINGS;
  const field = (label: string, id: string, value: string, change: (v: string) => void) => (
    <>
      <label for={id}>{label}</label>
      <input id={id} type="text" value={value} onInput={(e) => { const v = e.currentTarget.value; setSaved(null); change(v); }} />
    </>
  );
  const save = async () => {
    const found = extensionSettingsProblems(s);
    setProblems(found);
    if (found.length > 0) return;
    if (s.mode === "sandbox") {
      // Asked inside the click (before anything is awaited), as the browser requires.
      if (!(await browser.permissions.request({ origins: sandboxOrigins(s.sandboxUrl) }))) {
        setProblems([`IRO Desk needs your permission to reach the sandbox at ${s.sandboxUrl}. Choose Save again and allow it.`]);
        return;
      }
    } else {
      // A tenant needs no access to this computer's addresses: give back what the sandbox was granted.
      await browser.permissions.remove({ origins: (browser.runtime.getManifest() as { optional_host_permissions?: string[] }).optional_host_permissions ?? [] });
    }
    await saveExtensionSettings(s);
    setSaved("Saved. Reopen the side panel to use the new settings.");
  };
  const signOut = async () => {
    if (s.mode !== "tenant") return;
    await extensionSignIn(s).signOut();
    // Every copy of a caseload this extension kept on the device goes with the sign-in.
    const copies = await sweepCopies(Date.now(), true).catch(() => null);
    const copy = copies ? copyDeletionWords(copies) : "The browser could not delete the copy of your caseload kept here: clear the extension's data in the browser's settings.";
    setSaved(`Signed out of Microsoft 365 in IRO Desk. ${copy} The next sign-in asks which account to use.`);
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
          <p class="muted">Register this redirect URI on the app registration, as a single-page application: {browser.identity?.getRedirectURL?.() ?? "(the browser's identity redirect)"}</p>
          <button type="button" onClick={signOut}>Sign out of Microsoft 365</button>
        </>
      )}
      {problems.length > 0 && <Notice kind="error"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></Notice>}
      {saved && <Notice kind="success">{saved}</Notice>}
      <button type="button" class="primary" onClick={save}>Save</button>
    </main>
  );
}

followSystemTheme();
showInApp(<Options />);
