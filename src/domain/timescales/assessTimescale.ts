import { addWorkingDays } from "../calendar/addWorkingDays.js";
import { workingDaysBetween } from "../calendar/workingDaysBetween.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { NATION_NAMES, type Nation } from "../calendar/nation.js";
import { workingDays, type WorkingCalendar, type WorkingDays } from "../calendar/workingCalendar.js";
import type { LocalTimescales } from "./localTimescales.js";
import { RULE_SETS, ruleSetFor, TRACK_NAMES, type RuleSet, type StatutoryEvent, type TimescaleStage } from "./ruleSets.js";
import { initialConference, type CaseProblem, type EarlyReview, type EarlyReviewReason, type TimescaleCase } from "./timescaleCase.js";
import { deadlineAfter, type Within } from "./within.js";

export type DueStatus = "overdue" | "due-soon" | "on-track" | "closed";

/**
 * Where the initial child protection conference's clock starts. Working Together 2023: the
 * strategy discussion at which the section 47 enquiry was initiated (the default: the one the case
 * names, or the day the enquiry started, or else the first). Some local procedures still count
 * from the last strategy discussion (the 2013–2018 editions' wording).
 */
export const ICPC_ANCHORS = ["s47-strategy-discussion", "last-strategy-discussion"] as const;
export type IcpcAnchor = (typeof ICPC_ANCHORS)[number];

export interface TimescaleOptions {
  readonly calendarFor: (nation: Nation) => WorkingCalendar;
  /** "Due soon" when the due-by date is at most this many working days after today. */
  readonly dueSoon: WorkingDays;
  readonly icpcAnchor: IcpcAnchor;
  /** The service's own timescales where the rules leave them to local procedure. */
  readonly local: LocalTimescales;
  readonly ruleSets?: readonly RuleSet[];
}

export interface HeldEvent {
  readonly event: StatutoryEvent;
  readonly number: number;
  readonly held: IsoDate;
  readonly dueBy: IsoDate;
  readonly inTime: boolean;
  /** Set when the due-by date was brought forward (an early review, a birth after a pre-birth conference). */
  readonly early?: EarlyReason;
}

export interface NextEvent {
  readonly event: StatutoryEvent;
  readonly number: number;
  /** Inclusive: held on this date is in time. */
  readonly dueBy: IsoDate;
  readonly early?: EarlyReason;
}

/** Why a due-by date is earlier than the usual interval gives. */
export type EarlyReason = EarlyReviewReason | "birth";

export interface TimescaleAssessment {
  /** "unsupported": IRO Desk has no rule set for this track in this nation; the data is not wrong (see `reason`). */
  readonly status: DueStatus | "invalid" | "unsupported";
  readonly next: NextEvent | null;
  readonly history: readonly HeldEvent[];
  readonly errors: readonly CaseProblem[];
  /** Set when a rule used is not yet confirmed against its source text. */
  readonly warnings: readonly string[];
  /**
   * Working days from today to the next due-by date in the case's own nation's calendar (negative
   * when overdue, as workingDaysBetween counts them): what "due soon" is judged by. null when nothing is next.
   */
  readonly workingDaysLeft: number | null;
  /** Why the case is unsupported. */
  readonly reason?: string;
}

/** The date the first deadline runs from, and what it is, for messages. */
interface Anchor {
  readonly date: IsoDate;
  readonly field: string;
  readonly label: string;
}

/** What a case's dates give: the anchor, the events held in date order, and how each due-by date may be brought forward. */
interface CaseTimeline {
  readonly anchor: Anchor | undefined;
  readonly held: readonly IsoDate[];
  /** The first event held is the CP initial conference (or transfer-in conference), kept in its own field. */
  readonly firstField: "icpc" | null;
  readonly label: string;
  /** The stages to use: the rule set's, with the first replaced for a transfer-in. */
  readonly stages: (ruleSet: RuleSet) => readonly TimescaleStage[];
  /** An earlier due-by date for the event at this index (0 = the first), with its reason. */
  readonly sooner: (index: number, previous: IsoDate, ruleSet: RuleSet) => { dueBy: IsoDate; early: EarlyReason } | undefined;
  readonly errors: CaseProblem[];
  readonly warnings: string[];
}

