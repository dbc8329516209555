import type { CaseloadEntry } from "../app/loadCaseload.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import type { Dispute } from "../domain/disputes/dispute.js";
import { disputeClock, DEFAULT_LADDER } from "../domain/disputes/dispute.js";
import type { WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import { meetingName } from "../domain/timescales/ruleSets.js";
import { CHILD_TRACKS } from "../domain/caseload/childCase.js";
import { RagBadge } from "./RagBadge.js";

/** A child's history: every review and conference held and whether it was in time, the RAG history, and disputes. */
export function ChildDetail({ entry, disputes, today, calendar }: { entry: CaseloadEntry; disputes: readonly Dispute[]; today: IsoDate; calendar: WorkingCalendar }) {
  const history = CHILD_TRACKS.flatMap((track) => entry[track]?.history ?? []).sort((a, b) => (a.held < b.held ? 1 : -1));
  return (
    <section aria-labelledby="child-history" class="stack">
      <h3 id="child-history">History</h3>
      {history.length === 0 ? (
        <p class="muted">No reviews or conferences held yet.</p>
      ) : (
        <table class="grid" style="width:100%">
          <caption class="visually-hidden">Reviews and conferences held</caption>
          <thead>
            <tr>
              <th scope="col">Held</th>
              <th scope="col">What</th>
              <th scope="col">Due by</th>
              <th scope="col">In time?</th>
            </tr>
          </thead>
          <tbody>
            {history.slice(0, 12).map((h) => (
              <tr key={h.event + h.number + h.held}>
                <td>{formatUkDate(h.held)}</td>
                <td>{meetingName(h.event, h.number)}</td>
                <td>{formatUkDate(h.dueBy)}</td>
                <td class={h.inTime ? "" : "overdue-text"}>{h.inTime ? "Yes" : "No: late"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>RAG history</h3>
      {entry.child.rag.length === 0 ? (
        <p class="muted">No RAG ratings recorded.</p>
      ) : (
        <ul class="plain">
          {[...entry.child.rag].reverse().slice(0, 6).map((r) => (
            <li key={r.date}>
              {formatUkDate(r.date)} <RagBadge rating={r.rating} /> {r.reason}
            </li>
          ))}
        </ul>
      )}
      <h3>Disputes</h3>
      {disputes.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="plain">
          {disputes.map((d) => {
            const clock = disputeClock(d, today, calendar);
            return (
              <li key={d.id}>
                {d.id}: {d.theme}, stage {d.stage + 1} ({DEFAULT_LADDER[d.stage]?.name}). <span class={clock.overdue ? "overdue-text" : ""}>{clock.words}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
