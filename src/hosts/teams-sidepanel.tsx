import { ChecklistPane } from "../ui/ChecklistPane.js";
import { startTeamsPage } from "./teamsHost.js";

/** teams-sidepanel.html: the chair's checklist in a meeting's side panel (and the meeting details tab). */
await startTeamsPage("meeting side panel", (env) => <ChecklistPane env={env} />);
