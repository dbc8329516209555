import type { IsoDate } from "../calendar/isoDate.js";
import type { Nation } from "../calendar/nation.js";

interface CaseDates {
  readonly nation: Nation;
  /** Dates held, in any order. For CP these are the review conferences after the ICPC. */
  readonly reviews: readonly IsoDate[];
  /** The child left care, the plan ended or the carer was de-registered: nothing is next. */
  readonly ended?: IsoDate | null;
}

/** The dates the statutory timescales of one case run from, by track. */
export type TimescaleCase =
  | (CaseDates & { readonly track: "lac" | "short-breaks"; /** start of the current period of care (short breaks: the first break) */ readonly periodStart: IsoDate })
  | (CaseDates & { readonly track: "cp"; readonly strategyDiscussions: readonly IsoDate[]; readonly icpc?: IsoDate | null })
  | (CaseDates & { readonly track: "foster-carer"; readonly approved: IsoDate });

/** A problem with one field of a case, in plain English for the person who keeps the data. */
export interface CaseProblem {
  readonly field: string;
  readonly reason: string;
}
