import type { Instant } from "../calendar/londonTime.js";
import type { Answer, Candidate, Invitee, Proposal, RecordedAnswer } from "./proposal.js";

/** What Exchange recorded on a hold for one invitee: their response and when they gave it. */
export interface CalendarAnswer {
  readonly address: string;
  readonly option: number;
  readonly answer: Answer;
  readonly at: Instant;
}

export interface PersonAnswer extends Invitee {
  readonly answer: Answer | null;
  /** Where the answer came from: the meeting request's buttons (Exchange) or a reply the IRO recorded. */
  readonly how: "calendar" | "reply" | null;
}

/** One proposed time and who can come, might, cannot, or has not answered. */
export interface CandidateTally extends Candidate {
  readonly yes: readonly PersonAnswer[];
  readonly maybe: readonly PersonAnswer[];
  readonly no: readonly PersonAnswer[];
  readonly waiting: readonly PersonAnswer[];
}

/**
 * Everyone's answer to each proposed time. `live` is what Exchange has recorded on the holds now,
 * when the organizer's calendar could be read; it replaces the copy kept on the case. A person's
 * latest answer about a time counts, whether it came from the meeting request or a reply the IRO
 * recorded (someone who pressed Accept and later wrote "sorry, I can't" cannot come).
 */
export function tallyAnswers(proposal: Pick<Proposal, "candidates" | "invitees" | "answers">, live: readonly CalendarAnswer[] | null): CandidateTally[] {
  const kept: readonly RecordedAnswer[] = live === null ? proposal.answers : proposal.answers.filter((a) => a.how === "reply");
  const all = [...kept, ...(live ?? []).map((a) => ({ ...a, how: "calendar" as const }))];
  return proposal.candidates.map((candidate) => {
    const people = proposal.invitees.map((invitee): PersonAnswer => {
      const latest = all
        .filter((a) => a.option === candidate.option && a.address.toLowerCase() === invitee.address.toLowerCase())
        .reduce<(typeof all)[number] | null>((best, a) => (best === null || a.at >= best.at ? a : best), null);
      return { ...invitee, answer: latest?.answer ?? null, how: latest?.how ?? null };
    });
    return {
      ...candidate,
      yes: people.filter((p) => p.answer === "yes"),
      maybe: people.filter((p) => p.answer === "maybe"),
      no: people.filter((p) => p.answer === "no"),
      waiting: people.filter((p) => p.answer === null),
    };
  });
}
