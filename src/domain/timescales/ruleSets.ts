import type { Nation } from "../calendar/nation.js";
import type { Within } from "./within.js";

/**
 * What a service tracks: a looked after child, a child protection plan, a foster carer, short
 * breaks, a child placed for adoption, a child in secure accommodation.
 */
export const TRACKS = ["lac", "cp", "foster-carer", "short-breaks", "adoption", "secure"] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_NAMES: Readonly<Record<Track, string>> = {
  lac: "looked after children",
  cp: "child protection",
  "foster-carer": "foster carer review",
  "short-breaks": "short breaks",
  adoption: "adoption placement review",
  secure: "secure accommodation review",
};

/**
 * The statutory meetings an IRO or CP chair holds. A child protection plan starts at one initial
 * conference: the ICPC, a pre-birth conference (the ICPC held before the child is born) or a
 * transfer-in conference (a child moving in on another authority's plan).
 */
export const STATUTORY_EVENTS = ["lac-review", "icpc", "pre-birth-conference", "transfer-in-conference", "rcpc", "foster-carer-review", "adoption-review", "secure-review"] as const;
export type StatutoryEvent = (typeof STATUTORY_EVENTS)[number];

export const EVENT_NAMES: Readonly<Record<StatutoryEvent, string>> = {
  "lac-review": "LAC review",
  icpc: "Initial CP conference",
  "pre-birth-conference": "Pre-birth CP conference",
  "transfer-in-conference": "Transfer-in CP conference",
  rcpc: "Review CP conference",
  "foster-carer-review": "Foster carer review",
  "adoption-review": "Adoption review",
  "secure-review": "Secure accommodation review",
};

/** The conference a child protection plan starts at: the ICPC, a pre-birth or a transfer-in conference. */
export function isInitialConference(event: StatutoryEvent): event is "icpc" | "pre-birth-conference" | "transfer-in-conference" {
  return event === "icpc" || event === "pre-birth-conference" || event === "transfer-in-conference";
}

/**
 * What a meeting is called, in subjects, lists and checklists: "LAC review 3", "Adoption review 1",
 * "Pre-birth CP conference" (a plan has only one initial conference, so it has no number).
 */
export function meetingName(event: StatutoryEvent, number: number): string {
  return isInitialConference(event) ? EVENT_NAMES[event] : `${EVENT_NAMES[event]} ${number}`;
}

/** One step of a track: the event and how soon after the previous one (or the anchor) it is due. */
export interface TimescaleStage {
  readonly event: StatutoryEvent;
  readonly within: Within;
}

/**
 * The timescales of one track in one nation. The first stage runs from the track's anchor
 * (start of care, strategy discussion, approval, placement); each later stage from the date the
 * previous event was actually held. The last stage repeats for ever.
 */
export interface RuleSet {
  readonly track: Track;
  readonly nation: Nation;
  /** False where any part has not been read from its source text: results carry a warning naming the source. */
  readonly confirmed: boolean;
  /** The regulation or guidance, and (where it matters) which parts were read. */
  readonly source: string;
  readonly stages: readonly TimescaleStage[];
  /** What the first deadline runs from, in this nation's words (CP: the strategy discussion; Scotland: the IRD). */
  readonly anchorLabel?: string;
  /**
   * A looked after child placed with a parent before the assessment of the parent is complete:
   * the review that must follow within a set time of the placement, where the nation sets one.
   */
  readonly placedWithParents?: { readonly within: Within; readonly confirmed: boolean; readonly source: string };
}

const wd = (count: number): Within => ({ unit: "working-days", count });
const days = (count: number): Within => ({ unit: "days", count });
const weeks = (count: number): Within => ({ unit: "weeks", count });
const months = (count: number): Within => ({ unit: "months", count });
const repeat = (event: StatutoryEvent, ...intervals: Within[]): TimescaleStage[] => intervals.map((within) => ({ event, within }));
const cpStages = (initial: Within, first: Within, later: Within): TimescaleStage[] => [{ event: "icpc", within: initial }, ...repeat("rcpc", first, later)];

/**
 * Every rule set, each with the text it was read from. Where the text could not be read, the rule
 * ships with `confirmed: false` and its source named, and every result using it carries a warning.
 */
