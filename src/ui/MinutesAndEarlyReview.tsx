import { useState } from "preact/hooks";
import type { CaseloadEntry } from "../app/loadCaseload.js";
import { markMinutesSent } from "../app/markMinutesSent.js";
import { clearRecordReminder } from "../app/recordReminder.js";
import { RecordReminder } from "./proposals/RecordReminder.js";
import { requestEarlyReview } from "../app/requestEarlyReview.js";
import type { MinutesDue } from "../domain/caseload/assessChild.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import { RECORD_WORDS } from "../domain/records/meetingRecords.js";
import { meetingName } from "../domain/timescales/ruleSets.js";
import { EARLY_REVIEW_REASONS, EARLY_REVIEW_WORDS, type EarlyReviewReason } from "../domain/timescales/timescaleCase.js";
import type { StoredCase } from "../ports/CaseStore.js";
import type { PaneEnv } from "./env.js";
import { dayAndDate } from "./format.js";
import { errorText, Notice } from "./Notice.js";

/** "Full record of LAC review 3 due by Thu 12/03/2026 (late)": for the caseload list and this panel. */
export function minutesDueWords(m: MinutesDue): string {
  return `${RECORD_WORDS[m.kind]} of ${meetingName(m.event, m.number)} due by ${dayAndDate(m.dueBy)}${m.late ? " (late)" : ""}`;
}

/**
 * What the chair still has to send for the child's latest meetings (decisions and full record,
 * against the service's deadlines), each marked sent with one press; and a request for an early
 * review recorded on the case (reg. 33(3)), which brings the next review's due-by date forward.
 */
export function MinutesAndEarlyReview({ env, entry, onSaved }: { env: PaneEnv; entry: CaseloadEntry; onSaved: (saved: StoredCase) => void }) {
  const [reason, setReason] = useState<EarlyReviewReason>("iro-request");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (change: () => Promise<StoredCase>) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await change());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  // A full record sent: its reminder leaves the calendar too (a reminder that cannot be removed is left, not an error).
  const markSent = (m: MinutesDue) =>
    save(async () => {
      const saved = await markMinutesSent(env.cases, entry.stored, { track: m.track, held: m.held }, m.kind, env.today());
      if (m.kind === "record") await clearRecordReminder(env.reminders, entry.child.ref, m.event, m.number).catch(() => 0);
      return saved;
    });
  const lacNext = entry.lac?.next;
  return (
    <section aria-labelledby="minutes-title" class="stack">
      <h3 id="minutes-title">Decisions and records to send</h3>
      {entry.minutesDue.length === 0 ? (
        <p class="muted">Nothing to send for the latest meetings.</p>
      ) : (
        <ul class="plain stack">
          {entry.minutesDue.map((m) => (
            <li key={`${m.track}${m.kind}`} class="row">
              <span class={m.late ? "overdue-text" : ""}>{minutesDueWords(m)}</span>
              <button type="button" disabled={busy} aria-label={`Mark as sent today: ${RECORD_WORDS[m.kind].toLowerCase()} of ${meetingName(m.event, m.number)}`} onClick={() => markSent(m)}>
                Mark as sent today
              </button>
              {m.kind === "record" && <RecordReminder env={env} entry={entry} minutes={m} />}
            </li>
          ))}
        </ul>
      )}
      {/* Early reviews bring a looked after review forward: while a child is placed for adoption their reviews are the adoption reviews. */}
      {entry.child.lac && !entry.child.lac.ended && !(entry.child.adoption && !entry.child.adoption.ended) && (
        <>
          <h3>Early review</h3>
          {lacNext?.early && (
            <p>
              {meetingName(lacNext.event, lacNext.number)} is brought forward to {formatUkDate(lacNext.dueBy)}: {EARLY_REVIEW_WORDS[lacNext.early as EarlyReviewReason] ?? lacNext.early}.
            </p>
          )}
          <label for="early-reason">Why the next review should be held early</label>
          <select id="early-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as EarlyReviewReason)}>
            {EARLY_REVIEW_REASONS.map((r) => <option key={r} value={r}>{EARLY_REVIEW_WORDS[r]}</option>)}
          </select>
          <button type="button" disabled={busy} onClick={() => save(() => requestEarlyReview(env.cases, entry.stored, { requested: env.today(), reason }))}>
            Record the request (today)
          </button>
        </>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}
