import { useMemo, useRef, useState } from "preact/hooks";
import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { OUTLOOK_CUSTOM_PROPERTIES } from "../../adapters/graph/extendedProperties.js";
import type { Attendee } from "../../ports/Calendar.js";
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
 * appointment form. "Sidebar" books straight through Graph. "Opened from an appointment" takes the
 * path Outlook takes: the pane fills the form and Outlook saves it (saveAsync: the appointment is
 * in the organizer's calendar, nobody invited), Graph completes it, the attendees go on the form,
 * and the stand-in's Send writes the form and invites them, as Outlook's does.
 */
function OutlookPreview({ users, config }: { users: readonly DemoUser[]; config: HostConfig }) {
  const params = new URLSearchParams(location.search);
  const staff = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("manager")));
  const [upn, setUpn] = useState(params.get("user") ?? staff.find((u) => u.roles.includes("iro"))?.upn ?? staff[0]?.upn ?? "");
  const [mode, setMode] = useState<"sidebar" | "appointment">(params.get("mode") === "appointment" ? "appointment" : "sidebar");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const [form, setForm] = useState<{ fields: AppointmentFields; attendees: readonly Attendee[] } | null>(null);
  const saved = useRef<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const user = users.find((u) => u.upn === upn) ?? staff[0]!;
  // Exchange, as Outlook reaches it: the organizer's own mailbox in the sandbox.
  const exchange = useMemo(() => new GraphConnection({ baseUrl: config.graphBaseUrl, tokens: sandboxTokens(new URL(config.graphBaseUrl).origin, user.upn) }), [user, config]);
  /**
   * What Outlook writes when it saves or sends the form: the form's fields, the add-in's custom
   * properties, private as Mailbox 1.14 sets it. Its attendee list is shown: no add-in can hide it.
   */
  const write = (fields: AppointmentFields, attendees: readonly Attendee[] | null) => ({
    subject: fields.subject,
    body: { contentType: "html", content: fields.bodyHtml },
    start: { dateTime: new Date(fields.start).toISOString().slice(0, 19), timeZone: "UTC" },
    end: { dateTime: new Date(fields.end).toISOString().slice(0, 19), timeZone: "UTC" },
    location: { displayName: fields.location },
    sensitivity: "private",
    ...(attendees ? { attendees: attendees.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: a.type })) } : {}),
  });
  const host = useMemo(() => {
    saved.current = null;
    const appointment =
      mode === "appointment"
        ? {
            async fillAndSave(fields: AppointmentFields) {
              setForm({ fields, attendees: [] });
              setSent(null);
              // saveAsync: a new appointment is created in the organizer's calendar, an open one saved again.
              const body = { ...write(fields, null), singleValueExtendedProperties: [{ id: OUTLOOK_CUSTOM_PROPERTIES, value: JSON.stringify({ caseRef: fields.caseRef, eventKind: fields.eventKind }) }] };
              const event = (await (saved.current ? exchange.api(`/me/events/${encodeURIComponent(saved.current)}`).patch(body) : exchange.api("/me/events").post(body))) as { id: string };
              saved.current = event.id;
              return { id: event.id, privateInOutlook: true };
            },
            async addAttendees(attendees: readonly Attendee[]) {
              setForm((f) => f && { ...f, attendees });
            },
          }
        : null;
    return previewHost(user.upn, () => ({ ...NO_ITEM, appointment }));
  }, [user, mode, exchange]);

  const send = async () => {
    if (!form || !saved.current) return;
    setSendError(null);
    try {
      // Outlook's Send: the form is written once more, with its attendees, and Exchange invites them.
      await exchange.api(`/me/events/${encodeURIComponent(saved.current)}`).patch(write(form.fields, form.attendees));
      setSent(`Sent: ${form.fields.subject}`);
      setForm(null);
      saved.current = null;
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
                <div class="field-row"><span>Subject</span><output name="subject">{form.fields.subject}</output></div>
                <div class="field-row"><span>Required</span><output name="required">{form.attendees.filter((a) => a.type === "required").map((a) => a.name).join("; ")}</output></div>
                <div class="field-row"><span>Optional</span><output name="optional">{form.attendees.filter((a) => a.type === "optional").map((a) => a.name).join("; ")}</output></div>
                <div class="field-row"><span>Start</span><output name="start">{when(form.fields.start)}</output></div>
                <div class="field-row"><span>End</span><output name="end">{when(form.fields.end)}</output></div>
                <div class="field-row"><span>Location</span><output name="location">{form.fields.location}</output></div>
                <div class="field-row"><span>Sensitivity</span><output name="sensitivity">Private</output></div>
                <iframe title="Appointment body" sandbox="" srcdoc={form.fields.bodyHtml} class="preview-body" style="width:100%;height:260px" />
                {sendError && <Notice kind="error">{sendError}</Notice>}
                <button type="submit" class="primary">Send</button>
              </form>
            ) : (
              !sent && <p class="muted">An empty appointment. Choose a child and a time in the pane to fill it in.</p>
            )}
            {sent && <Notice kind="success">{sent}</Notice>}
          </div>
        </section>
        <section class="frame side" aria-label="IRO Desk task pane">
          <header>IRO Desk</header>
          <PaneHost key={`${upn}/${mode}`} config={config} host={host} views={[bookView]} />
        </section>
      </main>
    </>
  );
}

mountPreview((users, config) => <OutlookPreview users={users} config={config} />);