/**
 * Which statutory review or conference is next for a case, by when, and how every past one
 * measured up. Each deadline runs from the date the previous event was actually held, not from
 * when it was due (reg. 33, Care Planning, Placement and Case Review (England) Regulations 2010;
 * Working Together to Safeguard Children for CP); an early review asked for (reg. 33(3)) brings the
 * next one forward. `today` is passed in: nothing here reads a clock.
 *
 * A looked after child who came into care on Mon 05/01/2026 and was first reviewed on 29/01/2026:
 * review 1 was due by 02/02/2026 (20 working days) and held in time; review 2 is due by 29/04/2026.
 * With `detail` "next" the history is left empty (a due report that shows only what is next).
 */
export function assessTimescale(c: TimescaleCase, today: IsoDate, options: TimescaleOptions, detail: "history" | "next" = "history"): TimescaleAssessment {
  const ruleSet = ruleSetFor(c.track, c.nation, options.ruleSets ?? RULE_SETS);
  const calendar = options.calendarFor(c.nation);
  const timeline = timelineOf(c, options, calendar, ruleSet?.anchorLabel);
  const dateErrors = checkDates(timeline, c.ended ?? null, today);
  const errors = timeline.errors.length === 0 ? dateErrors : [...timeline.errors, ...dateErrors];
  if (errors.length > 0 || timeline.anchor === undefined) return { status: "invalid", next: null, history: [], errors, warnings: [], workingDaysLeft: null };
  if (!ruleSet) {
    return { status: "unsupported", next: null, history: [], errors: [], warnings: [], workingDaysLeft: null, reason: `IRO Desk has no ${TRACK_NAMES[c.track]} timescales for ${NATION_NAMES[c.nation]} yet` };
  }

  const stages = timeline.stages(ruleSet);
  // Each deadline runs from the previous event held, so the next one needs only the last date:
  // the earlier ones are worked out only when the history is asked for.
  const history: HeldEvent[] = [];
  const held = timeline.held;
  if (detail === "history") {
    held.forEach((date, index) => {
      const d = dueAt(index, index === 0 ? timeline.anchor!.date : held[index - 1]!, stages, timeline, ruleSet, calendar);
      const inTime = date <= d.dueBy;
      history.push(d.early ? { event: d.event, number: d.number, held: date, dueBy: d.dueBy, inTime, early: d.early } : { event: d.event, number: d.number, held: date, dueBy: d.dueBy, inTime });
    });
  }
  const from = held.length > 0 ? held[held.length - 1]! : timeline.anchor.date;
  const next = c.ended ? null : dueAt(held.length, from, stages, timeline, ruleSet, calendar);
  // After every deadline is worked out: a rule used along the way may have added a warning.
  const warnings = ruleSet.confirmed ? timeline.warnings : timeline.warnings.length === 0 ? unconfirmed(ruleSet) : [...unconfirmed(ruleSet), ...timeline.warnings];
  if (!next) return { status: "closed", next: null, history, errors: [], warnings, workingDaysLeft: null };
  const workingDaysLeft = workingDaysBetween(calendar, today, next.dueBy);
  return { status: dueStatus(next.dueBy, today, workingDaysLeft, options.dueSoon), next, history, errors: [], warnings, workingDaysLeft };
}

/**
 * The warning a rule set not yet read from its source carries: one list per rule set, however many
 * cases use it (shared and frozen: the results of a million cases need not each have a copy).
 */
const warningOf = new WeakMap<RuleSet, readonly string[]>();
function unconfirmed(ruleSet: RuleSet): readonly string[] {
  let warning = warningOf.get(ruleSet);
  if (warning === undefined) {
    warning = Object.freeze([`The ${NATION_NAMES[ruleSet.nation]} ${TRACK_NAMES[ruleSet.track]} timescales are not yet confirmed (${ruleSet.source}): check them before relying on them.`]);
    warningOf.set(ruleSet, warning);
  }
  return warning;
}

/**
 * overdue when today is after the due-by date (a weekend due-by date is overdue on the Sunday,
 * with no working day between); due-soon when at most `dueSoon` working days are left (the count
 * people see as "working days left"); otherwise on-track.
 * dueStatus("2026-06-29", "2026-06-15", 10, 10) = "due-soon" (10 working days left in England).
 */
