import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { holdsExpired, type Proposal, type RecordedAnswer } from "../../domain/proposals/proposal.js";
import { tallyAnswers, type CalendarAnswer, type CandidateTally } from "../../domain/proposals/tallyAnswers.js";
import type { CaseStore, StoredCase } from "../../ports/CaseStore.js";
import type { Hold, HoldCalendar } from "../../ports/Holds.js";
import { addToCase } from "../addToCase.js";

export interface ProposalStatus {
  readonly stored: StoredCase;
  readonly proposal: Proposal;
  readonly tallies: readonly CandidateTally[];
  /** The answers were read from the organizer's calendar just now (otherwise: the copy kept on the case). */
  readonly live: boolean;
  readonly expired: boolean;
  /** The signed-in user proposed the times: the holds are in their calendar, so they confirm or withdraw. */
  readonly mine: boolean;
  /** Times whose hold is no longer in the organizer's calendar (deleted in Outlook, for instance). */
  readonly missing: readonly number[];
}

/**
 * Where a child's proposed times stand: who can come to each, who cannot, who has not answered.
 * The organizer's own holds give the answers Exchange has recorded (one calendar read); they are
 * copied to the case when they have changed, so a colleague opening the child sees them too. Anyone
 * else sees the copy on the case, with the answers recorded from replies.
 */
export async function proposalStatus(
  ports: { readonly holds: HoldCalendar; readonly cases: CaseStore },
  stored: StoredCase,
  proposal: Proposal,
  me: string,
  today: IsoDate,
  signal?: AbortSignal,
): Promise<ProposalStatus> {
  const mine = proposal.organizer.address.toLowerCase() === me.toLowerCase();
  const expired = holdsExpired(proposal, today);
  if (!mine || proposal.status !== "open") {
    return { stored, proposal, tallies: tallyAnswers(proposal, null), live: false, expired, mine, missing: [] };
  }
  const holds = (await ports.holds.holdsForCase(stored.childCase.ref, signal)).filter((h) => h.eventKind === proposal.eventKind);
  const byId = new Map(holds.map((h) => [h.id, h]));
  const live = calendarAnswers(proposal, byId);
  const missing = proposal.candidates.filter((c) => c.holdId === null || !byId.has(c.holdId)).map((c) => c.option);
  const copy: RecordedAnswer[] = live.map((a) => ({ ...a, how: "calendar", by: proposal.organizer.address }));
  const kept = proposal.answers.filter((a) => a.how === "calendar");
  let saved = stored;
  let current = proposal;
  if (key(copy) !== key(kept)) {
    saved = await addToCase(ports.cases, stored, (c) => (c.proposal?.id === proposal.id ? { ...c, proposal: { ...c.proposal, answers: [...c.proposal.answers.filter((a) => a.how === "reply"), ...copy] } } : c), signal);
    current = saved.childCase.proposal?.id === proposal.id ? saved.childCase.proposal : proposal;
  }
  return { stored: saved, proposal: current, tallies: tallyAnswers(current, live), live: true, expired, mine, missing };
}

/** What Exchange recorded on each hold, for the people the proposal asked (the organizer's own line is not an answer). */
function calendarAnswers(proposal: Proposal, holds: ReadonlyMap<string, Hold>): CalendarAnswer[] {
  return proposal.candidates.flatMap((c) => {
    const hold = c.holdId ? holds.get(c.holdId) : undefined;
    return (hold?.attendees ?? []).flatMap((a) => (a.answer && a.answeredAt !== null ? [{ address: a.address, option: c.option, answer: a.answer, at: a.answeredAt }] : []));
  });
}

function key(answers: readonly RecordedAnswer[]): string {
  return JSON.stringify(answers.map((a) => [a.address.toLowerCase(), a.option, a.answer, a.at]).sort());
}
