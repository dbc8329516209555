import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";

/** What a reminder is for: confirming a proposed time before the holds expire, or sending a meeting's full record. */
export type ReminderKind = "hold-expiry" | "record";

export interface ReminderRequest {
  readonly caseRef: CaseRef;
  readonly kind: ReminderKind;
  /** The meeting it is about, e.g. "lac-review 3". */
  readonly eventKind: string;
  /** The deadline day (the entry sits at 09:00 that day). */
  readonly deadline: IsoDate;
  /** The day Outlook's reminder fires (09:00). */
  readonly remindOn: IsoDate;
  readonly subject: string;
  readonly bodyHtml: string;
}

export interface Reminder {
  readonly id: string;
  readonly caseRef: CaseRef;
  readonly kind: ReminderKind;
  readonly eventKind: string;
  readonly deadline: IsoDate;
}

/** Reminders in the signed-in user's own calendar (Outlook reminds them; nobody else is told). */
export interface Reminders {
  /** Sets the reminder, replacing one of the same kind for the same meeting. */
  set(request: ReminderRequest, signal?: AbortSignal): Promise<Reminder>;
  /** Removes the reminders of that kind for that meeting; how many there were. */
  clear(caseRef: CaseRef, kind: ReminderKind, eventKind: string, signal?: AbortSignal): Promise<number>;
}
