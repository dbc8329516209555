import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { OUTLOOK_CUSTOM_PROPERTIES } from "../../adapters/graph/extendedProperties.js";
import { GraphMail } from "../../adapters/graph/graphMail.js";
import type { DraftMail, ReceivedMail } from "../../ports/Mail.js";
import { NO_ITEM, type ComposeForm, type OpenMessage } from "../../ports/Host.js";
import { errorText, Notice } from "../../ui/Notice.js";
import type { HostConfig } from "../root/hostConfig.js";
import { PaneHost } from "../root/PaneHost.js";
import { disputeView } from "../views/disputeView.js";
import { templatesView } from "../views/templatesView.js";
import type { DemoUser } from "./demoUsers.js";
import { mountPreview } from "./mountPreview.js";
import { PreviewHeader } from "./PreviewHeader.js";
import { previewHost } from "./previewHost.js";

/**
 * The Outlook mail preview: writing an email (the pane inserts a template at the cursor of a
 * stand-in compose form) or reading one from the demo inbox (the pane raises and escalates
 * disputes; "escalate" opens a reply, which Send delivers through Graph).
 */
function MailPreview({ users, config }: { users: readonly DemoUser[]; config: HostConfig }) {
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
      {mode === "compose" ? <Compose key={upn} user={user} config={config} /> : <Read key={upn} user={user} config={config} />}
    </>
  );
}

function Compose({ user, config }: { user: DemoUser; config: HostConfig }) {
  const editor = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [to, setTo] = useState<string[]>([]);
  const [subject, setSubject] = useState("");
  const [plain, setPlain] = useState(false);
  const subjectRef = useRef(subject);
  subjectRef.current = subject;
  const plainRef = useRef(plain);
  plainRef.current = plain;
  useEffect(() => {
    // Remember where the cursor was in the body, as Outlook does when focus moves to the pane.
    const keep = () => {
      const selection = document.getSelection();
      if (selection && selection.rangeCount > 0 && editor.current?.contains(selection.anchorNode)) saved.current = selection.getRangeAt(0).cloneRange();
    };
    document.addEventListener("selectionchange", keep);
    return () => document.removeEventListener("selectionchange", keep);
  }, []);
  /** The add-in's custom properties on the email being written (Office.CustomProperties). */
  const props = useRef<Record<string, string>>({});
  const compose: ComposeForm = useMemo(
    () => ({
      targetName: "the email",
      bodyType: async () => (plainRef.current ? "text" : "html"),
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
      tag: async (name, value) => void (props.current = { ...props.current, [name]: value }),
    }),
    [],
  );
  const host = useMemo(() => previewHost(user.upn, () => ({ ...NO_ITEM, compose })), [user, compose]);
  // Outlook's Send and Discard, simulated: Send goes through Exchange (here the sandbox's Graph) with
  // the add-in's custom properties on the item, as Outlook keeps them into Sent Items; either way the
  // email window and its task pane close, and the next email opens a fresh pane.
  const [round, setRound] = useState(0);
  const [status, setStatus] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const exchange = useMemo(() => new GraphConnection({ baseUrl: config.graphBaseUrl, tokens: sandboxTokens(new URL(config.graphBaseUrl).origin, user.upn) }), [user, config]);
  const close = (text: string) => {
    setTo([]);
    setSubject("");
    props.current = {};
    saved.current = null;
    if (editor.current) editor.current.textContent = "Hello,";
    setStatus({ kind: "success", text });
    setRound((n) => n + 1);
  };
  const send = async () => {
    try {
      const tagged = Object.keys(props.current).length > 0 ? { singleValueExtendedProperties: [{ id: OUTLOOK_CUSTOM_PROPERTIES, value: JSON.stringify(props.current) }] } : {};
      await exchange.api("/me/sendMail").post({ message: { subject, body: { contentType: plain ? "text" : "html", content: plain ? editor.current!.innerText : editor.current!.innerHTML }, toRecipients: to.map((address) => ({ emailAddress: { address } })), ...tagged }, saveToSentItems: true });
      close(`Sent: ${subject || "(no subject)"}`);
    } catch (e) {
      setStatus({ kind: "error", text: errorText(e) });
    }
  };
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
          <div class="row">
            <button type="button" class="primary" onClick={() => void send()}>Send</button>
            <button type="button" onClick={() => close("Discarded.")}>Discard</button>
          </div>
          {status && <Notice kind={status.kind}>{status.text}</Notice>}
        </div>
      </section>
      <section class="frame side" aria-label="IRO Desk task pane">
        <header>IRO Desk</header>
        <PaneHost key={round} config={config} host={host} views={[templatesView]} />
      </section>
    </main>
  );
}

function Read({ user, config }: { user: DemoUser; config: HostConfig }) {
  // The inbox and Send, simulated: Outlook reads and sends through Exchange, here the sandbox's Graph.
  const exchange = useMemo(() => new GraphMail(new GraphConnection({ baseUrl: config.graphBaseUrl, tokens: sandboxTokens(new URL(config.graphBaseUrl).origin, user.upn) })), [user, config]);
  const [inbox, setInbox] = useState<ReceivedMail[] | null>(null);
  const [chosen, setChosen] = useState<ReceivedMail | null>(null);
  const [reply, setReply] = useState<DraftMail | null>(null);
  const [status, setStatus] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  useEffect(() => void exchange.recent(20).then(setInbox, (e: unknown) => setStatus({ kind: "error", text: errorText(e) })), [exchange]);
  const message = useMemo((): OpenMessage | null => chosen && { ...chosen, openDraft: async (draft: DraftMail) => void (setReply(draft), setStatus(null)) }, [chosen]);
  const messageRef = useRef(message);
  messageRef.current = message;
  const host = useMemo(() => previewHost(user.upn, () => ({ ...NO_ITEM, message: messageRef.current })), [user]);
  useEffect(() => host.itemChanged(), [message]);
  const send = async () => {
    if (!chosen || !reply) return;
    try {
      await exchange.sendDraft(reply.id);
      setReply(null);
      setStatus({ kind: "success", text: `Reply sent to ${reply.to.map((r) => r.name).join(", ")}.` });
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
              <h2>Reply (from Drafts)</h2>
              <div class="field-row"><span>To</span><output name="reply-to">{reply.to.map((r) => `${r.name} <${r.address}>`).join("; ")}</output></div>
              <div class="field-row"><span>Subject</span><output name="reply-subject">{reply.subject}</output></div>
              <iframe title="Reply body" sandbox="" srcdoc={reply.html} class="preview-body" style="width:100%;height:260px" />
              <button type="submit" class="primary">Send</button>
            </form>
          )}
          {status && <Notice kind={status.kind}>{status.text}</Notice>}
        </div>
      </section>
      <section class="frame side" aria-label="IRO Desk task pane">
        <header>IRO Desk</header>
        {/* As Outlook's pinned pane: drawn with no email chosen too (its open disputes), and again for each email. */}
        <PaneHost config={config} host={host} views={[disputeView]} />
      </section>
    </main>
  );
}

mountPreview((users, config) => <MailPreview users={users} config={config} />);
