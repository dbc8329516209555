import type { IsoDate } from "../calendar/isoDate.js";
import type { Instant } from "../calendar/londonTime.js";
import { ukDayAndDate, ukTimeRange } from "../calendar/ukTimes.js";
import type { CaseRef } from "../caseload/caseRef.js";
import type { StatutoryEvent } from "../timescales/ruleSets.js";
import { bookingSubject } from "./bookingInvite.js";
import { escapeHtml } from "./escapeHtml.js";

/**
 * The subject of one proposed time's meeting request: which of the times it is, then the booking's
 * own subject (the case reference, never the child's name unless the service shows names).
 * proposalSubject("lac-review", 3, "104233", 1, 3) = "Possible time 1 of 3: LAC review 3 – ref 104233".
 */
export function proposalSubject(event: StatutoryEvent, number: number, ref: CaseRef, option: number, of: number, childName: string | null = null): string {
  return `Possible time ${option} of ${of}: ${bookingSubject(event, number, ref, childName)}`;
}

export interface ProposalBody {
  readonly event: StatutoryEvent;
  readonly number: number;
  readonly ref: CaseRef;
  readonly option: number;
  readonly times: readonly { readonly start: Instant; readonly end: Instant }[];
  readonly chair: string;
  readonly classification: string;
  /** The day the holds expire: a time is confirmed by then. */
  readonly answerBy: IsoDate;
}

/**
 * The meeting request for one proposed time, written for a parent or carer reading it on a phone:
 * what it is, every time offered (this one marked), what to press, and what happens next. The
 * Accept and Decline buttons are the mail app's own (any app that reads calendar invitations: no
 * account or sign-in); a plain reply works too. Every value is escaped.
 */
export function proposalBodyHtml(body: ProposalBody): string {
  const title = bookingSubject(body.event, body.number, body.ref);
  return [
    `<p><strong>${escapeHtml(body.classification)}</strong></p>`,
    `<h2>${escapeHtml(`Possible time ${body.option} of ${body.times.length} for ${title}`)}</h2>`,
    `<p>We are looking for a time that suits everyone. We have sent you an invitation for each of these times:</p>`,
    `<ol>${body.times.map((t, i) => `<li>${escapeHtml(ukTimeRange(t.start, t.end))}${i + 1 === body.option ? " <strong>(this invitation)</strong>" : ""}</li>`).join("")}</ol>`,
    `<p>Please answer each invitation: <strong>Accept</strong> if you can come at that time, <strong>Decline</strong> if you cannot. Your email app shows these buttons with the invitation. If it does not, reply to this email and say which times you can make.</p>`,
    `<p>We will confirm one time by ${escapeHtml(ukDayAndDate(body.answerBy))}. The invitations for the other times will then be cancelled, and the time chosen becomes the meeting, with its agenda.</p>`,
    `<p>Chair: ${escapeHtml(body.chair)}.</p>`,
  ].join("\n");
}

/** What the people invited to a time that was not chosen are told when it is cancelled. */
export function notNeededComment(chosen: { readonly start: Instant; readonly end: Instant } | null): string {
  return chosen
    ? `This possible time is not needed: the meeting will be on ${ukTimeRange(chosen.start, chosen.end)}, and you have the invitation for that time. Thank you for your answer.`
    : "These possible times are not needed any more. We will be in touch about a new time. Thank you for your answer.";
}
