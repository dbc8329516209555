import { useMemo, useState } from "preact/hooks";
import type { HostConfig } from "../root/hostConfig.js";
import { PaneHost } from "../root/PaneHost.js";
import { caseloadView } from "../views/caseloadView.js";
import { managerView } from "../views/managerView.js";
import type { DemoUser } from "./demoUsers.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { previewHost } from "./previewHost.js";

/** The caseload sidebar as Outlook's pinned pane shows it (the same pane Teams and the extension use). IROs see theirs; managers the service, and the managers' view. */
function CaseloadPreview({ users, config }: { users: readonly DemoUser[]; config: HostConfig }) {
  const params = new URLSearchParams(location.search);
  const people = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("manager")));
  const [upn, setUpn] = useState(params.get("user") ?? people.find((u) => u.roles.includes("iro"))?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const user = people.find((u) => u.upn === upn) ?? people[0]!;
  const host = useMemo(() => previewHost(user.upn), [user]);
  return (
    <>
      <PreviewHeader title="caseload sidebar" users={people} upn={upn} onUser={setUpn} theme={theme} onTheme={setTheme} />
      <main style="padding:16px">
        <section class="frame side" aria-label="IRO Desk sidebar">
          <header>IRO Desk</header>
          <PaneHost config={config} host={host} views={[caseloadView, managerView]} asked={params.get("view")} tabs={[caseloadView, managerView]} />
        </section>
      </main>
    </>
  );
}

mountPreview((users, config) => <CaseloadPreview users={users} config={config} />);
