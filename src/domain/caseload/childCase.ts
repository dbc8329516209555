import type { IsoDate } from "../calendar/isoDate.js";
import type { Nation } from "../calendar/nation.js";
import type { ConsultationRequest } from "../consultation/consultationRequest.js";
import type { Proposal } from "../proposals/proposal.js";
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
  /** What the chair noted against the agenda's items (only the items noted). */
  readonly notes?: readonly AgendaNote[];
}

/** The chair's note against one agenda item, kept with the review on the child's record. */
export interface AgendaNote {
  readonly item: string;
  readonly note: string;
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

/** The episodes of a child that have statutory meetings: looked after (or short breaks), a CP plan, a placement for adoption, secure accommodation. */
export const CHILD_TRACKS = ["lac", "cp", "adoption", "secure"] as const;
export type ChildTrack = (typeof CHILD_TRACKS)[number];

/**
 * Whether a person holds the child: their IRO, or the chair of their CP plan. `address` is in
 * lower case; the register's addresses are compared without regard to case (`lower` may remember
 * them: a register of 50,000 children names a few dozen people).
 */
export function isHeldBy(child: Pick<ChildCase, "iro" | "cp">, address: string, lower: (a: string) => string = (a) => a.toLowerCase()): boolean {
  return (!!child.iro && lower(child.iro) === address) || (!!child.cp?.chair && lower(child.cp.chair) === address);
}

/**
 * Everyone who holds the child, as isHeldBy decides it (their IRO, the chair of their CP plan), in
 * lower case, each once: what a child is listed or counted under. isHeldBy asks of one person
 * without making this list (it runs over 50,000 children).
 */
export function holdersOf(child: Pick<ChildCase, "iro" | "cp">, lower: (a: string) => string = (a) => a.toLowerCase()): string[] {
  const iro = child.iro ? lower(child.iro) : null;
  const chair = child.cp?.chair ? lower(child.cp.chair) : null;
  if (iro === null) return chair === null ? [] : [chair];
  return chair === null || chair === iro ? [iro] : [iro, chair];
}

/** The reviews held on one of the child's episodes (for a CP plan, the review conferences: its initial conference is `cp.icpc`). */
export function reviewsOf(child: ChildCase, track: ChildTrack): readonly HeldReview[] {
  return child[track]?.reviews ?? [];
}

/** The child with one episode's reviews changed; a child without that episode is left as they are. */
export function withReviews(child: ChildCase, track: ChildTrack, change: (reviews: readonly HeldReview[]) => readonly HeldReview[]): ChildCase {
  switch (track) {
    case "lac":
      return child.lac ? { ...child, lac: { ...child.lac, reviews: change(child.lac.reviews) } } : child;
    case "cp":
      return child.cp ? { ...child, cp: { ...child.cp, reviews: change(child.cp.reviews) } } : child;
    case "adoption":
      return child.adoption ? { ...child, adoption: { ...child.adoption, reviews: change(child.adoption.reviews) } } : child;
    case "secure":
      return child.secure ? { ...child, secure: { ...child.secure, reviews: change(child.secure.reviews) } } : child;
  }
}

/** How a CP plan started, beyond its strategy discussions: the s.47 enquiry, a transfer in, a pre-birth conference. */
export type PlanStart = Pick<NonNullable<ChildCase["cp"]>, "s47Discussion" | "s47Start" | "transferIn" | "preBirth" | "born">;

/** Those of a plan's start facts that are given, and only those: a plan without any reads as before. */
export function planStart(given: { readonly s47Discussion: IsoDate | null; readonly s47Start: IsoDate | null; readonly transferIn: IsoDate | null; readonly preBirth: boolean; readonly born: IsoDate | null }): PlanStart {
  const { s47Discussion, s47Start, transferIn, preBirth, born } = given;
  return { ...(s47Discussion ? { s47Discussion } : {}), ...(s47Start ? { s47Start } : {}), ...(transferIn ? { transferIn } : {}), ...(preBirth ? { preBirth } : {}), ...(born ? { born } : {}) };
}

/** A placement with reviews of its own: for adoption, or in secure accommodation. */
export interface Placement {
  readonly placed: IsoDate;
  readonly reviews: readonly HeldReview[];
  readonly ended: IsoDate | null;
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
    /** Every strategy discussion; may be empty when the s.47 start or a transfer-in notice is given. */
    readonly strategyDiscussions: readonly IsoDate[];
    /** The strategy discussion at which the s.47 enquiry was initiated (Working Together 2023: the ICPC runs from it). */
    readonly s47Discussion?: IsoDate | null;
    /** The day the s.47 enquiry actually started (the children in need census's S47ActualStartDate). */
    readonly s47Start?: IsoDate | null;
    /** The child moved in on another authority's plan: the day their notice arrived (the initial conference is then the transfer-in conference). */
    readonly transferIn?: IsoDate | null;
    /**
     * The initial conference is (or was) held before the child's birth: the pre-birth conference.
     * Until the birth, `dateOfBirth` is the expected date; `born` is the day the child was born.
     */
    readonly preBirth?: boolean;
    readonly born?: IsoDate | null;
    /** The initial conference (ICPC, pre-birth or transfer-in conference), once held. */
    readonly icpc: IsoDate | null;
    /** When the initial conference's decisions and full record went out (its reviews carry their own). */
    readonly icpcMinutes?: MinutesSent & MeetingLink;
    readonly category: string | null;
    readonly reviews: readonly HeldReview[];
    readonly ended: IsoDate | null;
  } | null;
  /**
   * Placed for adoption (Adoption Agencies Regulations 2005, reg. 36(3)): while the placement
   * lasts, its reviews are the child's reviews. `ended`: an adoption order, or the child returned.
   */
  readonly adoption?: Placement | null;
  /** In secure accommodation (Children (Secure Accommodation) Regulations 1991, reg. 15): reviewed alongside the child's other reviews. */
  readonly secure?: Placement | null;
  readonly contacts: readonly CaseContact[];
  readonly rag: readonly RagEntry[];
  readonly lateReasons: readonly LateReason[];
  /** Bookings cancelled, with the reason given (absent on cases never cancelled). */
  readonly cancellations?: readonly Cancellation[];
  /** Times proposed for the next meeting and the answers so far (the latest proposal, open or closed). */
  readonly proposal?: Proposal | null;
  /** Consultation requests scheduled or sent for the child's meetings. */
  readonly consultations?: readonly ConsultationRequest[];
}
