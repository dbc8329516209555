import { useEffect, useMemo, useState } from "preact/hooks";
import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { meetingChatId } from "../../adapters/teams/meetingChat.js";
import { chatOfJoinUrl } from "../../app/bookingForMeeting.js";
import { addDays } from "../../domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../../domain/calendar/londonTime.js";
import type { Booking } from "../../ports/Calendar.js";
import { NO_ITEM } from "../../ports/Host.js";
import { timeRange } from "../../ui/format.js";
import { errorText, Notice } from "../../ui/Notice.js";
import type { HostConfig } from "../root/hostConfig.js";
import { PaneHost } from "../root/PaneHost.js";
import { checklistView } from "../views/checklistView.js";
import type { DemoUser } from "./demoUsers.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { previewHost } from "./previewHost.js";

/** The Teams preview: one of the chair's booked Teams reviews as a simulated meeting, with IRO Desk in its side panel. */
function TeamsPreview({ users, config }: { users: readonly DemoUser[]; config: HostConfig }) {
  const params = new URLSearchParams(location.search);
  const chairs = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("cp-chair")));
  // The demo service has Sam Okafor chairing a Teams review this afternoon.
  const [upn, setUpn] = useState(params.get("user") ?? chairs.find((u) => u.upn.startsWith("sam.okafor@"))?.upn ?? chairs[0]?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const user = chairs.find((u) => u.upn === upn) ?? chairs[0]!;
  // Teams' own list of the chair's meetings, simulated from the chair's calendar in the sandbox.
  const teamsCalendar = useMemo(() => new GraphCalendar(new GraphConnection({ baseUrl: config.graphBaseUrl, tokens: sandboxTokens(new URL(config.graphBaseUrl).origin, user.upn) })), [user, config]);
  const clock = useMemo(() => previewHost(user.upn).clock!, [user]);
  const [meetings, setMeetings] = useState<Booking[] | null>(null);
  const [meeting, setMeeting] = useState<string>(params.get("meeting") ?? "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const today = clock.today();
    teamsCalendar.bookingsBetween(londonTimeToInstant(addDays(today, -7), 0), londonTimeToInstant(addDays(today, 21), 0)).then(
      (list) => {
        const online = list.filter((b) => b.joinUrl);
        setMeetings(online);
        if (!meeting && online[0]) setMeeting(chatOf(online.find((b) => b.start >= londonTimeToInstant(today, 0)) ?? online[0]));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [teamsCalendar]);
  // The side panel is told its meeting as Teams tells it: through the same adapter, from a context shaped like Teams'.
  const host = useMemo(() => previewHost(user.upn, () => ({ ...NO_ITEM, meeting: { chatId: meetingChatId(teamsContext(meeting)) } })), [user, meeting]);
  const current = meetings?.find((b) => chatOf(b) === meeting);
  return (
    <>
      <PreviewHeader title="Teams meeting preview" users={chairs} upn={upn} onUser={(u) => (setUpn(u), setMeeting(""))} theme={theme} onTheme={setTheme}>
        <label class="inline" for="preview-meeting">Meeting</label>
        <select id="preview-meeting" value={meeting} onChange={(e) => setMeeting(e.currentTarget.value)} style="width:auto;max-width:420px">
          {(meetings ?? []).map((b) => (
            <option key={b.id} value={chatOf(b)}>{timeRange(b.start, b.end)}: {b.subject}</option>
          ))}
        </select>
      </PreviewHeader>
      <main class="layout">
        <section class="frame" aria-label="Teams meeting (simulated)">
          <header>Teams meeting (simulated)</header>
          <div class="body">
            {error && <Notice kind="error">{error}</Notice>}
            {meetings && meetings.length === 0 && <p>{user.displayName} has no Teams reviews booked in the next three weeks.</p>}
            {current && (
              <p>
                <strong>{current.subject}</strong>
                <br />
                {timeRange(current.start, current.end)}, {current.attendees.length} invited
              </p>
            )}
          </div>
        </section>
        <section class="frame side" aria-label="IRO Desk side panel">
          <header>IRO Desk</header>
          {meeting ? <PaneHost key={`${upn}/${meeting}`} config={config} host={host} views={[checklistView]} /> : <p class="pane muted">Choose a meeting.</p>}
        </section>
      </main>
    </>
  );
}

/**
 * The stand-in for Teams knows each meeting's chat, as Teams does; it reads it from the meeting's
 * join link, which in the sandbox is the long form that names the chat.
 */
function chatOf(b: Booking): string {
  return chatOfJoinUrl(b.joinUrl!) ?? "";
}

/**
 * What Teams gives a side panel in a meeting, shaped as Microsoft documents it
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/access-teams-context): the meeting's chat
 * id, and Teams' own meeting id, base64 of "0#<chat id>#0" (as in
 * learn.microsoft.com/microsoftteams/platform/graph-api/meeting-transcripts/fetch-id), which the
 * panel must not rely on.
 */
function teamsContext(chatId: string) {
  return { page: { id: "iro-desk-checklist" }, chat: { id: chatId }, meeting: { id: btoa(`0#${chatId}#0`) } };
}

mountPreview((users, config) => <TeamsPreview users={users} config={config} />);
