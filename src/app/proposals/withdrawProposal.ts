import type { IsoDate } from "../../domain/calendar/isoDate.js";
import type { Candidate, Proposal } from "../../domain/proposals/proposal.js";
import { notNeededComment } from "../../domain/templates/proposalInvite.js";
import type { CaseStore, StoredCase } from "../../ports/CaseStore.js";
import type { HoldCalendar } from "../../ports/Holds.js";
import type { Reminders } from "../../ports/Reminders.js";
import { addToCase } from "../addToCase.js";
import { ProposalError } from "./proposalErrors.js";

/**
 * Withdraws proposed times (none suits, the holds expired, or the IRO will book another way):
 * every hold is cancelled with a message that the times are not needed and a new time will follow,
 * the reminder to confirm is removed and the case records the withdrawal. Only the organizer can:
 * the holds are in their calendar. A hold that could not be cancelled is reported, and the
 * proposal stays open so the IRO can try again.
 */
export async function withdrawProposal(
  ports: { readonly holds: HoldCalendar; readonly reminders: Reminders; readonly cases: CaseStore },
  stored: StoredCase,
  proposal: Proposal,
  me: string,
  today: IsoDate,
  signal?: AbortSignal,
): Promise<{ stored: StoredCase; released: readonly Candidate[]; notReleased: readonly { candidate: Candidate; error: unknown }[] }> {
  if (proposal.organizer.address.toLowerCase() !== me.toLowerCase()) throw new ProposalError(`Only ${proposal.organizer.name} can withdraw these times: they are held in ${proposal.organizer.name}'s calendar.`);
  const held = proposal.candidates.filter((c) => c.holdId !== null);
  const results = await Promise.allSettled(held.map((c) => ports.holds.releaseHold(c.holdId!, notNeededComment(null), signal)));
  const released = held.filter((_, i) => results[i]!.status === "fulfilled");
  const notReleased = held.flatMap((candidate, i) => {
    const r = results[i]!;
    return r.status === "rejected" ? [{ candidate, error: r.reason as unknown }] : [];
  });
  if (notReleased.length > 0) return { stored, released, notReleased };
  await ports.reminders.clear(stored.childCase.ref, "hold-expiry", proposal.eventKind, signal).catch(() => 0);
  const saved = await addToCase(ports.cases, stored, (c) => (c.proposal?.id === proposal.id ? { ...c, proposal: { ...c.proposal, status: "withdrawn", closed: { on: today, by: me } } } : c), signal);
  return { stored: saved, released, notReleased };
}
