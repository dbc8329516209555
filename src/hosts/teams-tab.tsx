import { CaseloadPane } from "../ui/CaseloadPane.js";
import { startTeamsPage } from "./teamsHost.js";

/** teams-tab.html: the personal tab, the caseload sidebar. */
await startTeamsPage("caseload tab", (env) => <CaseloadPane env={env} />);