function dueStatus(dueBy: IsoDate, today: IsoDate, workingDaysLeft: number, dueSoon: WorkingDays): DueStatus {
  if (today > dueBy) return "overdue";
  return workingDaysLeft <= dueSoon ? "due-soon" : "on-track";
}

/**
 * The day the initial child protection conference's 15 working days run from (Working Together
 * 2023): the strategy discussion the case names as the one that started the section 47 enquiry,
 * else the day the enquiry started, else the first strategy discussion before the conference; or,
 * where the service's procedure counts from the last, the last strategy discussion before it.
 * Strategy discussions after the conference belong to later enquiries.
 *
 * icpcAnchorDate({ strategyDiscussions: ["2026-02-02", "2026-02-09"], icpc: "2026-02-27" }, "s47-strategy-discussion") = "2026-02-02".
 */
export function icpcAnchorDate(
  cp: { readonly strategyDiscussions: readonly IsoDate[]; readonly icpc?: IsoDate | null; readonly s47Discussion?: IsoDate | null; readonly s47Start?: IsoDate | null },
  anchor: IcpcAnchor,
): IsoDate | undefined {
  const discussions = [...cp.strategyDiscussions].sort();
  const before = cp.icpc ? discussions.filter((d) => d <= cp.icpc!) : discussions;
  if (anchor === "last-strategy-discussion") return before[before.length - 1] ?? cp.s47Start ?? undefined;
  return cp.s47Discussion ?? cp.s47Start ?? before[0];
}

/**
 * The event at this index of a case's timeline (0 = the first after the anchor) and its due-by
 * date from the previous one held, brought forward when the timeline says so. Stages past the
 * last repeat it. (Plain arguments, not closures made per case: a million cases pass here.)
 */
function dueAt(index: number, previous: IsoDate, stages: readonly TimescaleStage[], timeline: CaseTimeline, ruleSet: RuleSet, calendar: WorkingCalendar): NextEvent {
  const at = Math.min(index, stages.length - 1);
  const stage = stages[at]!;
  const usual = deadlineAfter(calendar, previous, stage.within);
  const sooner = timeline.sooner(index, previous, ruleSet);
  // Events of one kind are consecutive (an ICPC, then review conferences), so an event's number counts from the first stage of its kind.
  let first = at;
  while (first > 0 && stages[first - 1]!.event === stage.event) first--;
  const number = index - first + 1;
  return sooner && sooner.dueBy < usual ? { event: stage.event, number, dueBy: sooner.dueBy, early: sooner.early } : { event: stage.event, number, dueBy: usual };
}

/** Dates in order: most lists already are, and are then used as they are. */
function sortDates(dates: readonly IsoDate[]): readonly IsoDate[] {
  for (let i = 1; i < dates.length; i++) if (dates[i]! < dates[i - 1]!) return [...dates].sort();
  return dates;
}
const noSooner = () => undefined;
const ownStages = (ruleSet: RuleSet) => ruleSet.stages;

/** The anchor, the events held since, and what can bring a deadline forward, by track. */
function timelineOf(c: TimescaleCase, options: TimescaleOptions, calendar: WorkingCalendar, anchorLabel = "the strategy discussion"): CaseTimeline {
  const reviews = sortDates(c.reviews);
  const simple = (date: IsoDate, field: string, label: string): CaseTimeline => ({
    anchor: { date, field, label },
    held: reviews,
    firstField: null,
    label: "review",
    stages: ownStages,
    sooner: noSooner,
    errors: [],
    warnings: [],
  });
  switch (c.track) {
    case "lac":
    case "short-breaks":
      return earlyReviews(simple(c.periodStart, "periodStart", "the start of the period of care"), c.earlyReviews ?? [], options, calendar);
    case "foster-carer":
      return simple(c.approved, "approved", "the carer’s approval");
    case "adoption":
      return simple(c.placed, "placed", "the placement for adoption");
    case "secure":
      return simple(c.placed, "placed", "the placement in secure accommodation");
    case "cp":
      return cpTimeline(c, options, calendar, reviews, anchorLabel);
  }
}

