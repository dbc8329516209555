import { useEffect, useState } from "preact/hooks";
import { calendarsFor } from "../app/timescaleOptions.js";
import { confirmSentRatings, forgetRating, type PendingRating, type RecordedRating } from "../app/ragOnSend.js";
import { formatClock, instantToLondon } from "../domain/calendar/londonTime.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import type { PaneEnv } from "./env.js";
import { countOf } from "./format.js";
import { errorText, Notice } from "./Notice.js";

const word = (r: string) => r.charAt(0).toUpperCase() + r.slice(1);

/**
 * RAG ratings waiting on this device for their email to be sent: checked against Sent Items when
 * the pane opens (and after `round` changes), those sent are recorded on the child's case and said
 * so; the rest are listed, each with a way to forget it. Shows nothing when nothing is waiting.
 */
export function SentRatings({ env, round = 0, onRecorded }: { env: PaneEnv; round?: number; onRecorded?: () => void }) {
  const [recorded, setRecorded] = useState<readonly RecordedRating[]>([]);
  const [waiting, setWaiting] = useState<readonly PendingRating[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    confirmSentRatings({ mail: env.mail, cases: env.cases, drafts: env.drafts }, calendarsFor(env.settings), abort.signal).then(
      (outcome) => {
        if (abort.signal.aborted) return;
        setRecorded(outcome.recorded);
        setWaiting(outcome.waiting);
        setError(null);
        if (outcome.recorded.length > 0) onRecorded?.();
      },
      (e: unknown) => !abort.signal.aborted && setError(`Ratings waiting for their email could not be checked against your Sent Items: ${errorText(e)}`),
    );
    return () => abort.abort();
  }, [env, round]);
  return (
    <>
      {recorded.length > 0 && (
        <Notice kind="success">
          Recorded from your Sent Items: {recorded.map((r) => `${word(r.rating)} for ref ${r.ref}, sent ${formatUkDate(r.sentOn)}`).join("; ")}.
        </Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {waiting.length > 0 && (
        <section aria-labelledby="waiting-title" class="card">
          <h2 id="waiting-title" style="margin-top:0">Waiting for their email to be sent</h2>
          <ul class="plain">
            {waiting.map((p) => {
              const at = instantToLondon(p.inserted);
              return (
                <li key={p.id} class="row">
                  <span>
                    {word(p.rag.rating)} for ref {p.ref}, inserted {formatUkDate(at.date)} {formatClock(at.minutes)}
                  </span>
                  <button type="button" aria-label={`Forget the ${p.rag.rating} rating for ref ${p.ref}`} onClick={() => (forgetRating(env.drafts, p.id), setWaiting((w) => w.filter((x) => x.id !== p.id)))}>
                    Forget
                  </button>
                </li>
              );
            })}
          </ul>
          <p class="muted">
            Each goes on the child's RAG history, dated the day it was sent, once IRO Desk sees its email in your Sent Items (checked whenever IRO Desk opens). An email discarded
            unsent records nothing; a rating waiting {countOf(env.settings.draftKeepDays, "day")} is forgotten.
          </p>
        </section>
      )}
    </>
  );
}
