import type { IsoDate } from "../calendar/isoDate.js";
import { assessTimescale, type DueStatus, type HeldEvent, type NextEvent, type TimescaleAssessment, type TimescaleOptions } from "../timescales/assessTimescale.js";
import type { TimescaleCase } from "../timescales/timescaleCase.js";
import { meetingRecords, type MinutesSent, type RecordDue } from "../records/meetingRecords.js";
import type { RecordDeadlines } from "../timescales/localTimescales.js";
import { isInitialConference } from "../timescales/ruleSets.js";
import type { EarlyReview } from "../timescales/timescaleCase.js";
import { CHILD_TRACKS, reviewsOf, type ChildCase, type ChildTrack } from "./childCase.js";

/**
 * What the caseload shows for a child: overdue, due soon, booked (a booking is in the diary on or
 * before the due-by date), booked late (the booking is after it) or on track.
 */
export type ChildStatus = DueStatus | "booked" | "booked-late" | "invalid" | "unsupported";

export interface ChildNext extends NextEvent {
  readonly track: ChildTrack;
  /** Working days from the day it was worked out on to the due-by date (negative when overdue): its track's assessment's count. */
  readonly workingDaysLeft: number;
  /** The date of the booking for this event in the chair's calendar, in time or not. */
  readonly bookedOn: IsoDate | null;
}

export interface ChildAssessment {
  readonly child: ChildCase;
  readonly lac: TimescaleAssessment | null;
  readonly cp: TimescaleAssessment | null;
  readonly adoption: TimescaleAssessment | null;
  readonly secure: TimescaleAssessment | null;
  /** The soonest next event across the child's episodes. */
  readonly next: ChildNext | null;
  readonly status: ChildStatus;
  /** The decisions and full record of the child's latest review and conference not yet sent, with their due-by dates. */
  readonly minutesDue: readonly MinutesDue[];
}

/** A document of one of the child's meetings still to go out. */
export interface MinutesDue extends RecordDue {
  readonly track: ChildTrack;
  readonly event: HeldEvent["event"];
  readonly number: number;
  readonly held: IsoDate;
}

/**
 * The child's episodes as timescale cases: the looked-after one (or short breaks), the CP plan
 * (with the s.47 start, a transfer-in or pre-birth conference where the case has them), the
 * placement for adoption and the secure accommodation.
 */
export function childTimescales(child: ChildCase): Readonly<Record<ChildTrack, TimescaleCase | null>> {
  const { lac, cp, adoption, secure } = child;
  const held = (reviews: readonly { held: IsoDate }[]) => reviews.map((r) => r.held);
  return {
    lac: lac
      ? { track: lac.shortBreaks ? "short-breaks" : "lac", nation: child.nation, periodStart: lac.periodStart, reviews: held(lac.reviews), ended: lac.ended, earlyReviews: lac.earlyReviews ?? ([] as EarlyReview[]) }
      : null,
    cp: cp
      ? {
          track: "cp",
          nation: child.nation,
          strategyDiscussions: cp.strategyDiscussions,
          s47Discussion: cp.s47Discussion ?? null,
          s47Start: cp.s47Start ?? null,
          transferIn: cp.transferIn ?? null,
          preBirth: cp.preBirth === true,
          born: cp.born ?? null,
          icpc: cp.icpc,
          reviews: held(cp.reviews),
          ended: cp.ended,
        }
      : null,
    adoption: adoption ? { track: "adoption", nation: child.nation, placed: adoption.placed, reviews: held(adoption.reviews), ended: adoption.ended } : null,
    secure: secure ? { track: "secure", nation: child.nation, placed: secure.placed, reviews: held(secure.reviews), ended: secure.ended } : null,
  };
}

