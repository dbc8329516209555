import type { Nation } from "../calendar/nation.js";
import type { Within } from "./within.js";

/** What a service tracks: a looked after child, a child protection plan, a foster carer, short breaks. */
export const TRACKS = ["lac", "cp", "foster-carer", "short-breaks"] as const;
export type Track = (typeof TRACKS)[number];

export function isTrack(value: string): value is Track {
  return (TRACKS as readonly string[]).includes(value);
}

/** The statutory meetings an IRO or CP chair holds. */
export type StatutoryEvent = "lac-review" | "icpc" | "rcpc" | "foster-carer-review";

export const EVENT_NAMES: Readonly<Record<StatutoryEvent, string>> = {
  "lac-review": "LAC review",
  icpc: "Initial CP conference",
  rcpc: "Review CP conference",
  "foster-carer-review": "Foster carer review",
};

/** One step of a track: the event and how soon after the previous one (or the anchor) it is due. */
export interface TimescaleStage {
  readonly event: StatutoryEvent;
  readonly within: Within;
}

/**
 * The timescales of one track in one nation. The first stage runs from the track's anchor
 * (start of care, strategy discussion, approval); each later stage from the date the previous
 * event was actually held. The last stage repeats for ever.
 */
export interface RuleSet {
  readonly track: Track;
  readonly nation: Nation;
  /** False where the rule has not been checked against the regulations: results carry a warning. */
  readonly confirmed: boolean;
  readonly source: string;
  readonly stages: readonly TimescaleStage[];
}

const wd = (count: number): Within => ({ unit: "working-days", count });
const days = (count: number): Within => ({ unit: "days", count });
const months = (count: number): Within => ({ unit: "months", count });
const lacReviews = (first: Within): TimescaleStage[] => [
  { event: "lac-review", within: first },
  { event: "lac-review", within: months(3) },
  { event: "lac-review", within: months(6) },
];

export const RULE_SETS: readonly RuleSet[] = [
  {
    track: "lac",
    nation: "england",
    confirmed: true,
    source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33",
    stages: lacReviews(wd(20)),
  },
  {
    track: "lac",
    nation: "scotland",
    confirmed: true,
    source: "Looked After Children (Scotland) Regulations 2009, reg. 45",
    stages: lacReviews(days(42)),
  },
  {
    track: "lac",
    nation: "wales",
    confirmed: false,
    source: "Care Planning, Placement and Case Review (Wales) Regulations 2015 (28 days, 3 months, 6 months: unconfirmed)",
    stages: lacReviews(days(28)),
  },
  {
    track: "lac",
    nation: "northern-ireland",
    confirmed: false,
    source: "Review of Children's Cases Regulations (Northern Ireland) 1996 (2 weeks, 3 months, 6 months: unconfirmed)",
    stages: lacReviews(days(14)),
  },
  {
    track: "short-breaks",
    nation: "england",
    confirmed: true,
    source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 48 (short breaks)",
    stages: [
      { event: "lac-review", within: months(3) },
      { event: "lac-review", within: months(6) },
    ],
  },
  {
    track: "cp",
    nation: "england",
    confirmed: true,
    source: "Working Together to Safeguard Children: initial conference within 15 working days of the strategy discussion, review within 3 months, then every 6 months",
    stages: [
      { event: "icpc", within: wd(15) },
      { event: "rcpc", within: months(3) },
      { event: "rcpc", within: months(6) },
    ],
  },
  {
    track: "foster-carer",
    nation: "england",
    confirmed: true,
    source: "Fostering Services (England) Regulations 2011, reg. 28 (review at least once a year)",
    stages: [{ event: "foster-carer-review", within: months(12) }],
  },
];

/** The rule set for a track in a nation, or undefined where IRO Desk has none yet. */
export function ruleSetFor(track: Track, nation: Nation, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet | undefined {
  return ruleSets.find((r) => r.track === track && r.nation === nation);
}
