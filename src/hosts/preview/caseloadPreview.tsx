import { useMemo, useState } from "preact/hooks";
import { CaseloadPane } from "../../ui/CaseloadPane.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { sandboxEnv, type DemoUser } from "./sandboxEnv.js";

/** The caseload sidebar as Outlook's pinned pane shows it (the same pane Teams and the extension use). IROs see theirs; managers the service. */
function CaseloadPreview({ users }: { users: readonly DemoUser[] }) {
  const params = new URLSearchParams(location.search);
  const people = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("manager")));
  const [upn, setUpn] = useState(params.get("user") ?? people.find((u) => u.roles.includes("iro"))?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const user = people.find((u) => u.upn === upn) ?? people[0]!;
  const env = useMemo(() => sandboxEnv(user, users, null), [user, users]);
  return (
    <>
      <PreviewHeader title="caseload sidebar" users={people} upn={upn} onUser={setUpn} theme={theme} onTheme={setTheme} />
      <main style="padding:16px">
        <section class="frame" aria-label="IRO Desk sidebar" style={user.roles.includes("manager") ? "" : "max-width:460px"}>
          <header>IRO Desk</header>
          <CaseloadPane key={upn} env={env} />
        </section>
      </main>
    </>
  );
}

mountPreview((users) => <CaseloadPreview users={users} />);
