import type { Instant } from "../domain/calendar/londonTime.js";
import type { Attendee } from "./Calendar.js";

/** What a booking puts into an appointment the user is writing (Outlook's appointment organizer form). */
export interface AppointmentFields {
  readonly subject: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly attendees: readonly Attendee[];
  readonly location: string;
  readonly bodyHtml: string;
  readonly caseRef: string;
  readonly eventKind: string;
}

/** The open appointment, when the pane was opened from one. */
export interface AppointmentForm {
  fill(fields: AppointmentFields, signal?: AbortSignal): Promise<void>;
}

/** The surface IRO Desk runs in: each host entry (Outlook, Teams, extension, preview) gives its own. */
export interface Host {
  readonly name: string;
  /** The appointment being written, or null when the pane is a sidebar. */
  readonly appointment: AppointmentForm | null;
  /** Office, Teams or the browser's theme: "light", "dark" or "contrast". */
  readonly theme: "light" | "dark" | "contrast";
}

/** The email being written (Outlook compose), where a template is inserted at the cursor. */
export interface ComposeForm {
  bodyType(signal?: AbortSignal): Promise<"html" | "text">;
  /** Inserts at the cursor (replacing any selection). */
  insert(content: string, type: "html" | "text", signal?: AbortSignal): Promise<void>;
  subject(signal?: AbortSignal): Promise<string>;
  setSubject(subject: string, signal?: AbortSignal): Promise<void>;
  addRecipients(to: readonly { readonly address: string; readonly name: string }[], signal?: AbortSignal): Promise<void>;
}

/** The received email being read (Outlook read), from which a dispute is raised. */
export interface OpenMessage {
  /** The Graph (REST) id, for replies through Graph. */
  readonly id: string;
  readonly internetMessageId: string;
  readonly subject: string;
  readonly from: { readonly address: string; readonly name: string };
  readonly webLink: string | null;
  /** Opens a reply to this email with `html` above the original, for the user to check and send. */
  openReply(html: string, signal?: AbortSignal): Promise<void>;
}
