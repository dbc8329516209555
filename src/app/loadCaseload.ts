import { addDays, type IsoDate } from "../domain/calendar/isoDate.js";
import { instantToLondon, londonTimeToInstant, type Instant } from "../domain/calendar/londonTime.js";
import { assessChild, type ChildAssessment } from "../domain/caseload/assessChild.js";
import type { Booking, Calendar } from "../ports/Calendar.js";
import type { CaseStore, StoredCase, UnreadableCase } from "../ports/CaseStore.js";
import { timescaleOptions } from "./timescaleOptions.js";
import { parseEventTag } from "./eventTags.js";
import type { ServiceSettings } from "./serviceSettings.js";

export interface CaseloadEntry extends ChildAssessment {
  readonly stored: StoredCase;
  /** The chair's tagged booking for the child's next event, if there is one. */
  readonly booking: Booking | null;
  /** Reminders about the child in the signed-in user's calendar (to confirm proposed times, to send a record). */
  readonly reminders: readonly CalendarReminder[];
}

/** A reminder IRO Desk put in the user's calendar: what it is about and its deadline day. */
export interface CalendarReminder {
  readonly kind: "hold-expiry" | "record";
  readonly eventKind: string;
  readonly deadline: IsoDate;
}

export interface Caseload {
  readonly entries: readonly CaseloadEntry[];
  readonly unreadable: readonly UnreadableCase[];
  readonly bookings: readonly Booking[];
  /** How many of the chair's reviews and conferences fall on a day (the daily cap counts these). */
  reviewsOnDay(date: IsoDate): number;
}

/** Bookings are looked for up to this far ahead: beyond the longest gap between reviews. */
const BOOKINGS_AHEAD_DAYS = 190;

/** The window the caseload looks for the chair's bookings in: from yesterday to beyond the longest gap between reviews. */
export function caseloadWindow(today: IsoDate): { from: Instant; to: Instant } {
  return { from: londonTimeToInstant(addDays(today, -1), 0), to: londonTimeToInstant(addDays(today, BOOKINGS_AHEAD_DAYS), 0) };
}

/**
 * The signed-in chair's caseload: the register read a page at a time (each page reported as it
 * arrives, so a screen can draw before the rest comes) and the chair's tagged bookings, in one
 * calendar call. Every child's next event and status is worked out on `today`.
 */
export async function loadCaseload(
  ports: { readonly cases: CaseStore; readonly calendar: Calendar },
  today: IsoDate,
  settings: ServiceSettings,
  onPage?: (soFar: number) => void,
  signal?: AbortSignal,
): Promise<Caseload> {
  const window = caseloadWindow(today);
  const bookingsPromise = ports.calendar.bookingsBetween(window.from, window.to, signal);
  const stored: StoredCase[] = [];
  const unreadable: UnreadableCase[] = [];
  for await (const page of ports.cases.readCases(signal)) {
    stored.push(...page.cases);
    unreadable.push(...page.unreadable);
    onPage?.(stored.length);
  }
  const bookings = (await bookingsPromise).filter((b) => !b.cancelled);
  return caseloadFrom(stored, unreadable, bookings, today, settings);
}

/**
 * A child's entry again after their case was saved (a record, an early review, proposed times):
 * worked out afresh on `today`, keeping what the calendar said (the booking only when it is still for
 * the same event: pass null when the next event has changed).
 */
export function refreshedEntry(before: Pick<CaseloadEntry, "booking" | "reminders"> | null, saved: StoredCase, today: IsoDate, settings: ServiceSettings): CaseloadEntry {
  return { ...assessChild(saved.childCase, today, timescaleOptions(settings)), stored: saved, booking: before?.booking ?? null, reminders: before?.reminders ?? [] };
}

/** A case's assessment with its booking, kept by the case as read (see caseloadFrom's `worked`). */
export type WorkedOut = WeakMap<StoredCase, { readonly assessment: ChildAssessment; readonly booking: Booking | null }>;

