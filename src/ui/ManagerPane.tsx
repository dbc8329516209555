import { useState } from "preact/hooks";
import type { PaneEnv } from "./env.js";
import { ImportPanel } from "./ImportPanel.js";
import { PerformanceView } from "./PerformanceView.js";
import { SettingsEditor } from "./SettingsEditor.js";

const TABS = [
  { id: "figures", label: "Performance figures" },
  { id: "import", label: "Import from the national return" },
  { id: "settings", label: "Templates and dispute ladder" },
] as const;
type Tab = (typeof TABS)[number]["id"];

/**
 * The managers' view, the same on every surface (an Outlook task pane view, a Teams personal tab,
 * the extension's side panel): the service's figures, the import from the national return, and
 * the templates and dispute ladder. ?tab= opens a tab directly.
 */
export function ManagerPane({ env }: { env: PaneEnv }) {
  const asked = new URLSearchParams(location.search).get("tab");
  const [tab, setTab] = useState<Tab>(TABS.find((t) => t.id === asked)?.id ?? "figures");
  return (
    <div class="pane" style="max-width:980px">
      <nav aria-label="Managers' view" class="tabs">
        {TABS.map((t) => (
          <button key={t.id} type="button" aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {tab === "figures" ? <PerformanceView env={env} /> : tab === "import" ? <ImportPanel env={env} /> : <SettingsEditor env={env} />}
    </div>
  );
}
