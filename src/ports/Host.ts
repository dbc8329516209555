import type { Instant } from "../domain/calendar/londonTime.js";
import type { RenderedEmail } from "../domain/templates/emailTemplate.js";
import type { Attendee } from "./Calendar.js";
import type { DraftMail } from "./Mail.js";

/**
 * What a booking writes into an appointment the user is writing (Outlook's appointment organizer
 * form). The attendees go on last, after the appointment is saved and completed through Graph, so
 * nobody is invited before it is private, tagged and (where chosen) a Teams meeting.
 */
export interface AppointmentFields {
  readonly subject: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly location: string;
  readonly bodyHtml: string;
  readonly caseRef: string;
  readonly eventKind: string;
}

/** The appointment as Outlook saved it. */
export interface SavedAppointment {
  /** Its Graph (REST) id: Outlook's saveAsync gives an EWS id, converted. */
  readonly id: string;
  /** Outlook marked it private itself (Mailbox 1.14); otherwise only Graph does. */
  readonly privateInOutlook: boolean;
}

/** The open appointment, when the pane was opened from one. */
export interface AppointmentForm {
  /**
   * Writes the booking into the form and saves it (Outlook's saveAsync): the appointment is then in
   * the organizer's calendar and has an id, and nobody has been invited.
   */
  fillAndSave(fields: AppointmentFields, signal?: AbortSignal): Promise<SavedAppointment>;
  /** Puts the attendees on the form: Outlook invites them when the user presses Send. */
  addAttendees(attendees: readonly Attendee[], signal?: AbortSignal): Promise<void>;
}

/**
 * A Teams meeting the pane runs in, by its chat: `chatId` is the meeting chat's thread id as Teams
 * names it to the tab (context.chat.id), the id its calendar event's join link and Graph's chat
 * share. Teams' own meeting id (context.meeting.id) is an encoded value that neither carries.
 */
export interface MeetingInfo {
  readonly chatId: string;
}

/** What the user has open in the host: at most one of these is set; none in a sidebar or tab. */
export interface HostItem {
  readonly appointment: AppointmentForm | null;
  readonly compose: ComposeForm | null;
  readonly message: OpenMessage | null;
  readonly meeting: MeetingInfo | null;
}

export const NO_ITEM: HostItem = { appointment: null, compose: null, message: null, meeting: null };

/** Which kind of item a pane is open on, in one word (a kept picture is shown only on the same kind). */
export type ItemKind = "appointment" | "compose" | "message" | "meeting" | "none";

export function itemKind(item: HostItem): ItemKind {
  return item.appointment ? "appointment" : item.compose ? "compose" : item.message ? "message" : item.meeting ? "meeting" : "none";
}

/**
 * Where a template is inserted: the email being written in Outlook, or the field in focus on a web
 * page (the browser extension). A web form has no subject or recipients, so those are optional.
 */
export interface ComposeForm {
  /** What the pane calls the target: "the email", "the field on the page". */
  readonly targetName: string;
  bodyType(signal?: AbortSignal): Promise<"html" | "text">;
  /** Inserts at the cursor (replacing any selection), as rich text or plain text. */
  insert(email: RenderedEmail, type: "html" | "text", signal?: AbortSignal): Promise<void>;
  readonly subject?: (signal?: AbortSignal) => Promise<string>;
  readonly setSubject?: (subject: string, signal?: AbortSignal) => Promise<void>;
  readonly addRecipients?: (to: readonly { readonly address: string; readonly name: string }[], signal?: AbortSignal) => Promise<void>;
  /**
   * Marks the email being written with one of the add-in's own custom properties, which stay on
   * it into Sent Items (and are not sent to recipients), so IRO Desk can tell later that it was
   * sent. Absent where the target is a web form, whose sending nothing can see.
   */
  readonly tag?: (name: string, value: string, signal?: AbortSignal) => Promise<void>;
}

/** The received email being read (Outlook read), from which a dispute is raised. */
export interface OpenMessage {
  /** The Graph (REST) id, for replies through Graph. */
  readonly id: string;
  readonly internetMessageId: string;
  readonly subject: string;
  readonly from: { readonly address: string; readonly name: string };
  readonly webLink: string | null;
  /** Shows a reply the app put in Drafts (Mail.draftReply), for the user to check and send. */
  openDraft(draft: DraftMail, signal?: AbortSignal): Promise<void>;
}