/**
 * The same caseload from data already read (a device's copy, after a booking, after a delta). Each
 * child's next event and status is worked out when first asked for, not before: a pane showing
 * one IRO's children works out theirs, not the service's 10,000. `worked` keeps what was worked
 * out for cases read before (the same objects) under the same day, settings and bookings, so a
 * delta that changes three children works out three.
 */
export function caseloadFrom(stored: readonly StoredCase[], unreadable: readonly UnreadableCase[], tagged: readonly Booking[], today: IsoDate, settings: ServiceSettings, worked: WorkedOut = new WeakMap()): Caseload {
  const options = timescaleOptions(settings);
  // Holds for proposed times and reminders carry the case too; only bookings count as booked.
  const bookings = tagged.filter((b) => (parseEventTag(b.eventKind)?.role ?? "booking") === "booking");
  const remindersByCase = new Map<string, CalendarReminder[]>();
  for (const b of tagged) {
    const tag = parseEventTag(b.eventKind);
    if (tag?.role === "reminder" && b.caseRef) remindersByCase.set(b.caseRef, [...(remindersByCase.get(b.caseRef) ?? []), { kind: tag.kind, eventKind: tag.eventKind, deadline: instantToLondon(b.start).date }]);
  }
  const byCase = new Map<string, Booking[]>();
  for (const b of bookings) if (b.caseRef) byCase.set(b.caseRef, [...(byCase.get(b.caseRef) ?? []), b]);
  const perDay = new Map<string, number>();
  for (const b of bookings) {
    const day = instantToLondon(b.start).date;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const work = (s: StoredCase) => {
    const done = worked.get(s);
    if (done) return done;
    const own = byCase.get(s.childCase.ref) ?? [];
    const forKind = (kind: string) => own.find((b) => b.eventKind === kind) ?? null;
    const assessment = assessChild(s.childCase, today, options, (kind) => {
      const b = forKind(kind);
      return b ? instantToLondon(b.start).date : null;
    });
    const result = { assessment, booking: assessment.next ? forKind(`${assessment.next.event} ${assessment.next.number}`) : null };
    worked.set(s, result);
    return result;
  };
  const remindersOf = (ref: string) => remindersByCase.get(ref) ?? NO_REMINDERS;
  const entries = stored.map((s): CaseloadEntry => new EntryWorkedOutLater(s, work, remindersOf));
  return { entries, unreadable, bookings, reviewsOnDay: (date) => perDay.get(date) ?? 0 };
}

const NO_REMINDERS: readonly CalendarReminder[] = [];

/**
 * A caseload entry whose assessment is worked out the first time any part of it is read. Its parts
 * are getters on the class, so spreading an entry (`{ ...entry }`) copies only `stored`: pass on
 * the parts a function needs instead. (Getters in an object literal would
 * survive a spread, but building 50,000 of them took 400 ms against 5 ms for the class.)
 */
class EntryWorkedOutLater implements CaseloadEntry {
  constructor(
    readonly stored: StoredCase,
    private readonly work: (s: StoredCase) => { readonly assessment: ChildAssessment; readonly booking: Booking | null },
    private readonly remindersOf: (ref: string) => readonly CalendarReminder[],
  ) {}
  get child() {
    return this.stored.childCase;
  }
  get lac() {
    return this.work(this.stored).assessment.lac;
  }
  get cp() {
    return this.work(this.stored).assessment.cp;
  }
  get adoption() {
    return this.work(this.stored).assessment.adoption;
  }
  get secure() {
    return this.work(this.stored).assessment.secure;
  }
  get next() {
    return this.work(this.stored).assessment.next;
  }
  get status() {
    return this.work(this.stored).assessment.status;
  }
  get minutesDue() {
    return this.work(this.stored).assessment.minutesDue;
  }
  get booking() {
    return this.work(this.stored).booking;
  }
  get reminders() {
    return this.remindersOf(this.stored.childCase.ref);
  }
}