/**
 * Requests for an early review, each answered by the first review held on or after the day it was
 * recorded: until then the next review is due by the request's own deadline if that is sooner (the
 * service's `earlyReviewWorkingDays`; after a placement with a parent before the assessment is
 * complete, the nation's statutory 10 working days where it sets them).
 */
function earlyReviews(base: CaseTimeline, requests: readonly EarlyReview[], options: TimescaleOptions, calendar: WorkingCalendar): CaseTimeline {
  if (requests.length === 0) return base;
  const errors = [...base.errors];
  const warnings = [...base.warnings];
  const start = base.anchor!.date;
  for (const r of requests) {
    if (r.requested < start) errors.push({ field: "earlyReviews", reason: `the early review asked for on ${formatUkDate(r.requested)} is before ${base.anchor!.label} (${formatUkDate(start)})` });
  }
  const deadline = (r: EarlyReview, ruleSet: RuleSet) => {
    const statutory = r.reason === "placed-with-parents" ? ruleSet.placedWithParents : undefined;
    return statutory ? deadlineAfter(calendar, r.requested, statutory.within) : addWorkingDays(calendar, r.requested, workingDays(options.local.earlyReviewWorkingDays));
  };
  return {
    ...base,
    errors,
    warnings,
    sooner: (index, previous, ruleSet) => {
      const since = index === 0 ? start : previous;
      // A request on the day of the previous review was answered by it; the first review answers every request since the start.
      const pending = requests.filter((r) => (index === 0 ? r.requested >= since : r.requested > since));
      const answered = base.held[index];
      const open = answered ? pending.filter((r) => r.requested <= answered) : pending;
      let best: { dueBy: IsoDate; early: EarlyReason } | undefined;
      for (const r of open) {
        const dueBy = deadline(r, ruleSet);
        if (!best || dueBy < best.dueBy) best = { dueBy, early: r.reason };
        const rule = r.reason === "placed-with-parents" ? ruleSet.placedWithParents : undefined;
        if (rule && !rule.confirmed && !warnings.some((w) => w.includes(rule.source))) warnings.push(`The review after a placement with a parent is not yet confirmed (${rule.source}): check it before relying on it.`);
      }
      return best;
    },
  };
}

const INITIAL_WORDS = { icpc: "initial conference", "pre-birth-conference": "pre-birth conference", "transfer-in-conference": "transfer-in conference" } as const;

function cpTimeline(c: Extract<TimescaleCase, { track: "cp" }>, options: TimescaleOptions, calendar: WorkingCalendar, reviews: readonly IsoDate[], anchorLabel: string): CaseTimeline {
  const errors: CaseProblem[] = [];
  const icpc = c.icpc ?? null;
  const transferIn = c.transferIn ?? null;
  const initial = INITIAL_WORDS[initialConference(c)];
  if (!icpc && reviews.length > 0) {
    errors.push({ field: "icpc", reason: `review conferences are listed but the ${initial} date is missing` });
  }
  if (icpc) {
    for (const r of reviews) {
      if (r <= icpc) errors.push({ field: "reviews", reason: `the review conference on ${formatUkDate(r)} is not after the ${initial} (${formatUkDate(icpc)})` });
    }
  }
  let anchor: Anchor | undefined;
  if (transferIn) {
    anchor = { date: transferIn, field: "transferIn", label: "the transfer-in notice" };
  } else {
    const discussions = sortDates(c.strategyDiscussions);
    if (discussions.length === 0 && !c.s47Start) {
      errors.push({ field: "strategyDiscussions", reason: `at least one strategy discussion date (or s47Start) is needed` });
    }
    if (c.s47Discussion && !discussions.includes(c.s47Discussion)) {
      errors.push({ field: "s47Discussion", reason: `${formatUkDate(c.s47Discussion)} is not one of the strategy discussions listed` });
    }
    if (icpc && discussions.length > 0 && discussions[0]! > icpc) {
      errors.push({ field: "icpc", reason: `the initial conference (${formatUkDate(icpc)}) is before the first strategy discussion (${formatUkDate(discussions[0]!)})` });
    }
    if (icpc && c.s47Start && c.s47Start > icpc) {
      errors.push({ field: "icpc", reason: `the initial conference (${formatUkDate(icpc)}) is before the section 47 enquiry started (${formatUkDate(c.s47Start)})` });
    }
    const date = icpcAnchorDate(c, options.icpcAnchor);
    // The anchor is a strategy discussion unless only the enquiry's start date was given.
    anchor = date ? { date, field: discussions.includes(date) ? "strategyDiscussions" : "s47Start", label: anchorLabel } : undefined;
  }
  const born = c.preBirth ? (c.born ?? null) : null;
  if (born && icpc && born < icpc) errors.push({ field: "born", reason: `the child was born (${formatUkDate(born)}) before the pre-birth conference (${formatUkDate(icpc)})` });
  return {
    anchor,
    held: icpc ? [icpc, ...reviews] : reviews,
    firstField: icpc ? "icpc" : null,
    label: "review conference",
    // A transfer-in conference runs from the other authority's notice (a local timescale); a
    // pre-birth conference is the initial conference held before the birth, on the ICPC's timescale.
    stages: (ruleSet) => {
      const first = initialConference(c);
      if (first === "icpc") return ruleSet.stages;
      const within: Within = first === "transfer-in-conference" ? { unit: "working-days", count: options.local.transferInWorkingDays } : ruleSet.stages[0]!.within;
      return [{ event: first, within }, ...ruleSet.stages.slice(1)];
    },
    // After a pre-birth conference the first review falls within the service's working days after the birth, if that is sooner.
    sooner: (index) => (index === 1 && born ? { dueBy: addWorkingDays(calendar, born, workingDays(options.local.preBirthReviewWorkingDays)), early: "birth" } : undefined),
    errors,
    warnings: [],
  };
}

