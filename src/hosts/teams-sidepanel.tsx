import { startTeamsPage } from "./teamsPage.js";
import { checklistView } from "./views/checklistView.js";

/** teams-sidepanel.html: the chair's checklist in a meeting's side panel (and the meeting details tab). */
await startTeamsPage("meeting side panel", checklistView);
