import type { app } from "@microsoft/teams-js";
import { msalTokens } from "../adapters/auth/msalTokens.js";
import { lookForCopies } from "../adapters/browser/indexedDbCopy.js";
import { localDrafts } from "../adapters/browser/localDrafts.js";
import { meetingChatId } from "../adapters/teams/meetingChat.js";
import { followTeamsTheme, initTeams, naaRecommended } from "../adapters/teams/teamsHost.js";
import { AuthError } from "../ports/errors.js";
import { NO_ITEM } from "../ports/Host.js";
import { errorText, Notice } from "../ui/Notice.js";
import type { HostAdapter } from "./root/hostAdapter.js";
import { pageConfig } from "./root/hostConfig.js";
import { PaneHost } from "./root/PaneHost.js";
import { tokensFor } from "./root/tokensFor.js";
import { preloadView, type View } from "./root/view.js";
import { showInApp } from "./showInApp.js";

/**
 * Starts a Teams page (side panel, caseload tab, managers' tab): teams-js with its timeout, the
 * Teams theme followed live, and the pane drawn through the composition root. Outside Teams the
 * page says so plainly instead of waiting.
 */
export async function startTeamsPage(what: string, view: View): Promise<void> {
  preloadView(view);
  lookForCopies();
  const context = await initTeams();
  if (!context) {
    showInApp(
      <main class="pane">
        <h1>IRO Desk</h1>
        <Notice kind="info">
          Open this in Teams: it is IRO Desk’s {what}. To try it without Teams, use the <a href="preview-teams.html">Teams preview</a>.
        </Notice>
      </main>,
    );
    return;
  }
  followTeamsTheme(context);
  try {
    const config = pageConfig();
    showInApp(
      <main>
        <PaneHost config={config} host={teamsHost(context)} views={[view]} />
      </main>,
    );
  } catch (error) {
    showInApp(<main class="pane"><Notice kind="error">{errorText(error)}</Notice></main>);
  }
}

/**
 * Teams as a host. Who is signed in comes from Graph's /me (Teams' context gives a sign-in name,
 * which need not be the mailbox address the register uses); a meeting is named as Teams names it.
 */
export function teamsHost(context: app.Context): HostAdapter {
  const upn = context.user?.userPrincipalName ?? "";
  const meeting = context.meeting ? { chatId: meetingChatId(context) } : null;
  return {
    user: null,
    account: upn || null,
    tokens: (config) =>
      tokensFor(
        config,
        upn,
        IRO_DESK_SIGN_IN !== "sandbox"
          ? (app) => msalTokens(app, naaRecommended, () => Promise.reject(new AuthError("this Teams client cannot sign in to IRO Desk (nested app authentication is not available); use Teams on the web or the latest desktop app.")))
          : null,
      ),
    item: () => ({ ...NO_ITEM, meeting }),
    drafts: localDrafts(`iro-desk:${upn.toLowerCase()}:`),
  };
}
