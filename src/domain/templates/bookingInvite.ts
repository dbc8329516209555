import { formatUkDate } from "../calendar/ukDate.js";
import type { IsoDate } from "../calendar/isoDate.js";
import type { CaseRef } from "../caseload/caseRef.js";
import { meetingName, type StatutoryEvent } from "../timescales/ruleSets.js";
import { escapeHtml } from "./escapeHtml.js";

/**
 * The calendar subject of a booking: the event and the case reference, never the child's name
 * unless the service has chosen to show names (domain.md, Privacy).
 * bookingSubject("lac-review", 3, "104233") = "LAC review 3 – ref 104233";
 * bookingSubject("transfer-in-conference", 1, "T77") = "Transfer-in CP conference – ref T77".
 */
export function bookingSubject(event: StatutoryEvent, number: number, ref: CaseRef, childName: string | null = null): string {
  return `${meetingName(event, number)} – ref ${ref}${childName ? ` (${childName})` : ""}`;
}

/** What the invitation asks of those invited before the meeting, per kind of meeting. */
const CONSULTATION: Readonly<Record<StatutoryEvent, string>> = {
  "lac-review": "Please return the consultation forms (child, carers, parents) at least 3 working days before the review.",
  "adoption-review": "Please return the consultation forms (child, prospective adopters, parents where appropriate) at least 3 working days before the review.",
  "secure-review": "Please send your views on whether the child still needs secure accommodation to the chair at least 2 working days before the review.",
  "foster-carer-review": "Please return the review consultation forms before the meeting.",
  icpc: "Please send agency reports to the chair at least 2 working days before the conference.",
  "pre-birth-conference": "Please send agency reports, including midwifery's, to the chair at least 2 working days before the conference.",
  "transfer-in-conference": "Please send agency reports, and the other authority's plan and latest conference record, to the chair at least 2 working days before the conference.",
  rcpc: "Please send agency reports to the chair at least 2 working days before the conference.",
};

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
  const consult = CONSULTATION[body.event];
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
