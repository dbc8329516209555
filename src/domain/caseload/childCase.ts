import type { IsoDate } from "../calendar/isoDate.js";
import type { Nation } from "../calendar/nation.js";
import type { MinutesSent } from "../records/meetingRecords.js";
import type { EarlyReview } from "../timescales/timescaleCase.js";
import type { CaseRef } from "./caseRef.js";

/** How the child took part in a review: the SSDA903 codes PN0–PN7 (see domain.md, Participation). */
export const PARTICIPATION_CODES = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"] as const;
export type ParticipationCode = (typeof PARTICIPATION_CODES)[number];

export type RagRating = "red" | "amber" | "green";

/**
 * The Teams meeting a review or conference was recorded in, and the decisions recorded: so the
 * meeting's panel shows that record again (and a meeting records at most one review).
 */
export interface MeetingLink {
  readonly meetingId?: string;
  readonly decisions?: readonly string[];
}

/** One review or conference as held, and when its decisions and full record went out. */
export interface HeldReview extends MinutesSent, MeetingLink {
  readonly held: IsoDate;
  readonly participation?: ParticipationCode;
  /** Did the IRO see or speak to the child before the review? */
  readonly seenBeforeReview?: boolean;
  /** Why it was out of timescale, when it was. */
  readonly lateReason?: string;
}

export interface RagEntry {
  readonly date: IsoDate;
  readonly rating: RagRating;
  readonly reason: string;
  /** For Red and Amber: when the management response is due; unresolved after it, a dispute is offered. */
  readonly respondBy?: IsoDate;
  readonly actions?: readonly { readonly action: string; readonly owner: string; readonly due: IsoDate }[];
}

export interface EarlierPeriod {
  readonly periodStart: IsoDate;
  readonly ended: IsoDate;
  readonly shortBreaks: boolean;
  readonly reviews: readonly HeldReview[];
}

/** Why a review or conference was booked (or held) after its due-by date: counted as late in the figures. */
export interface LateReason {
  /** e.g. "lac-review 3" */
  readonly event: string;
  readonly reason: string;
  readonly detail: string;
  readonly recorded: IsoDate;
  readonly by: string;
}

/** A booking that was cancelled, and why: asked for before anyone is told, kept with the case. */
export interface Cancellation {
  /** e.g. "lac-review 3" */
  readonly event: string;
  /** The day the cancelled meeting was booked for. */
  readonly bookedFor: IsoDate;
  readonly reason: string;
  readonly detail: string;
  readonly recorded: IsoDate;
  readonly by: string;
}

/** Someone on the case who is not staff: invited to reviews by email, never shown their free/busy. */
export interface CaseContact {
  readonly role: "carer" | "parent" | "partner";
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
}

/** A child in the service's case register: their looked-after and child-protection episodes. */
export interface ChildCase {
  readonly ref: CaseRef;
  /** Shown only inside the service; never in calendar subjects or partner invites unless the service allows it. */
  readonly childName: string;
  readonly dateOfBirth: IsoDate;
  readonly nation: Nation;
  /** User principal names of the allocated staff. */
  readonly iro: string | null;
  readonly socialWorker: string | null;
  readonly teamManager: string | null;
  readonly lac: {
    readonly periodStart: IsoDate;
    readonly legalStatus: string;
    readonly shortBreaks: boolean;
    readonly reviews: readonly HeldReview[];
    readonly ended: IsoDate | null;
    /** Periods of care that ended before this one began: their reviews still count in the year's figures. */
    readonly earlierPeriods: readonly EarlierPeriod[];
    /** Reasons recorded in this period of care to hold the next review early (reg. 33(3), 32(2); a placement with a parent, reg. 19). */
    readonly earlyReviews?: readonly EarlyReview[];
  } | null;
  readonly cp: {
    readonly chair: string | null;
    readonly strategyDiscussions: readonly IsoDate[];
    readonly icpc: IsoDate | null;
    /** When the initial conference's decisions and full record went out (its reviews carry their own). */
    readonly icpcMinutes?: MinutesSent & MeetingLink;
    readonly category: string | null;
    readonly reviews: readonly HeldReview[];
    readonly ended: IsoDate | null;
  } | null;
  readonly contacts: readonly CaseContact[];
  readonly rag: readonly RagEntry[];
  readonly lateReasons: readonly LateReason[];
  /** Bookings cancelled, with the reason given (absent on cases never cancelled). */
  readonly cancellations?: readonly Cancellation[];
}
