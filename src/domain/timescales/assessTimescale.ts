import { workingDaysBetween } from "../calendar/workingDaysBetween.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { NATION_NAMES, type Nation } from "../calendar/nation.js";
import type { WorkingCalendar, WorkingDays } from "../calendar/workingCalendar.js";
import { RULE_SETS, ruleSetFor, type RuleSet, type StatutoryEvent, type TimescaleStage, type Track } from "./ruleSets.js";
import type { LocalTimescales } from "./localTimescales.js";
import type { CaseProblem, TimescaleCase } from "./timescaleCase.js";
import { deadlineAfter } from "./within.js";

export type DueStatus = "overdue" | "due-soon" | "on-track" | "closed";

/** The ICPC clock starts at the last strategy discussion (default) or, in some councils, the first. */
export type IcpcAnchor = "last-strategy-discussion" | "first-strategy-discussion";

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
}

export interface NextEvent {
  readonly event: StatutoryEvent;
  readonly number: number;
  /** Inclusive: held on this date is in time. */
  readonly dueBy: IsoDate;
}

export interface TimescaleAssessment {
  readonly status: DueStatus | "invalid";
  readonly next: NextEvent | null;
  readonly history: readonly HeldEvent[];
  readonly errors: readonly CaseProblem[];
  /** Set when the rule set used is not yet confirmed against the regulations. */
  readonly warnings: readonly string[];
}

const TRACK_NAMES: Readonly<Record<Track, string>> = {
  lac: "looked after children",
  cp: "child protection",
  "foster-carer": "foster carer review",
  "short-breaks": "short breaks",
};

/** The date the first deadline runs from, and what it is, for messages. */
interface Anchor {
  readonly date: IsoDate;
  readonly field: string;
  readonly label: string;
}

/** The events held, in date order; for CP the first is the ICPC when one was held. */
interface Held {
  readonly dates: readonly IsoDate[];
  readonly firstIsIcpc: boolean;
  readonly label: string;
}

/**
 * Which statutory review or conference is next for a case, by when, and how every past one
 * measured up. Each deadline runs from the date the previous event was actually held, not from
 * when it was due (reg. 33, Care Planning, Placement and Case Review (England) Regulations 2010;
 * Working Together to Safeguard Children for CP). `today` is passed in: nothing here reads a clock.
 *
 * A looked after child who came into care on Mon 05/01/2026 and was first reviewed on 29/01/2026:
 * review 1 was due by 02/02/2026 (20 working days) and held in time; review 2 is due by 29/04/2026.
 */
export function assessTimescale(c: TimescaleCase, today: IsoDate, options: TimescaleOptions): TimescaleAssessment {
  const ruleSet = ruleSetFor(c.track, c.nation, options.ruleSets ?? RULE_SETS);
  if (!ruleSet) {
    return invalid([
      { field: "nation", reason: `IRO Desk has no ${TRACK_NAMES[c.track]} timescales for ${NATION_NAMES[c.nation]} yet` },
    ]);
  }
  const dates = datesOf(c, options.icpcAnchor);
  const errors = [...dates.errors, ...checkDates(dates.anchor, dates.held, c.ended ?? null, today)];
  if (errors.length > 0 || dates.anchor === undefined) return invalid(errors);

  const calendar = options.calendarFor(c.nation);
  const history: HeldEvent[] = [];
  let from = dates.anchor.date;
  for (const held of dates.held.dates) {
    const stage = stageOf(ruleSet, history);
    const dueBy = deadlineAfter(calendar, from, stage.within);
    history.push({ event: stage.event, number: numberOf(stage, history), held, dueBy, inTime: held <= dueBy });
    from = held;
  }
  const warnings = ruleSet.confirmed
    ? []
    : [`The ${NATION_NAMES[c.nation]} ${TRACK_NAMES[c.track]} timescales are not yet confirmed (${ruleSet.source}): check them before relying on them.`];
  if (c.ended) return { status: "closed", next: null, history, errors: [], warnings };

  const stage = stageOf(ruleSet, history);
  const next = { event: stage.event, number: numberOf(stage, history), dueBy: deadlineAfter(calendar, from, stage.within) };
  return { status: dueStatus(next.dueBy, today, calendar, options.dueSoon), next, history, errors: [], warnings };
}

/**
 * overdue when today is after the due-by date; due-soon when at most `dueSoon` working days are
 * left (the same count people see as "working days left"); otherwise on-track.
 * dueStatus("2026-06-29", "2026-06-15", england, 10) = "due-soon" (10 working days left).
 */
export function dueStatus(dueBy: IsoDate, today: IsoDate, calendar: WorkingCalendar, dueSoon: WorkingDays): DueStatus {
  if (today > dueBy) return "overdue";
  return workingDaysBetween(calendar, today, dueBy) <= dueSoon ? "due-soon" : "on-track";
}

