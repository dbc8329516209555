import { useEffect, useMemo, useState } from "preact/hooks";
import { localDrafts } from "../../adapters/browser/localDrafts.js";
import { addDays } from "../../domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../../domain/calendar/londonTime.js";
import type { Booking } from "../../ports/Calendar.js";
import { ChecklistPane } from "../../ui/ChecklistPane.js";
import { timeRange } from "../../ui/format.js";
import { errorText, Notice } from "../../ui/Notice.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { sandboxEnv, type DemoUser } from "./sandboxEnv.js";

/** The Teams preview: one of the chair's booked Teams reviews as a simulated meeting, with IRO Desk in its side panel. */
function TeamsPreview({ users }: { users: readonly DemoUser[] }) {
  const params = new URLSearchParams(location.search);
  const chairs = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("cp-chair")));
  // The demo service has Sam Okafor chairing a Teams review this afternoon.
  const [upn, setUpn] = useState(params.get("user") ?? chairs.find((u) => u.upn.startsWith("sam.okafor@"))?.upn ?? chairs[0]?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const user = chairs.find((u) => u.upn === upn) ?? chairs[0]!;
  const base = useMemo(() => sandboxEnv(user, users, null), [user, users]);
  const [meetings, setMeetings] = useState<Booking[] | null>(null);
  const [meeting, setMeeting] = useState<string>(params.get("meeting") ?? "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const today = base.today();
    base.calendar.bookingsBetween(londonTimeToInstant(addDays(today, -7), 0), londonTimeToInstant(addDays(today, 21), 0)).then(
      (list) => {
        const online = list.filter((b) => b.joinUrl);
        setMeetings(online);
        if (!meeting && online[0]) setMeeting(meetingIdOf(online.find((b) => b.start >= londonTimeToInstant(today, 0)) ?? online[0]));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [base]);
  const env = useMemo(() => ({ ...base, meetingId: meeting, drafts: localDrafts("iro-desk-preview:") }), [base, meeting]);
  const current = meetings?.find((b) => meetingIdOf(b) === meeting);
  return (
    <>
      <PreviewHeader title="Teams meeting preview" users={chairs} upn={upn} onUser={(u) => (setUpn(u), setMeeting(""))} theme={theme} onTheme={setTheme}>
        <label class="inline" for="preview-meeting">Meeting</label>
        <select id="preview-meeting" value={meeting} onChange={(e) => setMeeting(e.currentTarget.value)} style="width:auto;max-width:420px">
          {(meetings ?? []).map((b) => (
            <option key={b.id} value={meetingIdOf(b)}>{timeRange(b.start, b.end)}: {b.subject}</option>
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
        <section class="frame" aria-label="IRO Desk side panel">
          <header>IRO Desk</header>
          {meeting ? <ChecklistPane key={`${upn}/${meeting}`} env={env} /> : <p class="pane muted">Choose a meeting.</p>}
        </section>
      </main>
    </>
  );
}

/** The meeting's id, as Teams gives it to the side panel: the last part of its join link. */
function meetingIdOf(b: Booking): string {
  return decodeURIComponent(b.joinUrl!.split("/").pop()!);
}

mountPreview((users) => <TeamsPreview users={users} />);
