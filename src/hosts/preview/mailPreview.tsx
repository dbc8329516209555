import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ReceivedMail } from "../../ports/Mail.js";
import type { ComposeForm, OpenMessage } from "../../ports/Host.js";
import { DisputePane } from "../../ui/DisputePane.js";
import { errorText, Notice } from "../../ui/Notice.js";
import { TemplatePane } from "../../ui/TemplatePane.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { sandboxEnv, type DemoUser } from "./sandboxEnv.js";

/**
 * The Outlook mail preview: writing an email (the pane inserts a template at the cursor of a
 * stand-in compose form) or reading one from the demo inbox (the pane raises and escalates
 * disputes; "escalate" opens a reply, which Send delivers through Graph).
 */
function MailPreview({ users }: { users: readonly DemoUser[] }) {
  const params = new URLSearchParams(location.search);
  const staff = users.filter((u) => u.mailbox && (u.roles.includes("iro") || u.roles.includes("manager")));
  const [upn, setUpn] = useState(params.get("user") ?? staff.find((u) => u.roles.includes("iro"))?.upn ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "light");
  const [mode, setMode] = useState<"compose" | "read">(params.get("mode") === "read" ? "read" : "compose");
  const user = staff.find((u) => u.upn === upn) ?? staff[0]!;
  return (
    <>
      <PreviewHeader title="Outlook mail preview" users={staff} upn={upn} onUser={setUpn} theme={theme} onTheme={setTheme}>
        <label class="inline" for="preview-mode">Pane opened from</label>
        <select id="preview-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as "compose" | "read")} style="width:auto">
          <option value="compose">an email being written</option>
          <option value="read">a received email</option>
        </select>
      </PreviewHeader>
      {mode === "compose" ? <Compose key={upn} user={user} users={users} /> : <Read key={upn} user={user} users={users} />}
    </>
  );
}

function Compose({ user, users }: { user: DemoUser; users: readonly DemoUser[] }) {
  const editor = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [to, setTo] = useState<string[]>([]);
  const [subject, setSubject] = useState("");
  const [plain, setPlain] = useState(false);
  const subjectRef = useRef(subject);
  subjectRef.current = subject;
  useEffect(() => {
    // Remember where the cursor was in the body, as Outlook does when focus moves to the pane.
    const keep = () => {
      const selection = document.getSelection();
      if (selection && selection.rangeCount > 0 && editor.current?.contains(selection.anchorNode)) saved.current = selection.getRangeAt(0).cloneRange();
    };
    document.addEventListener("selectionchange", keep);
    return () => document.removeEventListener("selectionchange", keep);
  }, []);
  const compose: ComposeForm = useMemo(
    () => ({
      targetName: "the email",
      bodyType: async () => (plain ? "text" : "html"),
      async insert(email, type) {
        const range = saved.current ?? document.createRange();
        if (!saved.current) range.selectNodeContents(editor.current!), range.collapse(false);
        range.deleteContents();
        // The pane's HTML is built from escaped values only (renderTemplate); the stand-in puts it in as Outlook would.
        range.insertNode(type === "html" ? range.createContextualFragment(email.html) : document.createTextNode(email.text));
      },
      subject: async () => subjectRef.current,
      setSubject: async (s) => setSubject(s),
      addRecipients: async (people) => setTo((before) => [...new Set([...before, ...people.map((p) => p.address)])]),
    }),
    [plain],
  );
  const env = useMemo(() => ({ ...sandboxEnv(user, users, null), compose }), [user, users, compose]);
  return (
    <main class="layout">
      <section class="frame" aria-label="New email (Outlook, simulated)">
        <header>New email (Outlook, simulated)</header>
        <div class="body stack">
          <div class="field-row"><span>To</span><output name="to">{to.join("; ")}</output></div>
          <div class="field-row">
            <label for="compose-subject" style="margin:0">Subject</label>
            <input id="compose-subject" type="text" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
          </div>
          <label class="inline">
            <input type="checkbox" checked={plain} onChange={(e) => setPlain(e.currentTarget.checked)} /> Plain text email
          </label>
          <div ref={editor} id="compose-body" class="preview-body" contentEditable role="textbox" aria-multiline="true" aria-label="Email body" style="min-height:200px;white-space:pre-wrap">
            Hello,
          </div>
        </div>
      </section>
      <section class="frame" aria-label="IRO Desk task pane">
        <header>IRO Desk</header>
        <TemplatePane env={env} />
      </section>
    </main>
  );
}

function Read({ user, users }: { user: DemoUser; users: readonly DemoUser[] }) {
  const base = useMemo(() => sandboxEnv(user, users, null), [user, users]);
  const [inbox, setInbox] = useState<ReceivedMail[] | null>(null);
  const [chosen, setChosen] = useState<ReceivedMail | null>(null);
  const [reply, setReply] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  useEffect(() => void base.mail.recent(20).then(setInbox, (e: unknown) => setStatus({ kind: "error", text: errorText(e) })), [base]);
  const message: OpenMessage | null = chosen && { ...chosen, openReply: async (html: string) => void (setReply(html), setStatus(null)) };
  const env = useMemo(() => ({ ...base, message }), [base, chosen]);
  const send = async () => {
    if (!chosen || !reply) return;
    try {
      await base.mail.reply(chosen.id, reply);
      setReply(null);
      setStatus({ kind: "success", text: `Reply sent to ${chosen.from.name}.` });
    } catch (e) {
      setStatus({ kind: "error", text: errorText(e) });
    }
  };
  return (
    <main class="layout">
      <section class="frame" aria-label="Inbox (Outlook, simulated)">
        <header>Inbox (Outlook, simulated)</header>
        <div class="body stack">
          {inbox === null ? (
            <p>Reading the inbox…</p>
          ) : (
            <ul class="plain children">
              {inbox.map((m) => (
                <li key={m.id}>
                  <button type="button" class="child card" aria-pressed={chosen?.id === m.id} onClick={() => (setChosen(m), setReply(null), setStatus(null))}>
                    <strong>{m.subject}</strong>
                    <br />
                    <span class="muted">{m.from.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {reply && (
            <form aria-label="Reply" onSubmit={(e) => (e.preventDefault(), void send())} class="stack">
              <h2>Reply to {chosen?.from.name}</h2>
              <iframe title="Reply body" sandbox="" srcdoc={reply} class="preview-body" style="width:100%;height:260px" />
              <button type="submit" class="primary">Send</button>
            </form>
          )}
          {status && <Notice kind={status.kind}>{status.text}</Notice>}
        </div>
      </section>
      <section class="frame" aria-label="IRO Desk task pane">
        <header>IRO Desk</header>
        {chosen ? <DisputePane key={chosen.id} env={env} /> : <p class="pane muted">Choose an email in the inbox.</p>}
      </section>
    </main>
  );
}

mountPreview((users) => <MailPreview users={users} />);