function stageOf(ruleSet: RuleSet, history: readonly HeldEvent[]): TimescaleStage {
  return ruleSet.stages[Math.min(history.length, ruleSet.stages.length - 1)]!;
}

/** Events of one kind are consecutive (an ICPC, then review conferences), so a number follows the last one. */
function numberOf(stage: TimescaleStage, history: readonly HeldEvent[]): number {
  const last = history[history.length - 1];
  return last?.event === stage.event ? last.number + 1 : 1;
}

function invalid(errors: readonly CaseProblem[]): TimescaleAssessment {
  return { status: "invalid", next: null, history: [], errors, warnings: [] };
}

/** The date the first deadline runs from, and the events held since, in date order. */
function datesOf(c: TimescaleCase, icpcAnchor: IcpcAnchor): { anchor: Anchor | undefined; held: Held; errors: CaseProblem[] } {
  const reviews = [...c.reviews].sort();
  switch (c.track) {
    case "lac":
    case "short-breaks":
      return {
        anchor: { date: c.periodStart, field: "periodStart", label: "the start of the period of care" },
        held: { dates: reviews, firstIsIcpc: false, label: "review" },
        errors: [],
      };
    case "foster-carer":
      return {
        anchor: { date: c.approved, field: "approved", label: "the carer’s approval" },
        held: { dates: reviews, firstIsIcpc: false, label: "review" },
        errors: [],
      };
    case "cp":
      return cpDates(c, icpcAnchor, reviews);
  }
}

function cpDates(
  c: Extract<TimescaleCase, { track: "cp" }>,
  icpcAnchor: IcpcAnchor,
  reviews: IsoDate[],
): { anchor: Anchor | undefined; held: Held; errors: CaseProblem[] } {
  const errors: CaseProblem[] = [];
  const discussions = [...c.strategyDiscussions].sort();
  if (discussions.length === 0) {
    errors.push({ field: "strategyDiscussions", reason: "at least one strategy discussion date is needed" });
  }
  const icpc = c.icpc ?? null;
  if (!icpc && reviews.length > 0) {
    errors.push({ field: "icpc", reason: "review conferences are listed but the initial conference (ICPC) date is missing" });
  }
  // Strategy discussions after the ICPC belong to later enquiries; the ICPC's clock runs from those before it.
  const before = icpc ? discussions.filter((d) => d <= icpc) : discussions;
  if (icpc && discussions.length > 0 && before.length === 0) {
    errors.push({
      field: "icpc",
      reason: `the initial conference (${formatUkDate(icpc)}) is before the first strategy discussion (${formatUkDate(discussions[0]!)})`,
    });
  }
  const anchorDate = icpcAnchor === "first-strategy-discussion" ? before[0] : before[before.length - 1];
  if (icpc) {
    for (const r of reviews) {
      if (r <= icpc) {
        errors.push({ field: "reviews", reason: `the review conference on ${formatUkDate(r)} is not after the initial conference (${formatUkDate(icpc)})` });
      }
    }
  }
  return {
    anchor: anchorDate ? { date: anchorDate, field: "strategyDiscussions", label: "the strategy discussion" } : undefined,
    held: { dates: icpc ? [icpc, ...reviews] : reviews, firstIsIcpc: icpc !== null, label: "review conference" },
    errors,
  };
}

/** Every date on or before today, events on or after the anchor and the end, none held twice. */
function checkDates(anchor: Anchor | undefined, held: Held, ended: IsoDate | null, today: IsoDate): CaseProblem[] {
  const errors: CaseProblem[] = [];
  const afterToday = (field: string, what: string) =>
    errors.push({ field, reason: `${what} is after today (${formatUkDate(today)}): list only what has happened` });
  if (anchor && anchor.date > today) afterToday(anchor.field, `${anchor.label} (${formatUkDate(anchor.date)})`);
  if (ended && ended > today) afterToday("ended", `the end of the case (${formatUkDate(ended)})`);
  if (anchor && ended && ended < anchor.date) {
    errors.push({ field: "ended", reason: `the case ended (${formatUkDate(ended)}) before ${anchor.label} (${formatUkDate(anchor.date)})` });
  }
  const dates = held.dates;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    const problem = (reason: string) => {
      const icpc = held.firstIsIcpc && i === 0;
      errors.push({ field: icpc ? "icpc" : "reviews", reason: `the ${icpc ? "initial conference" : held.label} on ${formatUkDate(date)} ${reason}` });
    };
    if (i > 0 && dates[i - 1] === date) problem("is listed twice");
    if (anchor && date < anchor.date) problem(`is before ${anchor.label} (${formatUkDate(anchor.date)})`);
    if (ended && date > ended) problem(`is after the case ended (${formatUkDate(ended)})`);
    if (date > today) problem(`is after today (${formatUkDate(today)}): list only what has happened`);
  }
  return errors;
}
