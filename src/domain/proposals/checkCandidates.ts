import type { IsoDate } from "../calendar/isoDate.js";
import { instantToLondon, type Instant } from "../calendar/londonTime.js";
import { ukDayAndDate, ukTimeRange } from "../calendar/ukTimes.js";

export interface CandidateCheck {
  /** What stops these times being proposed, in words for the IRO. */
  readonly problems: readonly string[];
  /** Times after the due-by date: the proposal needs a late reason (the review would be out of timescale). */
  readonly late: readonly Instant[];
}

/**
 * Whether two or three times can be proposed: none sooner than the minimum notice allows
 * (`earliest`, the first day after it), no two overlapping. A time after the due-by date is allowed
 * only with a reason (`late` lists them), as for any late booking.
 *
 * With the review due by 29/04/2026 and notice running to Mon 09/03/2026, Tue 10/03 10:00 and
 * Wed 11/03 14:00 can be proposed; Fri 06/03 cannot ("sooner than the minimum notice").
 */
export function checkCandidates(times: readonly { readonly start: Instant; readonly end: Instant }[], earliest: IsoDate, dueBy: IsoDate): CandidateCheck {
  const problems: string[] = [];
  if (times.length < 2 || times.length > 3) problems.push(`Choose two or three times to propose (${times.length} chosen).`);
  for (const t of times) {
    if (instantToLondon(t.start).date < earliest) problems.push(`${ukTimeRange(t.start, t.end)} is sooner than the minimum notice allows: choose a time from ${ukDayAndDate(earliest)}.`);
  }
  times.forEach((a, i) =>
    times.slice(i + 1).forEach((b) => {
      if (a.start < b.end && b.start < a.end) problems.push(`${ukTimeRange(a.start, a.end)} and ${ukTimeRange(b.start, b.end)} overlap: choose times that do not.`);
    }),
  );
  return { problems, late: times.filter((t) => instantToLondon(t.start).date > dueBy).map((t) => t.start) };
}
