import { app, pages } from "@microsoft/teams-js";
import { initTeams } from "../adapters/teams/teamsHost.js";
import { Notice } from "../ui/Notice.js";
import { showInApp } from "./showInApp.js";

/**
 * teams-config.html: the configuration page Teams shows when the app is added to a meeting. There
 * is nothing to choose: the panel finds its child from the meeting's booking.
 */
const context = await initTeams();
if (!context) {
  showInApp(<main class="pane"><Notice kind="info">Open this in Teams, when adding IRO Desk to a meeting.</Notice></main>);
} else {
  pages.config.registerOnSaveHandler((save) => {
    const base = new URL(".", location.href).href;
    void pages.config
      .setConfig({ entityId: "iro-desk-checklist", contentUrl: `${base}teams-sidepanel.html`, suggestedDisplayName: "IRO Desk", websiteUrl: `${base}preview-teams.html` })
      .then(() => save.notifySuccess(), (e: Error) => save.notifyFailure(e.message));
  });
  pages.config.setValidityState(true);
  showInApp(<main class="pane"><h1>IRO Desk</h1><p>Adds the review checklist to this meeting’s side panel. The chair sees the child’s agenda, last actions and records the outcome.</p></main>);
  void app.notifySuccess();
}
