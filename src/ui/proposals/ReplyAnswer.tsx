import { useState } from "preact/hooks";
import type { Caseload, CaseloadEntry } from "../../app/loadCaseload.js";
import { recordReplyAnswer } from "../../app/proposals/recordReplyAnswer.js";
import type { Answer } from "../../domain/proposals/proposal.js";
import { tallyAnswers } from "../../domain/proposals/tallyAnswers.js";
import { meetingName } from "../../domain/timescales/ruleSets.js";
import type { StoredCase } from "../../ports/CaseStore.js";
import type { PaneEnv } from "../env.js";
import { timeRange } from "../format.js";
import { errorText, Notice } from "../Notice.js";
import { proposalOf } from "./ArrangementLines.js";

const WORDS: Readonly<Record<Answer, string>> = { yes: "can come", maybe: "might come", no: "cannot come" };

/**
 * Reading a plain reply ("Tuesday is fine, not Thursday") from someone the times were proposed
 * to: their answer to each time is one press, kept on the case with the answers Exchange recorded.
 * Shown only when the email's sender was asked about times still open.
 */
export function ReplyAnswer({ env, caseload }: { env: PaneEnv; caseload: Caseload }) {
  const from = env.message?.from;
  const asked = from ? caseload.entries.filter((e) => proposalOf(e)?.invitees.some((i) => i.address.toLowerCase() === from.address.toLowerCase())) : [];
  if (!from || asked.length === 0) return null;
  return (
    <>
      {asked.map((e) => <ReplyFor key={e.stored.id} env={env} entry={e} from={from} />)}
    </>
  );
}

function ReplyFor({ env, entry, from }: { env: PaneEnv; entry: CaseloadEntry; from: { address: string; name: string } }) {
  const [stored, setStored] = useState<StoredCase>(entry.stored);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const proposal = proposalOf({ next: entry.next, child: stored.childCase })!;
  const invitee = proposal.invitees.find((i) => i.address.toLowerCase() === from.address.toLowerCase())!;
  const tallies = tallyAnswers(proposal, null);
  const record = async (option: number, answer: Answer, when: string) => {
    setBusy(true);
    try {
      setStored(await recordReplyAnswer(env.cases, stored, proposal, { address: invitee.address, option, answer }, env.me.address, env.now(), env.signal));
      setResult({ kind: "success", text: `Recorded on the case: ${invitee.name} ${WORDS[answer]} on ${when}.` });
    } catch (e) {
      setResult({ kind: "error", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card stack" aria-labelledby={`reply-${entry.stored.id}`}>
      <h2 id={`reply-${entry.stored.id}`} style="margin-top:0">
        An answer to the times proposed for {meetingName(proposal.event, proposal.number)} – ref {entry.child.ref}?
      </h2>
      <p>{invitee.name} was asked about these times. Record what this email says, one press for each time:</p>
      <ul class="plain stack">
        {tallies.map((t) => {
          const now = [...t.yes, ...t.maybe, ...t.no].find((p) => p.address.toLowerCase() === invitee.address.toLowerCase());
          const when = timeRange(t.start, t.end);
          return (
            <li key={t.option}>
              <strong>{when}</strong> <span class="muted">{now?.answer ? `(so far: ${WORDS[now.answer]})` : "(no answer yet)"}</span>
              <div class="row">
                <button type="button" disabled={busy} aria-label={`Can come: ${invitee.name}, ${when}`} onClick={() => void record(t.option, "yes", when)}>
                  Can come
                </button>
                <button type="button" disabled={busy} aria-label={`Cannot come: ${invitee.name}, ${when}`} onClick={() => void record(t.option, "no", when)}>
                  Cannot come
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {result && <Notice kind={result.kind}>{result.text}</Notice>}
    </section>
  );
}
