import type { IsoDate } from "../calendar/isoDate.js";
import type { Nation } from "../calendar/nation.js";

interface CaseDates {
  readonly nation: Nation;
  /** Dates held, in any order. For CP these are the review conferences after the initial one. */
  readonly reviews: readonly IsoDate[];
  /** The child left care, the plan ended or the carer was de-registered: nothing is next. */
  readonly ended?: IsoDate | null;
}

/**
 * Why a looked after child's review is brought forward (CPPCR (England) Regulations 2010 reg. 33(3)
 * and 32(2); Wales 2015 reg. 39(3)), or must follow a placement with a parent before the
 * assessment is complete (England reg. 19, Wales reg. 20).
 */
export const EARLY_REVIEW_REASONS = ["iro-request", "welfare-concern", "accommodation-ending", "care-plan-change", "placed-with-parents", "other"] as const;
export type EarlyReviewReason = (typeof EARLY_REVIEW_REASONS)[number];

export const EARLY_REVIEW_WORDS: Readonly<Record<EarlyReviewReason, string>> = {
  "iro-request": "the IRO asked for an early review",
  "welfare-concern": "a visit found the child's welfare not safeguarded by the placement",
  "accommodation-ending": "accommodation is to end",
  "care-plan-change": "a significant change to the care plan is proposed",
  "placed-with-parents": "placed with a parent before the assessment was complete",
  other: "another reason to bring the review forward",
};

/** A reason to hold the next review early, recorded on the case on the day it arose. */
export interface EarlyReview {
  readonly requested: IsoDate;
  readonly reason: EarlyReviewReason;
}

/** Child protection: how the initial conference's clock is set, and what the case says about it. */
interface CpDates {
  readonly track: "cp";
  /** Every strategy discussion (in Scotland, inter-agency referral discussion). */
  readonly strategyDiscussions: readonly IsoDate[];
  /** The strategy discussion at which the section 47 enquiry was initiated, when the case says which. */
  readonly s47Discussion?: IsoDate | null;
  /** The day the section 47 enquiry actually started (the children in need census's S47ActualStartDate). */
  readonly s47Start?: IsoDate | null;
  /** The initial conference in this area: the ICPC, or the transfer-in conference when `transferIn` is set. */
  readonly icpc?: IsoDate | null;
  /** The child moved in on another authority's plan: the day their notice arrived. */
  readonly transferIn?: IsoDate | null;
  /** The initial conference was held before the child's birth; `born` once the child is born. */
  readonly preBirth?: boolean;
  readonly born?: IsoDate | null;
}

/**
 * Which conference a child protection plan starts at: the transfer-in conference for a child who
 * moved in on another authority's plan, the pre-birth conference for an unborn child, else the ICPC.
 */
export function initialConference(cp: { readonly transferIn?: IsoDate | null; readonly preBirth?: boolean }): "icpc" | "pre-birth-conference" | "transfer-in-conference" {
  return cp.transferIn ? "transfer-in-conference" : cp.preBirth ? "pre-birth-conference" : "icpc";
}

/** The dates the statutory timescales of one case run from, by track. */
export type TimescaleCase =
  | (CaseDates & {
      readonly track: "lac" | "short-breaks";
      /** start of the current period of care (short breaks: the first break; Scotland: the placement) */
      readonly periodStart: IsoDate;
      readonly earlyReviews?: readonly EarlyReview[];
    })
  | (CaseDates & CpDates)
  | (CaseDates & { readonly track: "foster-carer"; readonly approved: IsoDate })
  | (CaseDates & { readonly track: "adoption" | "secure"; /** placed for adoption, or in secure accommodation */ readonly placed: IsoDate });

/** A problem with one field of a case, in plain English for the person who keeps the data. */
export interface CaseProblem {
  readonly field: string;
  readonly reason: string;
}
