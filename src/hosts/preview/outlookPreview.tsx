import { useMemo, useState } from "preact/hooks";
import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { instantToLondon, formatClock } from "../../domain/calendar/londonTime.js";
import { dayAndDate } from "../../ui/format.js";
import { errorText, Notice } from "../../ui/Notice.js";
import { NO_ITEM, type AppointmentFields } from "../../ports/Host.js";
import type { HostConfig } from "../root/hostConfig.js";
import { PaneHost } from "../root/PaneHost.js";
import { bookView } from "../views/bookView.js";
import type { DemoUser } from "./demoUsers.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { mountPreview } from "./mountPreview.js";
import { previewHost } from "./previewHost.js";

/**
 * The Outlook preview: the task pane as Outlook shows it, beside a stand-in for Outlook's
 * appointment form. "Opened from an appointment" fills that form and its Send books through Graph,
 * as Outlook would; "Sidebar" books straight through Graph.
 */
function OutlookPreview({ users, config }: { users: readonly DemoUser[]; config: HostConfig }) {
  const params = new URLSearchParams(location.search);
  const staff = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("manager")));
  const [upn, setUpn] = useState(params.get("user") ?? staff.find((u) => u.roles.includes("iro"))?.upn ?? staff[0]?.upn ?? "");
  const [mode, setMode] = useState<"sidebar" | "appointment">(params.get("mode") === "appointment" ? "appointment" : "sidebar");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const [form, setForm] = useState<AppointmentFields | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const user = users.find((u) => u.upn === upn) ?? staff[0]!;
  const host = useMemo(() => {
    const appointment = mode === "appointment" ? { fill: async (f: AppointmentFields) => void (setForm(f), setSent(null)) } : null;
    return previewHost(user.upn, () => ({ ...NO_ITEM, appointment }));
  }, [user, mode]);
  // Outlook's Send, simulated: Exchange saves the appointment in the organizer's calendar and invites the attendees.
  const exchange = useMemo(() => new GraphCalendar(new GraphConnection({ baseUrl: config.graphBaseUrl, tokens: sandboxTokens(new URL(config.graphBaseUrl).origin, user.upn) })), [user, config]);

  const send = async () => {
    if (!form) return;
    setSendError(null);
    try {
      const booking = await exchange.createBooking({ ...form, caseRef: form.caseRef as never, online: form.location === "Microsoft Teams meeting", transactionId: crypto.randomUUID() });
      setSent(`Sent: ${booking.subject}`);
      setForm(null);
    } catch (error) {
      setSendError(errorText(error));
    }
  };
  const when = (at: number) => {
    const t = instantToLondon(at as never);
    return `${dayAndDate(t.date)} ${formatClock(t.minutes)}`;
  };

  return (
    <>
      <PreviewHeader title="Outlook preview" users={staff} upn={upn} onUser={setUpn} theme={theme} onTheme={setTheme}>
        <label class="inline" for="preview-mode">Pane opened from</label>
        <select id="preview-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as "sidebar" | "appointment")} style="width:auto">
          <option value="sidebar">the sidebar</option>
          <option value="appointment">a new appointment</option>
        </select>
      </PreviewHeader>
      <main class="layout">
        <section class="frame" aria-label="Outlook (simulated)">
          <header>{mode === "appointment" ? "New appointment (Outlook, simulated)" : "Outlook calendar (simulated)"}</header>
          <div class="body">
            {mode === "sidebar" ? (
              <p class="muted">Bookings made in the pane go straight into {user.displayName}’s calendar and the attendees’ calendars in the sandbox.</p>
            ) : form ? (
              <form onSubmit={(e) => (e.preventDefault(), void send())} aria-label="Appointment">
                <div class="field-row"><span>Subject</span><output name="subject">{form.subject}</output></div>
                <div class="field-row"><span>Required</span><output name="required">{form.attendees.filter((a) => a.type === "required").map((a) => a.name).join("; ")}</output></div>
                <div class="field-row"><span>Optional</span><output name="optional">{form.attendees.filter((a) => a.type === "optional").map((a) => a.name).join("; ")}</output></div>
                <div class="field-row"><span>Start</span><output name="start">{when(form.start)}</output></div>
                <div class="field-row"><span>End</span><output name="end">{when(form.end)}</output></div>
                <div class="field-row"><span>Location</span><output name="location">{form.location}</output></div>
                <iframe title="Appointment body" sandbox="" srcdoc={form.bodyHtml} class="preview-body" style="width:100%;height:260px" />
                {sendError && <Notice kind="error">{sendError}</Notice>}
                <button type="submit" class="primary">Send</button>
              </form>
            ) : (
              !sent && <p class="muted">An empty appointment. Choose a child and a time in the pane to fill it in.</p>
            )}
            {sent && <Notice kind="success">{sent}</Notice>}
          </div>
        </section>
        <section class="frame" aria-label="IRO Desk task pane">
          <header>IRO Desk</header>
          <PaneHost key={`${upn}/${mode}`} config={config} host={host} views={[bookView]} />
        </section>
      </main>
    </>
  );
}

mountPreview((users, config) => <OutlookPreview users={users} config={config} />);
