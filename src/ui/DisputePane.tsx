import { useEffect, useMemo, useState } from "preact/hooks";
import { escalateWithLetter, raiseFromMessage, resolveDispute, stageRecipient, unresolvedRag } from "../app/disputes.js";
import { calendarsFor } from "../app/timescaleOptions.js";
import type { CaseloadEntry } from "../app/loadCaseload.js";
import { templateValues } from "../app/templateValues.js";
import { nameFromAddress } from "../app/bookReview.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import { addWorkingDays } from "../domain/calendar/addWorkingDays.js";
import { workingDays } from "../domain/calendar/workingCalendar.js";
import { disputeClock, DISPUTE_THEMES, type LadderStage } from "../domain/disputes/dispute.js";
import { renderTemplate } from "../domain/templates/emailTemplate.js";
import type { StoredDispute } from "../ports/DisputeStore.js";
import { LoadingNotices } from "./BookingPane.js";
import { ReplyAnswer } from "./proposals/ReplyAnswer.js";
import { CasePicker } from "./CasePicker.js";
import { ConfirmStep } from "./ConfirmStep.js";
import type { PaneEnv } from "./env.js";
import { byDueDate } from "./format.js";
import { errorText, Notice } from "./Notice.js";
import { usePaneMarks } from "./paneMarks.js";
import { upToDate, useCaseload } from "./useCaseload.js";
import { useServiceSettings } from "./useServiceSettings.js";

/**
 * Disputes from email (Outlook read): the dispute this email belongs to, with its clock, "Escalate"
 * (which opens a reply with that stage's letter) and "Resolve"; or a new dispute raised from this
 * email. Below, every open dispute with its clock, overdue first, and children whose Red or Amber
 * rating has gone unanswered.
 */
