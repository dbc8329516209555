import type { IsoDate } from "../calendar/isoDate.js";
import type { Instant } from "../calendar/londonTime.js";
import type { StatutoryEvent } from "../timescales/ruleSets.js";

/** What someone said about one proposed time: they can come, they might, they cannot. */
export type Answer = "yes" | "maybe" | "no";

/** Someone asked about the proposed times. People outside the council answer by email, never through a council account. */
export interface Invitee {
  readonly address: string;
  readonly name: string;
  /** Outside the council's Microsoft 365 (families, carers, partner agencies): their free/busy cannot be seen. */
  readonly outside: boolean;
  readonly type: "required" | "optional";
}

/** One proposed time, held as tentative in the calendars while the answers come in. */
export interface Candidate {
  /** 1, 2 or 3: the best time first. */
  readonly option: number;
  readonly start: Instant;
  readonly end: Instant;
  /** The hold: the event in the organizer's calendar (null if it could not be made). */
  readonly holdId: string | null;
}

/**
 * An answer kept on the case: one recorded by the IRO from a plain reply ("reply"), or a copy of
 * what Exchange recorded on the hold ("calendar"), kept so colleagues without access to the
 * organizer's calendar see it too. The latest answer a person gave about a time is the one that counts.
 */
export interface RecordedAnswer {
  readonly address: string;
  readonly option: number;
  readonly answer: Answer;
  readonly at: Instant;
  readonly how: "reply" | "calendar";
  /** Who recorded it (the IRO, for a reply). */
  readonly by: string;
}

/**
 * Two or three times proposed for a child's next review or conference, held in the calendars
 * until one is confirmed (it becomes the booking), or the proposal is withdrawn. The holds are
 * the calendar's part; this is the case's part, so a colleague, another device or a reload sees it.
 */
export interface Proposal {
  readonly id: string;
  /** e.g. "lac-review 3": the statutory event the times are for. */
  readonly eventKind: string;
  readonly event: StatutoryEvent;
  readonly number: number;
  /** Whose calendar holds the times (who proposed them): only they can confirm or release the holds. */
  readonly organizer: { readonly address: string; readonly name: string };
  readonly chair: { readonly address: string; readonly name: string };
  readonly proposedOn: IsoDate;
  /** The holds are good to the end of this day. */
  readonly expiresOn: IsoDate;
  /** When the organizer's calendar reminds them to confirm. */
  readonly remindOn: IsoDate;
  /** True when waiting for the holds to expire would leave no time to propose again before the due-by date. */
  readonly atRisk: boolean;
  readonly dueBy: IsoDate;
  readonly candidates: readonly Candidate[];
  readonly invitees: readonly Invitee[];
  readonly answers: readonly RecordedAnswer[];
  /** Given when a time is after the due-by date; recorded on the case if that time is confirmed. */
  readonly lateReason: { readonly reason: string; readonly detail: string } | null;
  readonly online: boolean;
  readonly location: string;
  readonly status: "open" | "confirmed" | "withdrawn";
  /** When it was confirmed (and which time) or withdrawn, and by whom. */
  readonly closed?: { readonly on: IsoDate; readonly by: string; readonly option?: number };
}

/** The child's open proposal for an event ("lac-review 3"), if there is one. */
export function openProposal(proposal: Proposal | null | undefined, eventKind: string): Proposal | null {
  return proposal && proposal.status === "open" && proposal.eventKind === eventKind ? proposal : null;
}

/** A proposal's holds are good to the end of its expiry day; after that a time cannot be confirmed without proposing again. */
export function holdsExpired(proposal: Pick<Proposal, "expiresOn">, today: IsoDate): boolean {
  return today > proposal.expiresOn;
}
