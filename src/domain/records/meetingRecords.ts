import { addWorkingDays } from "../calendar/addWorkingDays.js";
import { withReviews, type ChildCase, type ChildTrack, type HeldReview } from "../caseload/childCase.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";
import type { RecordDeadlines } from "../timescales/localTimescales.js";

/** When a meeting's decisions and full record went out: from the chair's sent email, or marked by hand. */
export interface MinutesSent {
  readonly decisionsSent?: IsoDate;
  readonly recordSent?: IsoDate;
}

export type RecordKind = "decisions" | "record";

export const RECORD_WORDS: Readonly<Record<RecordKind, string>> = { decisions: "Decisions", record: "Full record" };

/** One of a meeting's two documents: when it is due, when it went, whether it is (or was) late. */
export interface RecordDue {
  readonly kind: RecordKind;
  /** Inclusive: sent on this date is in time. */
  readonly dueBy: IsoDate;
  readonly sent: IsoDate | null;
  /** Sent after the due-by date, or not sent and today is after it. */
  readonly late: boolean;
}

/**
 * The decisions and full record of a meeting held on `held`, against the service's deadlines in
 * working days (local procedure; domain.md gives the common ones). A meeting held on Thu
 * 24/12/2026 whose decisions are due within 1 working day has them due by Tue 29/12/2026 (Christmas
 * Day and the substitute Boxing Day skipped).
 */
export function meetingRecords(held: IsoDate, sent: MinutesSent, deadlines: RecordDeadlines[keyof RecordDeadlines], calendar: WorkingCalendar, today: IsoDate): RecordDue[] {
  return (["decisions", "record"] as const).map((kind) => {
    const dueBy = addWorkingDays(calendar, held, workingDays(deadlines[kind]));
    const at = (kind === "decisions" ? sent.decisionsSent : sent.recordSent) ?? null;
    return { kind, dueBy, sent: at, late: at ? at > dueBy : today > dueBy };
  });
}

/** Which meeting of a child's, by its episode and the date held: a review, or a CP conference (the initial one or a review conference). */
export interface MeetingRef {
  readonly track: ChildTrack;
  readonly held: IsoDate;
}

/**
 * The child's case with a meeting's decisions or full record marked as sent on `on`. An initial
 * conference's dates are kept on the CP episode, every other meeting's on the review held that day. A meeting
 * the case does not hold is left as it is.
 */
export function withMinutesSent(child: ChildCase, meeting: MeetingRef, kind: RecordKind, on: IsoDate): ChildCase {
  const field = kind === "decisions" ? "decisionsSent" : "recordSent";
  const mark = <T extends MinutesSent>(m: T): T => ({ ...m, [field]: on });
  const inReviews = (reviews: readonly HeldReview[]) => reviews.map((r) => (r.held === meeting.held ? mark(r) : r));
  const cp = child.cp;
  if (meeting.track === "cp" && cp && cp.icpc === meeting.held) return { ...child, cp: { ...cp, icpcMinutes: mark(cp.icpcMinutes ?? {}) } };
  return withReviews(child, meeting.track, inReviews);
}
