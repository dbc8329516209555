import { useEffect, useState } from "preact/hooks";
import { errorText, Notice } from "../../ui/Notice.js";
import { showInApp } from "../showInApp.js";

interface OutsideMessage {
  id: string;
  subject: string;
  body: { content: string };
  from: { emailAddress: { address: string; name: string } };
  receivedDateTime: string;
  meetingMessageType?: string;
  iCalUId?: string;
}

interface OutsideEvent {
  iCalUId: string;
  subject: string;
  start: { dateTime: string };
  end: { dateTime: string };
  response: string;
}

const ANSWERS = [
  ["accepted", "Accept"],
  ["tentativelyAccepted", "Maybe"],
  ["declined", "Decline"],
] as const;
const ANSWERED: Readonly<Record<string, string>> = { accepted: "Accepted", tentativelyAccepted: "Maybe", declined: "Declined", none: "Not answered" };

/**
 * Someone outside the council (a parent, a carer, a partner agency) reading their email in an
 * ordinary mail app, simulated: what IRO Desk sent them (meeting requests, updates, cancellations,
 * emails), the mail app's own Accept / Maybe / Decline on an invitation, a reply in words, and the
 * calendar their app keeps. Answers go to the sandbox as an iCalendar reply or an email would.
 */
function OutsidePreview() {
  const params = new URLSearchParams(location.search);
  const [address, setAddress] = useState(params.get("address") ?? "");
  const [open, setOpen] = useState(params.get("address") ?? "");
  const [messages, setMessages] = useState<OutsideMessage[] | null>(null);
  const [calendar, setCalendar] = useState<OutsideEvent[]>([]);
  const [status, setStatus] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [replying, setReplying] = useState<OutsideMessage | null>(null);
  const [reply, setReply] = useState("");
  const [round, setRound] = useState(0);
  const base = `/sandbox/outside/${encodeURIComponent(open)}`;
  useEffect(() => {
    if (!open) return;
    Promise.all([fetch(`${base}/messages`).then((r) => r.json()), fetch(`${base}/calendar`).then((r) => r.json())]).then(
      ([m, c]: [{ value: OutsideMessage[] }, { value: OutsideEvent[] }]) => (setMessages(m.value), setCalendar(c.value)),
      (e: unknown) => setStatus({ kind: "error", text: errorText(e) }),
    );
  }, [open, round]);
  const post = async (what: "respond" | "reply", body: unknown, done: string) => {
    const response = await fetch(`${base}/${what}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    // Read every answer to its end, the empty 202 too: a body left unread keeps its connection, and
    // after a few the browser has none left for the next request.
    const text = await response.text();
    const answer = response.ok ? null : (JSON.parse(text) as { error: { message: string } }).error.message;
    setStatus(answer ? { kind: "error", text: answer } : { kind: "success", text: done });
    setRound((n) => n + 1);
  };
  const when = (e: { start: { dateTime: string }; end: { dateTime: string } }) => {
    const f = (s: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", ...o }).format(new Date(`${s.slice(0, 19)}Z`));
    return `${f(e.start.dateTime, { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" })}, ${f(e.start.dateTime, { hour: "2-digit", minute: "2-digit" })}–${f(e.end.dateTime, { hour: "2-digit", minute: "2-digit" })}`;
  };

  return (
    <main class="pane" style="max-width:760px">
      <h1>Someone outside the council (email app, simulated)</h1>
      <p class="muted">What a parent, carer or partner agency receives from IRO Desk, and how they answer without a council account.</p>
      <form class="row" onSubmit={(e) => (e.preventDefault(), setStatus(null), setOpen(address.trim()))}>
        <label for="outside-address" style="margin:0">Email address</label>
        <input id="outside-address" type="email" value={address} onInput={(e) => setAddress(e.currentTarget.value)} style="flex:1" />
        <button type="submit">Open mailbox</button>
      </form>
      {status && <Notice kind={status.kind}>{status.text}</Notice>}
      {open && messages && (
        <>
          <h2>Calendar</h2>
          {calendar.length === 0 ? (
            <p class="muted">Nothing in the calendar.</p>
          ) : (
            <ul>
              {calendar.map((e) => <li key={e.iCalUId}>{e.subject}: {when(e)} ({ANSWERED[e.response] ?? e.response})</li>)}
            </ul>
          )}
          <h2>Inbox ({messages.length})</h2>
          <ul class="plain stack">
            {messages.map((m) => (
              <li key={m.id} class="card stack" aria-labelledby={`m-${m.id}`}>
                <h3 id={`m-${m.id}`} style="margin:0">{m.subject}</h3>
                <p class="muted">From {m.from.emailAddress.name} · {m.meetingMessageType === "meetingRequest" ? "Invitation" : m.meetingMessageType === "meetingCancelled" ? "Cancellation" : "Email"}</p>
                <iframe title={`Message: ${m.subject}`} sandbox="" srcdoc={m.body.content} class="preview-body" style="width:100%;height:240px" />
                {m.meetingMessageType === "meetingRequest" && calendar.some((e) => e.iCalUId === m.iCalUId) && (
                  <div class="row" role="group" aria-label={`Answer: ${m.subject}`}>
                    {ANSWERS.map(([response, label]) => (
                      <button key={response} type="button" onClick={() => void post("respond", { iCalUId: m.iCalUId, response }, `${label}: ${m.subject}. The organizer has your answer.`)}>
                        {label}
                      </button>
                    ))}
                  </div>
                )}
                <button type="button" onClick={() => (setReplying(m), setReply(""))}>Reply</button>
                {replying?.id === m.id && (
                  <form class="stack" onSubmit={(e) => (e.preventDefault(), void post("reply", { to: m.from.emailAddress.address, subject: `RE: ${m.subject}`, text: reply }, `Reply sent to ${m.from.emailAddress.name}.`), setReplying(null))}>
                    <label for={`reply-${m.id}`}>Your reply</label>
                    <textarea id={`reply-${m.id}`} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
                    <button type="submit" class="primary">Send reply</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

showInApp(<OutsidePreview />);
