import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { LateReasonNeeded } from "../../app/lateReasons.js";
import { calendarsFor } from "../../app/timescaleOptions.js";
import type { SlotFinding } from "../../app/findSlots.js";
import type { CaseloadEntry } from "../../app/loadCaseload.js";
import { inviteesOf, proposalCouncil, proposeTimes, type ProposeOutcome } from "../../app/proposals/proposeTimes.js";
import { earliestMeetingDay } from "../../domain/scheduling/minimumNotice.js";
import { holdTimes } from "../../domain/proposals/holdTimes.js";
import { hidesAttendeeList, isOutsideCouncil } from "../../domain/scheduling/attendeeList.js";
import { timesToOffer } from "../../domain/proposals/timesToOffer.js";
import type { Slot } from "../../domain/scheduling/rankSlots.js";
import type { StoredCase } from "../../ports/CaseStore.js";
import type { Attendee } from "../../ports/Calendar.js";
import { ConfirmStep } from "../ConfirmStep.js";
import { LateReasonFields } from "../LateReasonFields.js";
import type { PaneEnv } from "../env.js";
import { dayAndDate, timeRange } from "../format.js";
import { errorText, Notice } from "../Notice.js";
import { namesList } from "./namesList.js";

interface Props {
  readonly env: PaneEnv;
  readonly entry: CaseloadEntry;
  readonly finding: SlotFinding;
  /** Everyone invited but the signed-in user. */
  readonly invited: readonly Attendee[];
  readonly chair: { readonly address: string; readonly name: string };
  readonly online: boolean;
  readonly location: string;
  /** The proposal is on the case: the pane shows where it stands. */
  readonly onProposed: (stored: StoredCase) => void;
}

/**
 * Propose two or three times to the family instead of booking one: the best times first (those
 * after the minimum notice), each held as tentative and sent as a meeting request. Nothing is
 * sent until the IRO has seen who will be asked, and how long the times are held.
 */
