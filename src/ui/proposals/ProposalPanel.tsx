import { useState } from "preact/hooks";
import { calendarsFor } from "../../app/timescaleOptions.js";
import type { CaseloadEntry } from "../../app/loadCaseload.js";
import { confirmProposal, type ConfirmOutcome } from "../../app/proposals/confirmProposal.js";
import { consultationPlan } from "../../app/proposals/consultation.js";
import { withdrawProposal } from "../../app/proposals/withdrawProposal.js";
import { instantToLondon } from "../../domain/calendar/londonTime.js";
import { workingDaysBetween } from "../../domain/calendar/workingDaysBetween.js";
import type { Proposal } from "../../domain/proposals/proposal.js";
import type { CandidateTally, PersonAnswer } from "../../domain/proposals/tallyAnswers.js";
import { meetingName } from "../../domain/timescales/ruleSets.js";
import type { StoredCase } from "../../ports/CaseStore.js";
import type { PaneEnv } from "../env.js";
import { countOf, dayAndDate, timeRange } from "../format.js";
import { errorText, Notice } from "../Notice.js";
import { useServiceSettings } from "../useServiceSettings.js";
import { namesList } from "./namesList.js";
import { useProposal } from "./useProposal.js";
import { ConfirmStep } from "../ConfirmStep.js";

interface Props {
  readonly env: PaneEnv;
  readonly entry: CaseloadEntry;
  readonly proposal: Proposal;
  /** The case changed (withdrawn: the booking form comes back). */
  readonly onChanged: (stored: StoredCase) => void;
  /** Back to the caseload after a confirmation. */
  readonly onDone: () => void;
}

/**
 * Where the proposed times stand: for each, who can come, might, cannot, or has not answered,
 * with the due-by date beside it; confirm one (it becomes the booking, the others are released and
 * everyone told), or withdraw them all. The state comes from the calendar and the case, so it is
 * the same after a reload, on another device, or for a colleague.
 */