export function DisputePane({ env }: { env: PaneEnv }) {
  const { state, reload } = useCaseload(env);
  const settings = useServiceSettings(env);
  const [disputes, setDisputes] = useState<StoredDispute[] | null>(null);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** A dispute started from an unanswered Red or Amber rating (with or without an email open). */
  const [startFor, setStartFor] = useState<{ ref: string; issue: string } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    env.disputes.readDisputes(abort.signal).then((d) => !abort.signal.aborted && setDisputes(d), (e: unknown) => setError(errorText(e)));
    return () => abort.abort();
  }, [env, round]);
  usePaneMarks(disputes !== null && state.kind === "ready", disputes !== null && upToDate(state));
  const refresh = (message: string) => (setDone(message), setStartFor(null), setRound((n) => n + 1));
  const linked = disputes?.find((d) => env.message && d.dispute.linkedMessage?.internetMessageId === env.message.internetMessageId) ?? null;
  const calendar = calendarsFor(env.settings)("england");
  const open = useMemo(
    () => (disputes ?? []).filter((d) => d.dispute.status === "open").map((d) => ({ d, clock: disputeClock(d.dispute, env.today(), calendar, settings.ladder) })).sort((a, b) => Number(b.clock.overdue) - Number(a.clock.overdue) || byDueDate(a.clock.due, b.clock.due)),
    [disputes, settings.ladder, env],
  );

  return (
    <div class="pane">
      <h1>Disputes</h1>
      {env.message ? (
        <p class="muted">
          Email: “{env.message.subject}” from {env.message.from.name}
        </p>
      ) : (
        <Notice kind="info">Open this from a received email to raise a dispute from it.</Notice>
      )}
      {settings.problem && <Notice kind="error">{settings.problem}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      <LoadingNotices state={state} reload={reload} />
      {state.kind === "ready" && <ReplyAnswer env={env} caseload={state.caseload} />}
      {disputes && state.kind === "ready" && (
        <>
          {startFor ? (
            <RaiseForm key={startFor.ref} env={env} entries={state.caseload.entries} ladder={settings.ladder} start={startFor} onRaised={refresh} onError={setError} />
          ) : linked ? (
            <DisputeCard key={linked.version} env={env} stored={linked} ladder={settings.ladder} entries={state.caseload.entries} templates={settings.templates} onChanged={refresh} onError={setError} />
          ) : (
            env.message && <RaiseForm env={env} entries={state.caseload.entries} ladder={settings.ladder} start={null} onRaised={refresh} onError={setError} />
          )}
          <h2>Open disputes</h2>
          {open.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul class="plain">
              {open.map(({ d, clock }) => (
                <li key={d.id} class="card">
                  <strong>{d.dispute.id}</strong> ref {d.dispute.caseRef}, {d.dispute.theme}: stage {d.dispute.stage + 1} ({settings.ladder[d.dispute.stage]?.name}).{" "}
                  <span class={clock.overdue ? "overdue-text" : ""}>{clock.words}</span>
                </li>
              ))}
            </ul>
          )}
          {(() => {
            const unanswered = unresolvedRag(state.caseload.entries.map((e) => e.child), disputes, env.today());
            return unanswered.length > 0 ? (
              <>
                <h2>Red or Amber ratings not answered in time</h2>
                <ul class="plain">
                  {unanswered.slice(0, 20).map((c) => (
                    <li key={c.ref} class="row" style="margin-bottom:4px">
                      <span>
                        Ref {c.ref}: {c.rag[c.rag.length - 1]!.rating}, response was due by {formatUkDate(c.rag[c.rag.length - 1]!.respondBy!)}.
                      </span>
                      <button type="button" aria-label={`Start a dispute for ref ${c.ref}`} onClick={() => (setStartFor({ ref: c.ref, issue: c.rag[c.rag.length - 1]!.reason }), setDone(null), window.scrollTo(0, 0))}>
                        Start a dispute
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null;
          })()}
        </>
      )}
    </div>
  );
}

function RaiseForm({ env, entries, ladder, start, onRaised, onError }: { env: PaneEnv; entries: readonly CaseloadEntry[]; ladder: readonly LadderStage[]; start: { ref: string; issue: string } | null; onRaised: (message: string) => void; onError: (message: string) => void }) {
  const refFromSubject = start?.ref ?? /\b(\d{5,7})\b/.exec(env.message?.subject ?? "")?.[1];
  const [entry, setEntry] = useState<CaseloadEntry | null>(entries.find((e) => e.child.ref === refFromSubject) ?? null);
  // No theme and no issue are filled in for the IRO: both are theirs to give (the figures count disputes by theme).
  const [theme, setTheme] = useState("");
  const [issue, setIssue] = useState(start?.issue ?? "");
  const [stage, setStage] = useState(0);
  const [missing, setMissing] = useState<readonly ("theme" | "issue" | "child")[]>([]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const calendar = calendarsFor(env.settings)("england");
  const check = () => {
    const gaps = [...(entry ? [] : (["child"] as const)), ...(theme === "" ? (["theme"] as const) : []), ...(issue.trim() === "" ? (["issue"] as const) : [])];
    setMissing(gaps);
    if (gaps.length > 0) {
      // Focus goes to the first field in error, which names the problem (WCAG 3.3.1).
      setTimeout(() => document.getElementById(gaps[0] === "child" ? "child-search" : gaps[0] === "theme" ? "dispute-theme" : "issue")?.focus(), 0);
      return;
    }
    setAsking(true);
  };
  const raise = async () => {
    if (!entry) return;
    setBusy(true);
    setFailed(null);
    try {
      const made = await raiseFromMessage(env.disputes, { caseRef: entry.child.ref, theme, issue, stage, by: env.me.address, today: env.today(), message: env.message ?? null }, ladder);
      onRaised(`Dispute ${made.dispute.id} raised for ref ${entry.child.ref} at stage ${stage + 1} (${ladder[stage]?.name})${env.message ? ", linked to this email" : ""}.`);
    } catch (e) {
      setFailed(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const due = ladder[stage]?.responseDays;
  const invalid = (field: "theme" | "issue") => (missing.includes(field) ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});
  return (
    <section aria-labelledby="raise-title" class="stack">
      <h2 id="raise-title">{env.message ? "Raise a dispute from this email" : "Raise a dispute"}</h2>
      <CasePicker entries={entries} me={env.me.address} chosen={entry?.stored.id ?? null} onChoose={(e) => (setEntry(e), setAsking(false))} />
      {missing.includes("child") && <p class="overdue-text">Choose the child the dispute is about.</p>}
      <label for="dispute-theme">Theme</label>
      <select id="dispute-theme" value={theme} onChange={(e) => (setTheme(e.currentTarget.value), setMissing((m) => m.filter((x) => x !== "theme")))} {...invalid("theme")}>
        <option value="">Choose a theme</option>
        {DISPUTE_THEMES.map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
      {missing.includes("theme") && <p id="theme-error" class="overdue-text">Choose the dispute's theme: the service reports disputes by theme.</p>}
      <label for="issue">What is the dispute about?</label>
      <textarea id="issue" value={issue} onInput={(e) => (setIssue(e.currentTarget.value), setMissing((m) => m.filter((x) => x !== "issue")))} {...invalid("issue")} />
      {missing.includes("issue") && <p id="issue-error" class="overdue-text">Say what the dispute is about.</p>}
      <label for="stage">Start at</label>
      <select id="stage" value={stage} onChange={(e) => setStage(Number(e.currentTarget.value))}>
        {ladder.map((s, i) => <option key={s.name} value={i}>Stage {i + 1}: {s.name}</option>)}
      </select>
      <button type="button" class="primary" aria-expanded={asking} onClick={check} disabled={busy}>Raise dispute…</button>
      {asking && entry && (
        <ConfirmStep
          title="Raise this dispute?"
          what={
            <>
              <p>
                Ref {entry.child.ref}, {theme}, at stage {stage + 1} ({ladder[stage]?.name}): “{issue.trim()}”.
              </p>
              <p>It goes into the service's dispute log now{env.message ? ", linked to this email" : ""}{due ? `; the response from stage ${stage + 1} is due by ${formatUkDate(addWorkingDays(calendar, env.today(), workingDays(due)))}` : ""}.</p>
            </>
          }
          told={[]}
          nobody="Nobody is emailed: the stage's letter goes only when you escalate, and you see it first."
          confirmLabel="Raise the dispute"
          busy={busy}
          error={failed}
          onConfirm={() => void raise()}
          onBack={() => setAsking(false)}
        />
      )}
    </section>
  );
}

function DisputeCard(props: { env: PaneEnv; stored: StoredDispute; ladder: readonly LadderStage[]; entries: readonly CaseloadEntry[]; templates: ReturnType<typeof useServiceSettings>["templates"]; onChanged: (message: string) => void; onError: (message: string) => void }) {
  const { env, stored, ladder } = props;
  const d = stored.dispute;
  const calendar = calendarsFor(env.settings)("england");
  const clock = disputeClock(d, env.today(), calendar, ladder);
  const [toStage, setToStage] = useState(Math.min(d.stage + 1, ladder.length - 1));
  const [outcome, setOutcome] = useState("");
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const entry = props.entries.find((e) => e.child.ref === d.caseRef);
  const recipient = entry ? stageRecipient(ladder[toStage], entry.child) : null;
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      props.onChanged(await work());
    } catch (e) {
      props.onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const escalate = async () => {
    setBusy(true);
    setFailed(null);
    const last = toStage === ladder.length - 1 && ladder[toStage]!.responseDays === null;
    const template = props.templates.find((t) => t.id === (last ? "dispute-cafcass" : `dispute-stage-${toStage + 1}`)) ?? props.templates.find((t) => t.kind === "dispute")!;
    const message = env.message;
    const reply =
      entry && message && recipient
        ? { messageId: message.id, to: recipient, letter: (escalated: typeof d) => renderTemplate(template, templateValues({ child: entry.child, next: entry.next, me: env.me, today: env.today(), calendar, settings: env.settings, dispute: { dispute: escalated, ladder } }), env.settings.classification).html }
        : null;
    let escalated = false;
    try {
      const { draft } = await escalateWithLetter({ disputes: env.disputes, mail: env.mail }, stored, { by: env.me.address, today: env.today(), toStage }, ladder, reply);
      escalated = true;
      if (draft && message) await message.openDraft(draft);
      props.onChanged(`Escalated to stage ${toStage + 1} (${ladder[toStage]?.name}).${draft ? ` A reply to ${recipient!.name} with the stage letter is in your Drafts and open: check it and send it.` : ""}`);
    } catch (e) {
      // The escalation is the record: say plainly when it was saved but the letter was not made.
      if (escalated) props.onChanged(`Escalated to stage ${toStage + 1} (${ladder[toStage]?.name}), but the letter could not be opened: ${errorText(e)}`);
      else setFailed(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="dispute-title" class="card stack">
      <h2 id="dispute-title" style="margin-top:0">
        {d.id}: ref {d.caseRef}, {d.theme}
      </h2>
      <p>{d.issue}</p>
      <p>
        Stage {d.stage + 1} of {ladder.length}: {ladder[d.stage]?.name}. <span class={clock.overdue ? "overdue-text" : ""}>{clock.words}</span>
      </p>
      <h3>History</h3>
      <ol>
        {d.history.map((h, i) => (
          <li key={i}>
            {formatUkDate(h.at)}: {h.action} by {nameFromAddress(h.by)}, stage {h.stage + 1}{h.note ? `: ${h.note}` : ""}
          </li>
        ))}
      </ol>
      {d.status === "open" && (
        <>
          <div class="row">
            <div style="flex:1">
              <label for="to-stage">Escalate to</label>
              <select id="to-stage" value={toStage} onChange={(e) => (setToStage(Number(e.currentTarget.value)), setAsking(false))}>
                {ladder.map((s, i) => (i > d.stage ? <option key={s.name} value={i}>Stage {i + 1}: {s.name}</option> : null))}
              </select>
            </div>
            <button type="button" class="primary" aria-expanded={asking} onClick={() => setAsking(true)} disabled={busy || d.stage >= ladder.length - 1} style="align-self:flex-end">
              Escalate…
            </button>
          </div>
          {asking && (
            <ConfirmStep
              title={`Escalate ${d.id} to stage ${toStage + 1}?`}
              what={
                <>
                  <p>
                    The dispute log records the escalation to {ladder[toStage]?.name} now, by you, today.
                    {ladder[toStage]?.responseDays ? ` Their response is due by ${formatUkDate(addWorkingDays(calendar, env.today(), workingDays(ladder[toStage]!.responseDays!)))}.` : ""}
                  </p>
                  <p>
                    {!env.message
                      ? "No letter opens: this pane was not opened from an email."
                      : recipient
                        ? `A reply to this email with the stage ${toStage + 1} letter is put in your Drafts and opened, addressed to ${recipient.name}. Nothing is sent until you press Send.`
                        : `The dispute ladder names no one for stage ${toStage + 1}, so no letter opens: a manager adds who its letter goes to in the managers' view (Templates and the dispute ladder).`}
                  </p>
                </>
              }
              toldHeading="The letter is addressed to"
              told={env.message && recipient ? [recipient] : []}
              nobody="No one: no letter opens."
              confirmLabel={env.message && recipient ? `Escalate and open the letter to ${recipient.name}` : "Escalate"}
              busy={busy}
              error={failed}
              onConfirm={() => void escalate()}
              onBack={() => setAsking(false)}
            />
          )}
          <label for="outcome">Outcome</label>
          <textarea id="outcome" value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} />
          <button type="button" onClick={() => act(async () => (await resolveDispute(env.disputes, stored, env.me.address, env.today(), outcome), `Resolved at stage ${d.stage + 1}.`))} disabled={busy || outcome.trim() === ""}>
            Resolve
          </button>
        </>
      )}
    </section>
  );
}
