import type { ComponentChild } from "preact";
import type { app } from "@microsoft/teams-js";
import { londonClock } from "../adapters/clock/londonClock.js";
import { msalTokens } from "../adapters/auth/msalTokens.js";
import { sandboxTokens } from "../adapters/auth/sandboxTokens.js";
import { localDrafts } from "../adapters/browser/localDrafts.js";
import { GraphCalendar } from "../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../adapters/graph/graphClient.js";
import { GraphCaseStore } from "../adapters/graph/graphCaseStore.js";
import { GraphDisputeStore } from "../adapters/graph/graphDisputeStore.js";
import { GraphMail } from "../adapters/graph/graphMail.js";
import { GraphSettingsStore } from "../adapters/graph/graphSettingsStore.js";
import { followTeamsTheme, initTeams, naaRecommended } from "../adapters/teams/teamsHost.js";
import { instant } from "../domain/calendar/londonTime.js";
import { AuthError } from "../ports/errors.js";
import type { MeetingEnv } from "../ui/ChecklistPane.js";
import { errorText, Notice } from "../ui/Notice.js";
import { readConfig } from "./hostConfig.js";
import { showInApp } from "./showInApp.js";

const show = (ui: ComponentChild) => showInApp(<main>{ui}</main>);

/**
 * Starts a Teams page: teams-js (with its timeout), the Teams theme, config.json, sign-in (NAA
 * in Teams; the sandbox's tokens when built for the sandbox) and the ports. Outside Teams, or on a
 * failure, the page says so plainly.
 */
export async function startTeamsPage(what: string, draw: (env: MeetingEnv, context: app.Context) => ComponentChild): Promise<void> {
  const context = await initTeams();
  if (!context) {
    show(
      <div class="pane">
        <h1>IRO Desk</h1>
        <Notice kind="info">
          Open this in Teams: it is IRO Desk’s {what}. To try it without Teams, use the <a href="preview-teams.html">Teams preview</a>.
        </Notice>
      </div>,
    );
    return;
  }
  try {
    followTeamsTheme(context);
    const config = await readConfig();
    const upn = context.user?.userPrincipalName ?? "";
    const tokens =
      config.auth.kind === "sandbox"
        ? sandboxTokens(new URL(config.graphBaseUrl).origin, upn)
        : msalTokens(config.auth, naaRecommended, () => Promise.reject(new AuthError("this Teams client cannot sign in to IRO Desk (nested app authentication is not available); use Teams on the web or the latest desktop app.")));
    const graph = new GraphConnection({ baseUrl: config.graphBaseUrl, tokens });
    const env: MeetingEnv = {
      calendar: new GraphCalendar(graph),
      cases: new GraphCaseStore(graph, { site: config.site, list: config.list }),
      disputes: new GraphDisputeStore(graph, { site: config.site, list: config.disputesList }),
      serviceSettings: new GraphSettingsStore(graph, { site: config.site, list: config.settingsList }),
      mail: new GraphMail(graph),
      drafts: localDrafts(),
      appointment: null,
      me: { address: upn, name: context.user?.displayName ?? upn },
      settings: config.settings,
      today: londonClock.today,
      now: () => instant(Date.now()),
      meetingId: context.meeting?.id ?? context.page.id,
    };
    show(draw(env, context));
  } catch (error) {
    show(<Notice kind="error">{errorText(error)}</Notice>);
  }
}
