import type { IsoDate } from "../calendar/isoDate.js";
import { assessTimescale, type DueStatus, type NextEvent, type TimescaleAssessment, type TimescaleOptions } from "../timescales/assessTimescale.js";
import type { TimescaleCase } from "../timescales/timescaleCase.js";
import type { ChildCase } from "./childCase.js";

/** What the caseload shows for a child: overdue, due soon, booked (a booking is in the diary in time) or on track. */
export type ChildStatus = DueStatus | "booked" | "invalid";

export interface ChildNext extends NextEvent {
  readonly track: "lac" | "cp";
  /** A booking for this event, on or before its due-by date, is in the IRO's calendar. */
  readonly bookedOn: IsoDate | null;
}

export interface ChildAssessment {
  readonly child: ChildCase;
  readonly lac: TimescaleAssessment | null;
  readonly cp: TimescaleAssessment | null;
  /** The soonest next event across the child's episodes. */
  readonly next: ChildNext | null;
  readonly status: ChildStatus;
}

/** The child's open episodes as timescale cases: the looked-after one (or short breaks) and the CP plan. */
export function childTimescales(child: ChildCase): { lac: TimescaleCase | null; cp: TimescaleCase | null } {
  const lac = child.lac;
  const cp = child.cp;
  return {
    lac: lac
      ? { track: lac.shortBreaks ? "short-breaks" : "lac", nation: child.nation, periodStart: lac.periodStart, reviews: lac.reviews.map((r) => r.held), ended: lac.ended }
      : null,
    cp: cp
      ? { track: "cp", nation: child.nation, strategyDiscussions: cp.strategyDiscussions, icpc: cp.icpc, reviews: cp.reviews.map((r) => r.held), ended: cp.ended }
      : null,
  };
}

/**
 * The next statutory event of a child and its status on `today`. `bookedOn(kind)` says the date a
 * booking for that event ("lac-review 3") is in the diary, if any: a booking on or before the
 * due-by date makes a not-yet-overdue child "booked". An overdue child stays overdue, booked or not.
 *
 * A child in care since 05/01/2026, reviewed on 29/01/2026, with review 2 booked for 20/04/2026,
 * is "booked" on 02/03/2026 (due by 29/04/2026).
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
  if (!soonest) {
    const invalid = lac?.status === "invalid" || cp?.status === "invalid";
    return { child, lac, cp, next: null, status: invalid ? "invalid" : "closed" };
  }
  const booked = bookedOn(`${soonest.next.event} ${soonest.next.number}`);
  const bookedInTime = booked !== null && booked <= soonest.next.dueBy ? booked : null;
  const status: ChildStatus = soonest.status === "overdue" ? "overdue" : bookedInTime ? "booked" : soonest.status;
  return { child, lac, cp, next: { ...soonest.next, track: soonest.track, bookedOn: booked }, status };
}