export const RULE_SETS: readonly RuleSet[] = [
  {
    track: "lac",
    nation: "england",
    confirmed: true,
    source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33(1)–(2): “first review C's case within 20 working days of the date on which C becomes looked after”; the second “not more than three months after the first”; later ones “at intervals of not more than six months”",
    stages: repeat("lac-review", wd(20), months(3), months(6)),
    placedWithParents: {
      within: wd(10),
      confirmed: false,
      source: "CPPCR (England) Regulations 2010, reg. 19(b) (placement with P before the assessment is completed): believed to require the assessment and review within 10 working days of the placement, as reg. 20(b) of the Wales 2015 Regulations does; the English text has not been read",
    },
  },
  {
    track: "lac",
    nation: "wales",
    confirmed: true,
    source: "Care Planning, Placement and Case Review (Wales) Regulations 2015 (SI 2015/1818), reg. 39(1)–(2), read in its Welsh text: the first review “o fewn 20 diwrnod gwaith” (within 20 working days) of the day C began to be looked after; the second not more than three months after the first; later ones at intervals of not more than 6 months",
    stages: repeat("lac-review", wd(20), months(3), months(6)),
    placedWithParents: {
      within: wd(10),
      confirmed: true,
      source: "Care Planning, Placement and Case Review (Wales) Regulations 2015, reg. 20(b): the assessment “and review of C's case are completed … within 10 working days of C being placed with P”",
    },
  },
  {
    track: "lac",
    nation: "scotland",
    confirmed: true,
    source: "Looked After Children (Scotland) Regulations 2009, reg. 45(2): “a first review within 6 weeks of the placement; a second review within 3 months from the date of the first review; thereafter subsequent reviews within 6 months from the date of the previous review”",
    stages: repeat("lac-review", weeks(6), months(3), months(6)),
  },
  {
    track: "lac",
    nation: "northern-ireland",
    confirmed: false,
    source: "Review of Children's Cases Regulations (Northern Ireland) 1996, reg. 3: believed 2 weeks, 3 months, then 6 months; the text of reg. 3 has not been read",
    stages: repeat("lac-review", weeks(2), months(3), months(6)),
  },
  {
    track: "short-breaks",
    nation: "england",
    confirmed: true,
    source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 48 (short breaks: no placement over 17 days, at most 75 days in 12 months): the first review within 3 months of the first placement, later ones at intervals of not more than 6 months",
    stages: repeat("lac-review", months(3), months(6)),
  },
  {
    track: "short-breaks",
    nation: "wales",
    confirmed: false,
    source: "Care Planning, Placement and Case Review (Wales) Regulations 2015, reg. 62 (short breaks: no placement over 4 weeks, at most 120 days in 12 months; read): its modification of the review timing has not been read; believed 3 months from the first placement, then 6-monthly, as in England",
    stages: repeat("lac-review", months(3), months(6)),
  },
  {
    track: "short-breaks",
    nation: "scotland",
    confirmed: true,
    source: "Looked After Children (Scotland) Regulations 2009, reg. 45(3) with reg. 30 (planned short-term placements within 12 months, none over 4 weeks, at most 120 days in all): “a first review within 3 months from … the date on which the placement was first made … and thereafter subsequent reviews within 6 months from the date of the previous review”",
    stages: repeat("lac-review", months(3), months(6)),
  },
  {
    track: "short-breaks",
    nation: "northern-ireland",
    confirmed: true,
    source: "Review of Children's Cases Regulations (Northern Ireland) 1996, reg. 11(2) (short periods: none over 4 weeks, at most 90 days in 12 months): “first to be reviewed within 3 months of the beginning of the first of the short periods”; the second “not more than 6 months after the first”; then “not more than 6 months after the date of the previous review”",
    stages: repeat("lac-review", months(3), months(6)),
  },
  {
    track: "cp",
    nation: "england",
    confirmed: true,
    anchorLabel: "the strategy discussion",
    source: "Working Together to Safeguard Children 2023: the initial conference within 15 working days of the strategy discussion or, where more than one has taken place, of the strategy discussion at which the section 47 enquiry was initiated (wording read in Devon's, Liverpool's and Sussex's procedures, which follow it); the first review within 3 months; then at intervals of not more than 6 months",
    stages: cpStages(wd(15), months(3), months(6)),
  },
  {
    track: "cp",
    nation: "wales",
    confirmed: false,
    anchorLabel: "the strategy discussion",
    source: "Wales Safeguarding Procedures (safeguarding.wales): the first review conference “within three months of the initial conference” and later ones “at least every six months” (read, section 4); the initial conference within 15 working days of the strategy discussion has not been read",
    stages: cpStages(wd(15), months(3), months(6)),
  },
  {
    track: "cp",
    nation: "scotland",
    confirmed: false,
    anchorLabel: "the inter-agency referral discussion (IRD)",
    source: "National Guidance for Child Protection in Scotland 2021 – updated 2023, Appendix D: “a CPPM will follow within 28 calendar days” (read); review CPPMs within 6 months of the previous one (read only in an NHS board's procedures that follow the guidance; the national text's line on reviews has not been read)",
    stages: cpStages(days(28), months(6), months(6)),
  },
  {
    track: "cp",
    nation: "northern-ireland",
    confirmed: false,
    anchorLabel: "the strategy discussion",
    source: "Co-operating to Safeguard Children and Young People in Northern Ireland and the SBNI Regional Core Child Protection Policies and Procedures (2017), “Child Protection Case Conferences”: believed initial conference within 15 working days of the strategy discussion, review within 3 months, then 6-monthly; not read",
    stages: cpStages(wd(15), months(3), months(6)),
  },
  {
    track: "foster-carer",
    nation: "england",
    confirmed: true,
    source: "Fostering Services (England) Regulations 2011, reg. 28: a review “not more than a year after approval, and thereafter … at intervals of not more than a year”",
    stages: repeat("foster-carer-review", months(12)),
  },
  {
    track: "foster-carer",
    nation: "wales",
    confirmed: true,
    source: "Fostering Panels (Establishment and Functions) (Wales) Regulations 2018 (SI 2018/1333), reg. 9(2): “A review must take place not more than one year after approval and thereafter … at intervals of not more than one year”",
    stages: repeat("foster-carer-review", months(12)),
  },
  {
    track: "foster-carer",
    nation: "scotland",
    confirmed: true,
    source: "Looked After Children (Scotland) Regulations 2009, reg. 25(1) (as made): a review “within 12 months of the day the decision to approve the foster carer was made” and “thereafter subsequent reviews within 3 years of the previous review”",
    stages: repeat("foster-carer-review", months(12), months(36)),
  },
  {
    track: "foster-carer",
    nation: "northern-ireland",
    confirmed: false,
    source: "Foster Placement (Children) Regulations (Northern Ireland) 1996, reg. 4 (reviews and terminations of approval): believed at intervals of not more than a year; the text has not been read",
    stages: repeat("foster-carer-review", months(12)),
  },
  {
    track: "adoption",
    nation: "england",
    confirmed: true,
    source: "Adoption Agencies Regulations 2005, reg. 36(3): a review “not more than 4 weeks after the date on which the child is placed for adoption”, “not more than 3 months after the first review”, and “thereafter not more than 6 months after the date of the previous review”",
    stages: repeat("adoption-review", weeks(4), months(3), months(6)),
  },
  {
    track: "secure",
    nation: "england",
    confirmed: false,
    source: "Children (Secure Accommodation) Regulations 1991, reg. 15: believed within one month of the start of the placement, then at intervals not exceeding 3 months (as councils' procedures state it); the regulation's text has not been read",
    stages: repeat("secure-review", months(1), months(3)),
  },
  {
    track: "secure",
    nation: "wales",
    confirmed: true,
    source: "Children (Secure Accommodation) (Wales) Regulations 2015 (SI 2015/1988), reg. 10: persons appointed “to review the decision within 15 working days of the start of the placement and then at intervals not exceeding three months”",
    stages: repeat("secure-review", wd(15), months(3)),
  },
  {
    track: "secure",
    nation: "scotland",
    confirmed: true,
    source: "Secure Accommodation (Scotland) Regulations 2013 (SSI 2013/212), reg. 10(2): “a first review within 7 days of the placement; a second review within 1 month from the date of the first review; thereafter subsequent reviews within 1 month from the date of the previous review”",
    stages: repeat("secure-review", days(7), months(1), months(1)),
  },
];

/** The rule set for a track in a nation, or undefined where IRO Desk has none yet. */
export function ruleSetFor(track: Track, nation: Nation, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet | undefined {
  return ruleSets.find((r) => r.track === track && r.nation === nation);
}