/**
 * True when the dates rise (none twice), the first on or after the anchor and the last on or
 * before today and the end of the case: then no date has a problem checkDates would name.
 */
function allInOrder(dates: readonly IsoDate[], anchor: IsoDate | undefined, ended: IsoDate | null, today: IsoDate): boolean {
  const n = dates.length;
  if (n === 0) return true;
  for (let i = 1; i < n; i++) if (!(dates[i - 1]! < dates[i]!)) return false;
  const last = dates[n - 1]!;
  return (anchor === undefined || dates[0]! >= anchor) && last <= today && (ended === null || last <= ended);
}

/** Every date on or before today, events on or after the anchor and the end, none held twice. */
function checkDates(timeline: CaseTimeline, ended: IsoDate | null, today: IsoDate): CaseProblem[] {
  const { anchor } = timeline;
  const errors: CaseProblem[] = [];
  const afterToday = (field: string, what: string) =>
    errors.push({ field, reason: `${what} is after today (${formatUkDate(today)}): list only what has happened` });
  if (anchor && anchor.date > today) afterToday(anchor.field, `${anchor.label} (${formatUkDate(anchor.date)})`);
  if (ended && ended > today) afterToday("ended", `the end of the case (${formatUkDate(ended)})`);
  if (anchor && ended && ended < anchor.date) {
    errors.push({ field: "ended", reason: `the case ended (${formatUkDate(ended)}) before ${anchor.label} (${formatUkDate(anchor.date)})` });
  }
  const dates = timeline.held;
  // Most cases' dates rise from the anchor to today: a few comparisons show it, and only a case
  // whose dates do not is checked date by date (a closure is made only for a date with a problem).
  if (allInOrder(dates, anchor?.date, ended, today)) return errors;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    const twice = i > 0 && dates[i - 1] === date;
    const early = anchor !== undefined && date < anchor.date;
    const late = ended !== null && date > ended;
    if (!twice && !early && !late && date <= today) continue;
    const problem = (reason: string) => {
      const first = timeline.firstField !== null && i === 0;
      errors.push({ field: first ? timeline.firstField! : "reviews", reason: `the ${first ? "initial conference" : timeline.label} on ${formatUkDate(date)} ${reason}` });
    };
    if (twice) problem("is listed twice");
    if (early) problem(`is before ${anchor!.label} (${formatUkDate(anchor!.date)})`);
    if (late) problem(`is after the case ended (${formatUkDate(ended!)})`);
    if (date > today) problem(`is after today (${formatUkDate(today)}): list only what has happened`);
  }
  return errors;
}
