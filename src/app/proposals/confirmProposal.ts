import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { instantToLondon } from "../../domain/calendar/londonTime.js";
import type { ChildNext } from "../../domain/caseload/assessChild.js";
import type { LateReason } from "../../domain/caseload/childCase.js";
import type { ConsultationRequest } from "../../domain/consultation/consultationRequest.js";
import { holdsExpired, type Candidate, type Invitee, type Proposal } from "../../domain/proposals/proposal.js";
import type { CandidateTally } from "../../domain/proposals/tallyAnswers.js";
import { notNeededComment } from "../../domain/templates/proposalInvite.js";
import type { Booking } from "../../ports/Calendar.js";
import type { CaseStore, StoredCase } from "../../ports/CaseStore.js";
import type { HoldCalendar } from "../../ports/Holds.js";
import type { Mail } from "../../ports/Mail.js";
import type { Reminders } from "../../ports/Reminders.js";
import type { ScheduledMail } from "../../ports/ScheduledMail.js";
import { addToCase } from "../addToCase.js";
import { bookingText } from "../bookReview.js";
import { isLateReason, LateReasonNeeded } from "../lateReasons.js";
import type { ServiceSettings } from "../serviceSettings.js";
import { sendConsultation, withConsultation, type ConsultationContext } from "./consultation.js";
import { DeclinedTime, HoldsExpired, ProposalError } from "./proposalErrors.js";

export interface ConfirmRequest {
  readonly stored: StoredCase;
  readonly proposal: Proposal;
  /** Where the answers stand (proposalStatus): who declined this time is asked about first. */
  readonly tally: CandidateTally;
  /** The IRO has been told who declined and confirmed anyway. */
  readonly declinesAccepted: boolean;
  /** The consultation request to schedule with the booking, when the IRO chose to. */
  readonly consultation: Omit<ConsultationContext, "next" | "settings" | "today"> | null;
  readonly next: ChildNext;
  readonly me: { readonly address: string; readonly name: string };
  readonly today: IsoDate;
}

export interface ConfirmOutcome {
  readonly stored: StoredCase;
  readonly booking: Booking;
  /** The other times, cancelled with a message to everyone invited to them; and any that could not be. */
  readonly released: readonly Candidate[];
  readonly notReleased: readonly { readonly candidate: Candidate; readonly error: unknown }[];
  /** Who was sent the full invitation and told the other times are not needed. */
  readonly told: readonly Invitee[];
  readonly consultation: ConsultationRequest | { readonly error: unknown } | null;
}

/**
 * Confirms one proposed time: its hold becomes the booking (busy, the full invitation with the
 * agenda and the feedback QR code, the Teams meeting), every other hold is cancelled with a
 * message saying it is not needed, the reminder to confirm is removed, and the case records the
 * booking (with the late reason when the time is after the due-by date) and the consultation
 * request, if one was scheduled. Refused before anything changes: when the holds have expired
 * (propose again), when someone other than the organizer asks (the holds are in the organizer's
 * calendar), and, until the IRO has been asked, when someone said they cannot come at that time.
 */
export async function confirmProposal(
  ports: { readonly holds: HoldCalendar; readonly reminders: Reminders; readonly cases: CaseStore; readonly scheduledMail: ScheduledMail; readonly mail: Mail },
  request: ConfirmRequest,
  settings: ServiceSettings,
  signal?: AbortSignal,
): Promise<ConfirmOutcome> {
  const { proposal, tally } = request;
  if (proposal.status !== "open") throw new ProposalError(`These times were ${proposal.status} on ${proposal.closed?.on ?? "an earlier day"}: there is nothing to confirm.`);
  if (holdsExpired(proposal, request.today)) throw new HoldsExpired(proposal.expiresOn);
  if (proposal.organizer.address.toLowerCase() !== request.me.address.toLowerCase()) {
    throw new ProposalError(`Only ${proposal.organizer.name} can confirm these times: they are held in ${proposal.organizer.name}'s calendar.`);
  }
  const chosen = proposal.candidates.find((c) => c.option === tally.option);
  if (!chosen || chosen.holdId === null) throw new ProposalError("That time is not held any more: propose times again.");
  if (tally.no.length > 0 && !request.declinesAccepted) throw new DeclinedTime(tally.no.map((p) => p.name));
  const late = instantToLondon(chosen.start).date > proposal.dueBy;
  if (late && !isLateReason(proposal.lateReason)) throw new LateReasonNeeded(proposal.dueBy);

  const child = request.stored.childCase;
  const text = await bookingText(child, request.next, proposal.chair, settings);
  const booking = await ports.holds.confirmHold(chosen.holdId, { caseRef: child.ref, subject: text.subject, bodyHtml: text.bodyHtml, online: proposal.online, ...(proposal.online ? {} : { location: proposal.location }), eventKind: text.eventKind }, signal);

  const others = proposal.candidates.filter((c) => c.option !== chosen.option && c.holdId !== null);
  const comment = notNeededComment(chosen);
  const results = await Promise.allSettled(others.map((c) => ports.holds.releaseHold(c.holdId!, comment, signal)));
  const released = others.filter((_, i) => results[i]!.status === "fulfilled");
  const notReleased = others.flatMap((candidate, i) => {
    const r = results[i]!;
    return r.status === "rejected" ? [{ candidate, error: r.reason as unknown }] : [];
  });
  await ports.reminders.clear(child.ref, "hold-expiry", proposal.eventKind, signal).catch(() => 0);

  let consultation: ConfirmOutcome["consultation"] = null;
  if (request.consultation) {
    try {
      consultation = await sendConsultation(ports, child, { ...request.consultation, next: request.next, settings, today: request.today }, signal);
    } catch (error) {
      consultation = { error };
    }
  }
  const lateReason: LateReason | null = late && proposal.lateReason ? { event: proposal.eventKind, reason: proposal.lateReason.reason, detail: proposal.lateReason.detail, recorded: request.today, by: request.me.address } : null;
  const stored = await addToCase(
    ports.cases,
    request.stored,
    (c) => {
      const confirmed = c.proposal?.id === proposal.id ? { ...c.proposal, status: "confirmed" as const, closed: { on: request.today, by: request.me.address, option: chosen.option } } : c.proposal;
      const withLate = { ...c, proposal: confirmed, lateReasons: lateReason ? [...c.lateReasons, lateReason] : c.lateReasons };
      return consultation && "eventKind" in consultation ? withConsultation(withLate, consultation) : withLate;
    },
    signal,
  );
  return { stored, booking, released, notReleased, told: proposal.invitees, consultation };
}

