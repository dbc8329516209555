import { useMemo, useState } from "preact/hooks";
import { ImportPanel } from "../../ui/ImportPanel.js";
import { PerformanceView } from "../../ui/PerformanceView.js";
import { SettingsEditor } from "../../ui/SettingsEditor.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { sandboxEnv, type DemoUser } from "./sandboxEnv.js";

/** The managers' view: the service's figures for a period, exportable; the import from the national return; templates and the dispute ladder. */
function ManagerPreview({ users }: { users: readonly DemoUser[] }) {
  const params = new URLSearchParams(location.search);
  const managers = users.filter((u) => u.roles.includes("manager"));
  const [upn, setUpn] = useState(params.get("user") ?? managers[0]?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const [tab, setTab] = useState<"figures" | "import" | "settings">((["import", "settings"] as const).find((t) => t === params.get("tab")) ?? "figures");
  const user = managers.find((u) => u.upn === upn) ?? managers[0]!;
  const env = useMemo(() => sandboxEnv(user, users, null), [user, users]);
  return (
    <>
      <PreviewHeader title="managers' view" users={managers} upn={upn} onUser={setUpn} theme={theme} onTheme={setTheme} />
      <nav aria-label="Managers' view" class="row" style="padding:16px 16px 0">
        <button type="button" aria-pressed={tab === "figures"} onClick={() => setTab("figures")}>Performance figures</button>
        <button type="button" aria-pressed={tab === "import"} onClick={() => setTab("import")}>Import from the national return</button>
        <button type="button" aria-pressed={tab === "settings"} onClick={() => setTab("settings")}>Templates and dispute ladder</button>
      </nav>
      <main class="pane" style="max-width:980px;padding:16px">
        {tab === "figures" ? <PerformanceView key={upn} env={env} /> : tab === "import" ? <ImportPanel key={upn} env={env} /> : <SettingsEditor key={upn} env={env} />}
      </main>
    </>
  );
}

mountPreview((users) => <ManagerPreview users={users} />);
