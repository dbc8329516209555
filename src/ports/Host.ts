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
