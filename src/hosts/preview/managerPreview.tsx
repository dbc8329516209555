import { useMemo, useState } from "preact/hooks";
import type { HostConfig } from "../root/hostConfig.js";
import { PaneHost } from "../root/PaneHost.js";
import { managerView } from "../views/managerView.js";
import type { DemoUser } from "./demoUsers.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { previewHost } from "./previewHost.js";

/** The managers' view as the Teams personal tab and the extension show it: figures, import, templates and the dispute ladder. */
function ManagerPreview({ users, config }: { users: readonly DemoUser[]; config: HostConfig }) {
  const params = new URLSearchParams(location.search);
  const people = users.filter((u) => u.mailbox && (u.roles.includes("manager") || u.roles.includes("iro")));
  const [upn, setUpn] = useState(params.get("user") ?? people.find((u) => u.roles.includes("manager"))?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const user = people.find((u) => u.upn === upn) ?? people[0]!;
  const host = useMemo(() => previewHost(user.upn), [user]);
  return (
    <>
      <PreviewHeader title="managers' view" users={people} upn={upn} onUser={setUpn} theme={theme} onTheme={setTheme} />
      <main style="padding:16px">
        {/* ?width=350: as Outlook's caseload pane shows it; otherwise as wide as a Teams personal tab. */}
        <section class={`frame${params.get("width") === "350" ? " side" : ""}`} aria-label="IRO Desk managers' view">
          <header>IRO Desk</header>
          <PaneHost config={config} host={host} views={[managerView]} />
        </section>
      </main>
    </>
  );
}

mountPreview((users, config) => <ManagerPreview users={users} config={config} />);
