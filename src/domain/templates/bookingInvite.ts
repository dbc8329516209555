import { formatUkDate } from "../calendar/ukDate.js";
import type { IsoDate } from "../calendar/isoDate.js";
import type { CaseRef } from "../caseload/caseRef.js";
import { EVENT_NAMES, type StatutoryEvent } from "../timescales/ruleSets.js";
import { escapeHtml } from "./escapeHtml.js";

/**
 * The calendar subject of a booking: the event and the case reference, never the child's name
 * unless the service has chosen to show names (domain.md, Privacy).
 * bookingSubject("lac-review", 3, "104233") = "LAC review 3 – ref 104233".
 */
export function bookingSubject(event: StatutoryEvent, number: number, ref: CaseRef, childName: string | null = null): string {
  const what = event === "icpc" ? EVENT_NAMES[event] : `${EVENT_NAMES[event]} ${number}`;
  return `${what} – ref ${ref}${childName ? ` (${childName})` : ""}`;
}

export interface InviteBody {
  readonly event: StatutoryEvent;
  readonly number: number;
  readonly ref: CaseRef;
  readonly dueBy: IsoDate;
  readonly agenda: readonly string[];
  readonly chair: string;
  readonly classification: string;
  readonly feedbackUrl: string | null;
  /** Trusted markup of the feedback link's QR code (made by the app from the URL). */
  readonly feedbackQrHtml: string | null;
}

/**
 * The invitation's body: the agenda, a reminder to return consultation forms, and the service's
 * feedback link as a link and a QR code. Every value is escaped; only the QR markup, which the
 * app builds itself, is placed as it is.
 */
export function bookingBodyHtml(body: InviteBody): string {
  const title = bookingSubject(body.event, body.number, body.ref);
  const consult =
    body.event === "lac-review"
      ? "Please return the consultation forms (child, carers, parents) at least 3 working days before the review."
      : body.event === "foster-carer-review"
        ? "Please return the review consultation forms before the meeting."
        : "Please send agency reports to the chair at least 2 working days before the conference.";
  const feedbackUrl = body.feedbackUrl && /^https?:\/\//i.test(body.feedbackUrl) ? body.feedbackUrl : null;
  return [
    `<p><strong>${escapeHtml(body.classification)}</strong></p>`,
    `<h2>${escapeHtml(title)}</h2>`,
    `<p>Chair: ${escapeHtml(body.chair)}. Due by ${formatUkDate(body.dueBy)}.</p>`,
    "<h3>Agenda</h3>",
    `<ol>${body.agenda.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ol>`,
    `<p>${escapeHtml(consult)}</p>`,
    ...(feedbackUrl
      ? [
          `<p>Tell us how this meeting went: <a href="${escapeHtml(feedbackUrl)}">${escapeHtml(feedbackUrl)}</a></p>`,
          ...(body.feedbackQrHtml ? [body.feedbackQrHtml] : []),
        ]
      : []),
  ].join("\n");
}
