import { startTeamsPage } from "./teamsPage.js";
import { caseloadView } from "./views/caseloadView.js";

/** teams-tab.html: the personal Caseload tab. */
await startTeamsPage("caseload tab", caseloadView);
