import type { IsoDate } from "../calendar/isoDate.js";
import { assessTimescale, type DueStatus, type HeldEvent, type NextEvent, type TimescaleAssessment, type TimescaleOptions } from "../timescales/assessTimescale.js";
import type { TimescaleCase } from "../timescales/timescaleCase.js";
import { meetingRecords, type RecordDue } from "../records/meetingRecords.js";
import type { EarlyReview } from "../timescales/timescaleCase.js";
import type { ChildCase } from "./childCase.js";

/**
 * What the caseload shows for a child: overdue, due soon, booked (a booking is in the diary on or
 * before the due-by date), booked late (the booking is after it) or on track.
 */
export type ChildStatus = DueStatus | "booked" | "booked-late" | "invalid" | "unsupported";

export interface ChildNext extends NextEvent {
  readonly track: "lac" | "cp";
  /** The date of the booking for this event in the chair's calendar, in time or not. */
  readonly bookedOn: IsoDate | null;
}

export interface ChildAssessment {
  readonly child: ChildCase;
  readonly lac: TimescaleAssessment | null;
  readonly cp: TimescaleAssessment | null;
  /** The soonest next event across the child's episodes. */
  readonly next: ChildNext | null;
  readonly status: ChildStatus;
  /** The decisions and full record of the child's latest review and conference not yet sent, with their due-by dates. */
  readonly minutesDue: readonly MinutesDue[];
}

/** A document of one of the child's meetings still to go out. */
export interface MinutesDue extends RecordDue {
  readonly track: "lac" | "cp";
  readonly event: HeldEvent["event"];
  readonly number: number;
  readonly held: IsoDate;
}

/** The child's open episodes as timescale cases: the looked-after one (or short breaks) and the CP plan. */
export function childTimescales(child: ChildCase): { lac: TimescaleCase | null; cp: TimescaleCase | null } {
  const lac = child.lac;
  const cp = child.cp;
  return {
    lac: lac
      ? { track: lac.shortBreaks ? "short-breaks" : "lac", nation: child.nation, periodStart: lac.periodStart, reviews: lac.reviews.map((r) => r.held), ended: lac.ended, earlyReviews: lac.earlyReviews ?? ([] as EarlyReview[]) }
      : null,
    cp: cp
      ? { track: "cp", nation: child.nation, strategyDiscussions: cp.strategyDiscussions, icpc: cp.icpc, reviews: cp.reviews.map((r) => r.held), ended: cp.ended }
      : null,
  };
}

/**
 * The next statutory event of a child and its status on `today`. `bookedOn(kind)` says the date a
 * booking for that event ("lac-review 3") is in the diary, if any. A booking on or before the
 * due-by date makes a not-yet-overdue child "booked". A booking after the due-by date makes the
 * child "booked-late", whether or not the due-by date has passed yet: the review will be out of
 * timescale (Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33; for
 * conferences, Working Together to Safeguard Children 2023, ch. 4) and is counted as late, never
 * as on track. An overdue child with nothing booked stays overdue.
 *
 * A child in care since 05/01/2026, reviewed on 29/01/2026 (review 2 due by 29/04/2026): on
 * 02/03/2026 with review 2 booked for 20/04/2026 they are "booked"; booked for 30/04/2026 they are
 * "booked-late"; on 30/04/2026 with nothing booked, "overdue".
 */
export function assessChild(
  child: ChildCase,
  today: IsoDate,
  options: TimescaleOptions,
  bookedOn: (eventKind: string) => IsoDate | null = () => null,
): ChildAssessment {
  const cases = childTimescales(child);
  const lac = cases.lac ? assessTimescale(cases.lac, today, options) : null;
  const cp = cases.cp ? assessTimescale(cases.cp, today, options) : null;
  const candidates = [
    ...(lac?.next ? [{ track: "lac" as const, next: lac.next, status: lac.status }] : []),
    ...(cp?.next ? [{ track: "cp" as const, next: cp.next, status: cp.status }] : []),
  ].sort((a, b) => (a.next.dueBy < b.next.dueBy ? -1 : a.next.dueBy > b.next.dueBy ? 1 : 0));
  const soonest = candidates[0];
  const minutesDue = [...latestMinutes(child, "lac", lac, today, options), ...latestMinutes(child, "cp", cp, today, options)];
  if (!soonest) {
    const statuses = [lac?.status, cp?.status];
    return { child, lac, cp, next: null, status: statuses.includes("invalid") ? "invalid" : statuses.includes("unsupported") ? "unsupported" : "closed", minutesDue };
  }
  const booked = bookedOn(`${soonest.next.event} ${soonest.next.number}`);
  const status: ChildStatus =
    booked !== null && booked > soonest.next.dueBy ? "booked-late" : soonest.status === "overdue" ? "overdue" : booked !== null ? "booked" : soonest.status;
  return { child, lac, cp, next: { ...soonest.next, track: soonest.track, bookedOn: booked }, status, minutesDue };
}

/**
 * The documents of the latest meeting of an episode that have not gone out: what the chair has to
 * send next. Earlier meetings are history (the figures count them), not a to-do.
 */
function latestMinutes(child: ChildCase, track: "lac" | "cp", assessment: TimescaleAssessment | null, today: IsoDate, options: TimescaleOptions): MinutesDue[] {
  const last = assessment?.history[assessment.history.length - 1];
  if (!last) return [];
  const sent = track === "cp" && last.event === "icpc" ? (child.cp?.icpcMinutes ?? {}) : ((track === "lac" ? child.lac?.reviews : child.cp?.reviews)?.find((r) => r.held === last.held) ?? {});
  return meetingRecords(last.held, sent, options.local.records[track], options.calendarFor(child.nation), today)
    .filter((r) => r.sent === null)
    .map((r) => ({ ...r, track, event: last.event, number: last.number, held: last.held }));
}
