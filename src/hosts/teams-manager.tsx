import { startTeamsPage } from "./teamsPage.js";
import { managerView } from "./views/managerView.js";

/** teams-manager.html: the personal tab with the managers' view (figures, import, templates and ladder). */
await startTeamsPage("managers' view", managerView);
