import type { Instant } from "../../domain/calendar/londonTime.js";
import type { Answer, Proposal } from "../../domain/proposals/proposal.js";
import type { CaseStore, StoredCase } from "../../ports/CaseStore.js";
import { addToCase } from "../addToCase.js";
import { ProposalError } from "./proposalErrors.js";

/**
 * Records an answer that came by plain reply ("Tuesday is fine, not Thursday") against one proposed
 * time, as the IRO reads it: kept on the case beside the answers Exchange recorded, and counted if
 * it is the person's latest. Only for someone the times were proposed to, while the proposal is open.
 */
export async function recordReplyAnswer(
  cases: CaseStore,
  stored: StoredCase,
  proposal: Proposal,
  answer: { readonly address: string; readonly option: number; readonly answer: Answer },
  by: string,
  at: Instant,
  signal?: AbortSignal,
): Promise<StoredCase> {
  if (proposal.status !== "open") throw new ProposalError("These times are no longer open: the answer was not recorded.");
  if (!proposal.invitees.some((i) => i.address.toLowerCase() === answer.address.toLowerCase())) throw new ProposalError(`${answer.address} was not asked about these times: the answer was not recorded.`);
  if (!proposal.candidates.some((c) => c.option === answer.option)) throw new ProposalError("That time is not one of those proposed.");
  return addToCase(cases, stored, (c) => (c.proposal?.id === proposal.id ? { ...c, proposal: { ...c.proposal, answers: [...c.proposal.answers, { ...answer, at, how: "reply", by }] } } : c), signal);
}