export function ProposalPanel({ env, entry, proposal, onChanged, onDone }: Props) {
  const { state, reload } = useProposal(env, entry.stored, proposal);
  const { templates, problem } = useServiceSettings(env);
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [consult, setConsult] = useState(true);
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ConfirmOutcome | null>(null);
  const title = meetingName(proposal.event, proposal.number);

  if (state.kind === "loading") return <Notice kind="info">Reading the answers…</Notice>;
  if (state.kind === "failed") return <Notice kind="error">{state.message} <button type="button" onClick={reload}>Try again</button></Notice>;
  const status = state.status;
  const current = status.proposal;
  const everyone = current.invitees.length;

  if (done) {
    const c = done.consultation;
    return (
      <section aria-labelledby="confirmed-title" class="stack">
        <h2 id="confirmed-title">Booked</h2>
        <Notice kind={done.notReleased.length > 0 ? "error" : "success"}>
          {done.booking.subject}, {timeRange(done.booking.start, done.booking.end)}. The full invitation went to {namesList(done.told.map((i) => i.name))}
          {done.released.length > 0 ? `; the other ${done.released.length === 1 ? "time was" : `${done.released.length} times were`} cancelled and they were told ${done.released.length === 1 ? "it is" : "they are"} not needed.` : "."}
          {done.notReleased.map((n) => ` ${timeRange(n.candidate.start, n.candidate.end)} could not be cancelled: ${errorText(n.error)}`).join("")}
          {c && ("error" in c ? ` The consultation request was not scheduled: ${errorText(c.error)}` : c.how === "sent" ? ` The consultation request went today to ${namesList(c.to.map((t) => t.name))}.` : ` The consultation request goes on ${dayAndDate(c.sendOn)} to ${namesList(c.to.map((t) => t.name))}.`)}
        </Notice>
        {done.booking.joinUrl && <p><a href={done.booking.joinUrl} target="_blank" rel="noopener noreferrer">Teams meeting link</a></p>}
        <button type="button" onClick={onDone}>Back to the caseload</button>
      </section>
    );
  }

  const confirm = async (tally: CandidateTally, declinesAccepted: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const template = templates.find((t) => t.id === "consultation-request") ?? templates.find((t) => t.kind === "consultation");
      const plan = consultationPlan(entry.child, current.eventKind, tally.start, env.settings, calendar, env.today());
      const outcome = await confirmProposal(
        { holds: env.holds, reminders: env.reminders, cases: env.cases, scheduledMail: env.scheduledMail, mail: env.mail },
        { stored: status.stored, proposal: current, tally, declinesAccepted, next: entry.next!, me: env.me, today: env.today(), consultation: consult && plan && template ? { plan, template, me: env.me, calendar } : null },
        env.settings,
        env.signal,
      );
      setDone(outcome);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await withdrawProposal({ holds: env.holds, reminders: env.reminders, cases: env.cases }, status.stored, current, env.me.address, env.today(), env.signal);
      if (result.notReleased.length > 0) {
        setError(`${result.notReleased.map((n) => timeRange(n.candidate.start, n.candidate.end)).join(", ")} could not be cancelled (${errorText(result.notReleased[0]!.error)}). The times stay proposed: try again.`);
      } else onChanged(result.stored);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="proposal-title" class="stack">
      <h2 id="proposal-title">Times proposed for {title} – ref {entry.child.ref}</h2>
      <p>
        Proposed on {dayAndDate(current.proposedOn)} by {current.organizer.name}. Held until <strong>{dayAndDate(current.expiresOn)}</strong>; reminder on {dayAndDate(current.remindOn)}.
      </p>
      {problem && <Notice kind="error">{problem}</Notice>}
      {status.expired && <Notice kind="error">These times were held until {dayAndDate(current.expiresOn)} and have expired: withdraw them and propose times again to book.</Notice>}
      {!status.expired && current.atRisk && <Notice kind="info">Confirm a time soon: if these holds expire, there is no time to propose again before the due-by date.</Notice>}
      {!status.mine && (
        <Notice kind="info">
          Only {current.organizer.name} can confirm or withdraw these times: they are held in {current.organizer.name}'s calendar. The answers below are the ones kept on the case.
        </Notice>
      )}
      {status.missing.length > 0 && <Notice kind="error">Option {status.missing.join(" and ")} is no longer in your calendar (deleted in Outlook?): it cannot be confirmed.</Notice>}
      <p class="muted">{everyone} {everyone === 1 ? "person was" : "people were"} asked. {status.live ? "Answers as Microsoft 365 has them now." : "Answers as kept on the case."}</p>
      {error && confirming === null && !withdrawing && <Notice kind="error">{error}</Notice>}
      <ul class="plain stack">
        {status.tallies.map((t) => {
          const date = instantToLondon(t.start).date;
          const late = date > current.dueBy;
          const all = t.yes.length === everyone;
          return (
            <li key={t.option} class="card stack" aria-labelledby={`option-${t.option}`}>
              <h3 id={`option-${t.option}`} style="margin:0">
                Option {t.option}: {timeRange(t.start, t.end)} {all && <span class="badge on-track">Everyone can come</span>}
              </h3>
              <p class={late ? "overdue-text" : "muted"}>
                Due by {dayAndDate(current.dueBy)}: {late ? `${countOf(workingDaysBetween(calendar, current.dueBy, date), "working day")} late (${current.lateReason?.reason ?? "reason needed"})` : "in time"}
              </p>
              <Answers label="Can come" people={t.yes} />
              <Answers label="Maybe" people={t.maybe} />
              <Answers label="Cannot come" people={t.no} />
              <Answers label="Not answered yet" people={t.waiting} />
              {confirming === t.option ? (
                <ConfirmTime proposal={current} tally={t} consult={consult} setConsult={setConsult} plan={consultationPlan(entry.child, current.eventKind, t.start, env.settings, calendar, env.today())} busy={busy} error={error} onConfirm={(acknowledged) => void confirm(t, acknowledged)} onBack={() => setConfirming(null)} />
              ) : (
                status.mine && !status.expired && !status.missing.includes(t.option) && (
                  <button type="button" class={all ? "primary" : ""} disabled={busy || confirming !== null || withdrawing} onClick={() => (setError(null), setConfirming(t.option))}>
                    Confirm option {t.option}…
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
      {status.mine && (
        <div class="row">
          <button type="button" onClick={reload} disabled={busy}>Refresh answers</button>
          {withdrawing ? (
            <ConfirmStep
              title="Withdraw these times?"
              what={<p>The {current.candidates.length} held times are cancelled, and everyone below is told they are not needed and that a new time will follow.</p>}
              told={current.invitees.map((i) => ({ name: i.name, address: i.address, ...(i.outside ? { role: "outside the council" } : {}) }))}
              confirmLabel={busy ? "Withdrawing…" : "Withdraw and tell them"}
              busy={busy}
              error={error}
              onConfirm={() => void withdraw()}
              onBack={() => setWithdrawing(false)}
            />
          ) : (
            <button type="button" onClick={() => (setError(null), setWithdrawing(true))} disabled={busy || confirming !== null}>
              {status.expired ? "Withdraw and propose again…" : "Withdraw these times…"}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Answers({ label, people }: { label: string; people: readonly PersonAnswer[] }) {
  if (people.length === 0) return null;
  return (
    <p>
      <strong>{label} ({people.length}):</strong> {people.map((p) => `${p.name}${p.how === "reply" ? " (by email)" : ""}`).join(", ")}
    </p>
  );
}

/** Before a time is confirmed: what happens, everyone told, the consultation request, and anyone who said they cannot come. */
function ConfirmTime({ proposal, tally, consult, setConsult, plan, busy, error, onConfirm, onBack }: {
  proposal: Proposal; tally: CandidateTally; consult: boolean; setConsult: (on: boolean) => void;
  plan: ReturnType<typeof consultationPlan>; busy: boolean; error: string | null; onConfirm: (declinesAccepted: boolean) => void; onBack: () => void;
}) {
  const others = proposal.candidates.filter((c) => c.option !== tally.option);
  return (
    <ConfirmStep
      title={`Confirm ${timeRange(tally.start, tally.end)}?`}
      what={
        <>
          {tally.no.length > 0 && <Notice kind="error">{namesList(tally.no.map((p) => p.name))} said they cannot come at this time.</Notice>}
          <p>It becomes the booking: the full invitation (agenda, feedback link and QR code{proposal.online ? ", Teams meeting" : ""}) goes to everyone below.</p>
          {others.length > 0 && <p>They are told the other {others.length === 1 ? "time is" : `${others.length} times are`} not needed ({others.map((c) => timeRange(c.start, c.end)).join("; ")}).</p>}
        </>
      }
      told={proposal.invitees.map((i) => ({ name: i.name, address: i.address, ...(i.outside ? { role: "outside the council" } : {}) }))}
      confirmLabel={busy ? "Confirming…" : tally.no.length > 0 ? "Confirm anyway and tell them" : "Confirm and tell them"}
      busy={busy}
      error={error}
      onConfirm={() => onConfirm(tally.no.length > 0)}
      onBack={onBack}
    >
      {plan && (
        <label class="inline">
          <input type="checkbox" checked={consult} onChange={(e) => setConsult(e.currentTarget.checked)} />
          {plan.now ? "Send the consultation request today" : `Schedule the consultation request for ${dayAndDate(plan.sendOn)}`} to {namesList(plan.to.map((t) => t.name))}
        </label>
      )}
    </ConfirmStep>
  );
}
