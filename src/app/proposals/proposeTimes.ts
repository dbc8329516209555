import type { IsoDate } from "../../domain/calendar/isoDate.js";
import type { Instant } from "../../domain/calendar/londonTime.js";
import { ukDayAndDate } from "../../domain/calendar/ukTimes.js";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar.js";
import { earliestMeetingDay } from "../../domain/scheduling/minimumNotice.js";
import type { ChildNext } from "../../domain/caseload/assessChild.js";
import { checkCandidates } from "../../domain/proposals/checkCandidates.js";
import { holdTimes } from "../../domain/proposals/holdTimes.js";
import { openProposal, type Candidate, type Invitee, type Proposal } from "../../domain/proposals/proposal.js";
import { bookingSubject } from "../../domain/templates/bookingInvite.js";
import { escapeHtml } from "../../domain/templates/escapeHtml.js";
import { proposalBodyHtml, proposalSubject } from "../../domain/templates/proposalInvite.js";
import type { Attendee } from "../../ports/Calendar.js";
import type { CaseStore, StoredCase } from "../../ports/CaseStore.js";
import type { HoldCalendar } from "../../ports/Holds.js";
import type { Reminders } from "../../ports/Reminders.js";
import { addToCase } from "../addToCase.js";
import { isLateReason, LateReasonNeeded } from "../lateReasons.js";
import { councilOf } from "../bookReview.js";
import { hidesAttendeeList, isOutsideCouncil, type Council } from "../../domain/scheduling/attendeeList.js";
import type { ServiceSettings } from "../serviceSettings.js";
import { ProposalError } from "./proposalErrors.js";

export interface ProposeRequest {
  readonly stored: StoredCase;
  readonly next: ChildNext;
  /** Who proposes: the holds go in their calendar. */
  readonly organizer: { readonly address: string; readonly name: string };
  readonly chair: { readonly address: string; readonly name: string };
  /** Two or three times, the best first. */
  readonly times: readonly { readonly start: Instant; readonly end: Instant }[];
  /** Everyone invited but the organizer (the chair too, when someone else proposes). */
  readonly attendees: readonly Attendee[];
  readonly online: boolean;
  readonly location: string;
  readonly lateReason: { readonly reason: string; readonly detail: string } | null;
  /** Made once per press of "Propose" and reused by a retry, so Exchange never holds a time twice. */
  readonly proposalId: string;
  readonly transactionIds: readonly string[];
  readonly today: IsoDate;
}

export interface ProposeOutcome {
  readonly stored: StoredCase;
  readonly proposal: Proposal;
  /** Times that could not be held, with why (the others were, and their meeting requests went). */
  readonly failed: readonly { readonly option: number; readonly start: Instant; readonly end: Instant; readonly error: unknown }[];
  /** Set in the organizer's calendar, or why not. */
  readonly reminder: { readonly on: IsoDate } | { readonly error: unknown };
}

/** The council as these times see it: the organizer's and chair's mail domains, and the child's contacts (outside it whatever their address). */
export function proposalCouncil(request: Pick<ProposeRequest, "stored" | "chair" | "organizer">): Council {
  return councilOf({ stored: request.stored, chair: request.chair, bookedBy: request.organizer.address });
}

/** Everyone asked about the times: the people outside the council first (they are the ones told by email). */
export function inviteesOf(attendees: readonly Attendee[], council: Council): Invitee[] {
  const all = attendees.map((a): Invitee => ({ address: a.address, name: a.name, type: a.type, outside: isOutsideCouncil(a.address, council) }));
  return [...all.filter((i) => i.outside), ...all.filter((i) => !i.outside)];
}

/**
 * Proposes two or three times for a child's next review or conference: each is held as tentative
 * in the organizer's calendar and sent as a meeting request to everyone invited (council staff get
 * it in their own calendars, tentatively; families and partners by email, with Accept and Decline;
 * each sees only themselves under the service's attendeeList policy), tagged with the case reference. The organizer's calendar reminds them to confirm before the
 * holds expire, and the proposal is kept on the case. Times sooner than the minimum notice, two
 * that overlap, or a time after the due-by date without a reason are refused before anything is
 * sent. A time that cannot be held is reported; the others stand.
 */