/**
 * The next statutory event of a child and its status on `today`. `bookedOn(kind)` says the date a
 * booking for that event ("lac-review 3") is in the diary, if any. A booking on or before the
 * due-by date makes a not-yet-overdue child "booked". A booking after the due-by date makes the
 * child "booked-late", whether or not the due-by date has passed yet: the review will be out of
 * timescale (Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33; for
 * conferences, Working Together to Safeguard Children 2023, ch. 4) and is counted as late, never
 * as on track. An overdue child with nothing booked stays overdue. While a child is placed for
 * adoption their reviews are the adoption reviews (Adoption Agencies Regulations 2005, reg. 36(3)):
 * the looked after review is not also due. Secure accommodation reviews (Children (Secure
 * Accommodation) Regulations 1991, reg. 15) run alongside the others.
 *
 * A child in care since 05/01/2026, reviewed on 29/01/2026 (review 2 due by 29/04/2026): on
 * 02/03/2026 with review 2 booked for 20/04/2026 they are "booked"; booked for 30/04/2026 they are
 * "booked-late"; on 30/04/2026 with nothing booked, "overdue". Placed for adoption on Mon
 * 02/03/2026, the same child's next event is adoption review 1, due by Mon 30/03/2026 (4 weeks).
 */
export function assessChild(
  child: ChildCase,
  today: IsoDate,
  options: TimescaleOptions,
  bookedOn: (eventKind: string) => IsoDate | null = () => null,
): ChildAssessment {
  const cases = childTimescales(child);
  const assess = (track: ChildTrack) => {
    const c = cases[track];
    return c ? assessTimescale(c, today, options) : null;
  };
  const byTrack = { lac: assess("lac"), cp: assess("cp"), adoption: assess("adoption"), secure: assess("secure") };
  const placedForAdoption = (byTrack.adoption?.next ?? null) !== null;
  let soonest: { track: ChildTrack; next: NextEvent; status: TimescaleAssessment["status"]; workingDaysLeft: number } | undefined;
  for (const track of CHILD_TRACKS) {
    const a = byTrack[track];
    if (!a?.next || (track === "lac" && placedForAdoption)) continue;
    if (!soonest || a.next.dueBy < soonest.next.dueBy) soonest = { track, next: a.next, status: a.status, workingDaysLeft: a.workingDaysLeft! };
  }
  const minutesDue = CHILD_TRACKS.flatMap((track) => latestMinutes(child, track, byTrack[track], today, options));
  if (!soonest) {
    const statuses = CHILD_TRACKS.map((t) => byTrack[t]?.status);
    return { child, ...byTrack, next: null, status: statuses.includes("invalid") ? "invalid" : statuses.includes("unsupported") ? "unsupported" : "closed", minutesDue };
  }
  const booked = bookedOn(`${soonest.next.event} ${soonest.next.number}`);
  const status: ChildStatus =
    booked !== null && booked > soonest.next.dueBy ? "booked-late" : soonest.status === "overdue" ? "overdue" : booked !== null ? "booked" : (soonest.status as DueStatus);
  return { child, ...byTrack, next: { ...soonest.next, track: soonest.track, workingDaysLeft: soonest.workingDaysLeft, bookedOn: booked }, status, minutesDue };
}

/** The decisions and full record deadlines of a track's meetings: the reviews an IRO chairs use the looked after children's. */
export function recordDeadlinesFor(track: ChildTrack, options: TimescaleOptions): RecordDeadlines[keyof RecordDeadlines] {
  return options.local.records[track === "cp" ? "cp" : "lac"];
}

/** When a held meeting's decisions and record went out: an initial conference's on the CP episode, every other meeting's on its review. */
function minutesOf(child: ChildCase, track: ChildTrack, event: HeldEvent["event"], held: IsoDate): MinutesSent {
  if (track === "cp" && isInitialConference(event)) return child.cp?.icpcMinutes ?? {};
  return reviewsOf(child, track).find((r) => r.held === held) ?? {};
}

/**
 * The documents of the latest meeting of an episode that have not gone out: what the chair has to
 * send next. Earlier meetings are history (the figures count them), not a to-do.
 */
function latestMinutes(child: ChildCase, track: ChildTrack, assessment: TimescaleAssessment | null, today: IsoDate, options: TimescaleOptions): MinutesDue[] {
  const last = assessment?.history[assessment.history.length - 1];
  if (!last) return [];
  return meetingRecords(last.held, minutesOf(child, track, last.event, last.held), recordDeadlinesFor(track, options), options.calendarFor(child.nation), today)
    .filter((r) => r.sent === null)
    .map((r) => ({ ...r, track, event: last.event, number: last.number, held: last.held }));
}
