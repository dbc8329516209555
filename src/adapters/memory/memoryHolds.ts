import type { Instant } from "../../domain/calendar/londonTime.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import type { Answer } from "../../domain/proposals/proposal.js";
import type { Booking } from "../../ports/Calendar.js";
import { NotFoundError } from "../../ports/errors.js";
import type { BookingChanges, Hold, HoldCalendar, HoldRequest } from "../../ports/Holds.js";
import type { MemoryCalendar } from "./memoryCalendar.js";

/**
 * The HoldCalendar port in memory: holds are kept, people answer them as Exchange would record it
 * (answer()), a confirmed hold becomes a booking in the MemoryCalendar, and every call and every
 * cancellation message is kept for tests to read.
 */
export class MemoryHolds implements HoldCalendar {
  readonly holds: Hold[] = [];
  /** Every hold asked for, as asked (tests read what Exchange would have been sent). */
  readonly requests: HoldRequest[] = [];
  readonly calls: string[] = [];
  readonly cancelled: { readonly id: string; readonly comment: string; readonly told: readonly string[] }[] = [];
  private readonly transactions = new Map<string, Hold>();

  constructor(private readonly calendar: MemoryCalendar) {}

  async placeHold(request: HoldRequest): Promise<Hold> {
    this.calls.push("placeHold");
    this.requests.push(request);
    const existing = this.transactions.get(request.transactionId);
    if (existing) return existing;
    const hold: Hold = {
      id: `hold-${this.holds.length + 1}`,
      caseRef: request.caseRef,
      eventKind: request.eventKind,
      option: request.option,
      start: request.start,
      end: request.end,
      attendees: request.attendees.map((a) => ({ ...a, answer: null, answeredAt: null })),
    };
    this.holds.push(hold);
    this.transactions.set(request.transactionId, hold);
    return hold;
  }

  async holdsForCase(caseRef: CaseRef): Promise<Hold[]> {
    this.calls.push("holdsForCase");
    return this.holds.filter((h) => h.caseRef === caseRef);
  }

  async confirmHold(id: string, changes: BookingChanges): Promise<Booking> {
    this.calls.push("confirmHold");
    const hold = this.take(id);
    const booking: Booking = { id, caseRef: hold.caseRef, eventKind: changes.eventKind, subject: changes.subject, start: hold.start, end: hold.end, attendees: hold.attendees, joinUrl: changes.online ? "https://teams.example/join" : null, webLink: null, cancelled: false };
    this.calendar.bookings.push(booking);
    return booking;
  }

  async releaseHold(id: string, comment: string): Promise<void> {
    this.calls.push("releaseHold");
    const index = this.holds.findIndex((h) => h.id === id);
    if (index < 0) return;
    this.cancelled.push({ id, comment, told: this.holds[index]!.attendees.map((a) => a.address) });
    this.holds.splice(index, 1);
  }

  /** An invitee answers a hold (Accept, Tentative or Decline), as Exchange records it on the organizer's event. */
  answer(id: string, address: string, answer: Answer, at: Instant): void {
    const index = this.holds.findIndex((h) => h.id === id);
    const hold = this.holds[index]!;
    this.holds[index] = { ...hold, attendees: hold.attendees.map((a) => (a.address.toLowerCase() === address.toLowerCase() ? { ...a, answer, answeredAt: at } : a)) };
  }

  private take(id: string): Hold {
    const index = this.holds.findIndex((h) => h.id === id);
    if (index < 0) throw new NotFoundError("The proposed time");
    const [hold] = this.holds.splice(index, 1);
    return hold!;
  }
}