export function ProposeTimes({ env, entry, finding, invited, chair, online, location, onProposed }: Props) {
  const next = entry.next!;
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const council = proposalCouncil({ stored: entry.stored, chair, organizer: env.me });
  // The service's minimum notice, the longer one when anyone outside the council is asked.
  const anyOutside = invited.some((a) => isOutsideCouncil(a.address, council));
  const notice = anyOutside ? env.settings.minimumNotice.familyOrPartners : env.settings.minimumNotice.staffOnly;
  const earliest = earliestMeetingDay(calendar, env.today(), anyOutside, env.settings.minimumNotice);
  const offered = useMemo(() => timesToOffer(finding.slots, earliest, 5), [finding, earliest]);
  const [chosen, setChosen] = useState<readonly Slot[]>(() => offered.slice(0, 3));
  const [lateReason, setLateReason] = useState("");
  const [lateDetail, setLateDetail] = useState("");
  /** Proposing a time after the due-by date without a reason: refused beside the reason, which takes focus (each refusal anew). */
  const [lateError, setLateError] = useState<{ readonly message: string } | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (lateError) root.current?.querySelector<HTMLElement>("#propose-late-reason")?.focus();
  }, [lateError]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ProposeOutcome | null>(null);
  const ids = useRef({ proposal: crypto.randomUUID(), transactions: [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()] });
  const invitees = inviteesOf(invited, council);
  const hidden = hidesAttendeeList(env.settings.attendeeList, invited, council);
  const ordered = [...chosen].sort((a, b) => offered.indexOf(a) - offered.indexOf(b));
  const late = ordered.some((s) => s.date > next.dueBy);
  const hold = holdTimes(calendar, env.today(), env.settings.holdWorkingDays, next.dueBy, notice);

  // Nothing is asked, let alone sent, until a late time has its reason.
  const ask = () => {
    setError(null);
    if (late && !lateReason) setLateError({ message: new LateReasonNeeded(next.dueBy).message });
    else setAsking(true);
  };
  const toggle = (slot: Slot, on: boolean) => setChosen((before) => (on ? [...before, slot] : before.filter((s) => s !== slot)));
  const propose = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await proposeTimes(
        { holds: env.holds, reminders: env.reminders, cases: env.cases },
        {
          stored: entry.stored, next, organizer: env.me, chair, times: ordered.map((s) => ({ start: s.start, end: s.end })), attendees: invited, online, location,
          lateReason: late ? { reason: lateReason, detail: lateDetail } : null, proposalId: ids.current.proposal, transactionIds: ids.current.transactions, today: env.today(),
        },
        env.settings,
        calendar,
        env.signal,
      );
      setOutcome(result);
      setAsking(false);
    } catch (e) {
      if (e instanceof LateReasonNeeded) (setAsking(false), setLateError({ message: e.message }));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (outcome) {
    const made = outcome.proposal.candidates.length;
    return (
      <section aria-labelledby="proposed-title" class="stack">
        <h3 id="proposed-title">Times proposed</h3>
        <Notice kind={outcome.failed.length > 0 ? "error" : "success"}>
          {made} {made === 1 ? "time is" : "times are"} held in your calendar until {dayAndDate(outcome.proposal.expiresOn)}; meeting requests went to {namesList(outcome.proposal.invitees.map((i) => i.name))}.
          {outcome.failed.map((f) => ` ${timeRange(f.start, f.end)} could not be held: ${errorText(f.error)}`).join("")}
          {"error" in outcome.reminder ? ` The reminder could not be set in your calendar: ${errorText(outcome.reminder.error)}` : ` Your calendar will remind you on ${dayAndDate(outcome.reminder.on)}.`}
        </Notice>
        {outcome.failed.length > 0 && (
          <button type="button" onClick={() => void propose()} disabled={busy}>
            Try the {outcome.failed.length === 1 ? "time" : "times"} not held again
          </button>
        )}
        <button type="button" class="primary" onClick={() => onProposed(outcome.stored)}>See the answers</button>
      </section>
    );
  }

  return (
    <section aria-labelledby="propose-title" class="stack card" ref={root}>
      <h3 id="propose-title" style="margin-top:0">Or propose two or three times</h3>
      <p class="muted">
        Families and partners cannot show their free/busy. Propose times instead: each is held in your calendar and sent as a meeting request they can accept or decline from any email app.
        Times from {dayAndDate(earliest)} ({notice} working days' notice).
      </p>
      {offered.length < 2 ? (
        <p>Fewer than two days before the due-by date have a time that gives enough notice. Choose a shorter meeting, or book one time.</p>
      ) : (
        <fieldset>
          <legend>Times to propose, best first</legend>
          <ul class="plain slots">
            {offered.map((slot) => (
              <li key={slot.start}>
                <label class="inline">
                  <input type="checkbox" name="propose" checked={chosen.includes(slot)} disabled={busy || asking} onChange={(e) => toggle(slot, e.currentTarget.checked)} />
                  <span>
                    {timeRange(slot.start, slot.end)}
                    {slot.date > next.dueBy && <> <span class="badge overdue">After due-by date</span></>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {late && (
        <LateReasonFields
          id="propose-late-reason"
          legend="Why propose a time after the due-by date?"
          reason={lateReason}
          detail={lateDetail}
          error={lateError?.message ?? null}
          onReason={(r) => (setLateReason(r), setLateError(null))}
          onDetail={setLateDetail}
        />
      )}
      {error && !asking && <Notice kind="error">{error}</Notice>}
      {asking ? (
        <ConfirmStep
          title={`Send meeting requests for ${ordered.length} times?`}
          what={
            <>
              <p>{ordered.map((slot) => timeRange(slot.start, slot.end)).join("; ")}: each is held in your calendar as tentative and sent as a meeting request{hidden ? "; each person sees only themselves in it" : ""}.</p>
              <p>
                The times are held until {dayAndDate(hold.expiresOn)}. Your calendar reminds you to confirm one on {dayAndDate(hold.remindOn)}
                {hold.atRisk ? ", early: waiting until the holds expire would leave no time to propose again before the due-by date." : "."}
              </p>
            </>
          }
          told={invitees.map((i) => ({ name: i.name, address: i.address, role: i.outside ? "outside the council: by email, Accept or Decline, no account needed" : "in their own calendar, tentative" }))}
          toldHeading="Asked about these times"
          confirmLabel={busy ? "Sending…" : `Send ${ordered.length} meeting requests`}
          busy={busy}
          error={error}
          onConfirm={() => void propose()}
          onBack={() => setAsking(false)}
        />
      ) : (
        offered.length >= 2 && (
          <button type="button" onClick={ask} disabled={chosen.length < 2 || chosen.length > 3}>
            Propose {chosen.length === 1 ? "1 time" : `these ${chosen.length} times`}…
          </button>
        )
      )}
      {(chosen.length < 2 || chosen.length > 3) && offered.length >= 2 && <p class="muted" aria-live="polite">Choose two or three times.</p>}
    </section>
  );
}