export async function proposeTimes(
  ports: { readonly holds: HoldCalendar; readonly reminders: Reminders; readonly cases: CaseStore },
  request: ProposeRequest,
  settings: ServiceSettings,
  calendar: WorkingCalendar,
  signal?: AbortSignal,
): Promise<ProposeOutcome> {
  const child = request.stored.childCase;
  const eventKind = `${request.next.event} ${request.next.number}`;
  const already = openProposal(child.proposal, eventKind);
  if (already && already.id !== request.proposalId) throw new ProposalError(`Times are already proposed for ref ${child.ref}: confirm one or withdraw them before proposing others.`);
  // The service's minimum notice: the longer one when anyone outside the council is asked.
  const council = proposalCouncil(request);
  const outside = request.attendees.some((a) => isOutsideCouncil(a.address, council));
  const notice = outside ? settings.minimumNotice.familyOrPartners : settings.minimumNotice.staffOnly;
  const earliest = earliestMeetingDay(calendar, request.today, outside, settings.minimumNotice);
  const check = checkCandidates(request.times, earliest, request.next.dueBy);
  if (check.problems.length > 0) throw new ProposalError(check.problems.join(" "));
  if (check.late.length > 0 && !isLateReason(request.lateReason)) throw new LateReasonNeeded(request.next.dueBy);

  const { expiresOn, remindOn, atRisk } = holdTimes(calendar, request.today, settings.holdWorkingDays, request.next.dueBy, notice);
  const childName = settings.showChildNames ? child.childName : null;
  // Each family member, carer and partner sees only themselves in the invitation, as for a booking.
  const hideAttendees = hidesAttendeeList(settings.attendeeList, request.attendees, council);
  // Outlook handles at most four requests at a time per mailbox (Exchange's concurrency limit), so
  // the two or three holds go together.
  const placed = await Promise.allSettled(
    request.times.map((t, i) =>
      ports.holds.placeHold(
        {
          caseRef: child.ref,
          eventKind,
          option: i + 1,
          subject: proposalSubject(request.next.event, request.next.number, child.ref, i + 1, request.times.length, childName),
          start: t.start,
          end: t.end,
          attendees: request.attendees,
          bodyHtml: proposalBodyHtml({ event: request.next.event, number: request.next.number, ref: child.ref, option: i + 1, times: request.times, chair: request.chair.name, classification: settings.classification, answerBy: expiresOn }),
          ...(request.online || !request.location ? {} : { location: request.location }),
          hideAttendees,
          transactionId: request.transactionIds[i]!,
        },
        signal,
      ),
    ),
  );
  const candidates: Candidate[] = [];
  const failed: { option: number; start: Instant; end: Instant; error: unknown }[] = [];
  placed.forEach((result, i) => {
    const t = request.times[i]!;
    if (result.status === "fulfilled") candidates.push({ option: i + 1, start: t.start, end: t.end, holdId: result.value.id });
    else failed.push({ option: i + 1, start: t.start, end: t.end, error: result.reason });
  });
  if (candidates.length === 0) throw failed[0]!.error;

  let reminder: ProposeOutcome["reminder"];
  try {
    await ports.reminders.set(
      {
        caseRef: child.ref,
        kind: "hold-expiry",
        eventKind,
        deadline: expiresOn,
        remindOn,
        subject: `Confirm a time: ${bookingSubject(request.next.event, request.next.number, child.ref, childName)}`,
        bodyHtml: `<p>${escapeHtml(`The times proposed are held until ${ukDayAndDate(expiresOn)}. Open IRO Desk to see the answers and confirm one.${atRisk ? " Waiting until then would leave no time to propose again before the due-by date." : ""}`)}</p>`,
      },
      signal,
    );
    reminder = { on: remindOn };
  } catch (error) {
    reminder = { error };
  }

  const proposal: Proposal = {
    id: request.proposalId,
    eventKind,
    event: request.next.event,
    number: request.next.number,
    organizer: request.organizer,
    chair: request.chair,
    proposedOn: request.today,
    expiresOn,
    remindOn,
    atRisk,
    dueBy: request.next.dueBy,
    candidates,
    invitees: inviteesOf(request.attendees, council),
    answers: [],
    lateReason: check.late.length > 0 ? request.lateReason : null,
    online: request.online,
    location: request.location,
    status: "open",
  };
  const stored = await addToCase(ports.cases, request.stored, (c) => ({ ...c, proposal }), signal);
  return { stored, proposal, failed, reminder };
}
