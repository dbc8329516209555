import type { Instant } from "../../domain/calendar/londonTime.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import type { Availability, Booking, BookingRequest, BusyItem, Calendar, WorkingHours } from "../../ports/Calendar.js";
import { NotFoundError } from "../../ports/errors.js";

/**
 * The Calendar port in memory: people's busy times are given, bookings are kept, and every call
 * is counted, so app tests can check how many Graph calls a use case would make.
 */
export class MemoryCalendar implements Calendar {
  readonly bookings: Booking[] = [];
  readonly calls: string[] = [];
  /** Whether each booking hides its attendee list, by booking id, as last set. */
  readonly hidden = new Map<string, boolean>();
  private readonly transactions = new Map<string, Booking>();

  constructor(
    private readonly busy: Readonly<Record<string, readonly BusyItem[]>> = {},
    private readonly hours: WorkingHours = { days: [1, 2, 3, 4, 5], start: 9 * 60, end: 17 * 60 },
  ) {}

  async freeBusy(addresses: readonly string[], from: Instant, to: Instant): Promise<Availability[]> {
    this.calls.push("freeBusy");
    return addresses.map((address) => {
      const items = this.busy[address.toLowerCase()];
      if (!items) return { address, known: false, reason: "outside the organisation" };
      const own = this.bookings.filter((b) => !b.cancelled && b.attendees.some((a) => a.address.toLowerCase() === address.toLowerCase()));
      const all: BusyItem[] = [...items, ...own.map((b) => ({ start: b.start, end: b.end, status: "busy" as const }))];
      return { address, known: true, items: all.filter((i) => i.start < to && i.end > from), workingHours: this.hours };
    });
  }

  async createBooking(request: BookingRequest): Promise<Booking> {
    this.calls.push("createBooking");
    const existing = this.transactions.get(request.transactionId);
    if (existing) return existing;
    const booking: Booking = {
      id: `booking-${this.bookings.length + 1}`,
      caseRef: request.caseRef,
      eventKind: request.eventKind,
      subject: request.subject,
      start: request.start,
      end: request.end,
      attendees: request.attendees,
      joinUrl: request.online ? "https://teams.example/join" : null,
      webLink: null,
      cancelled: false,
    };
    this.bookings.push(booking);
    this.hidden.set(booking.id, request.hideAttendees);
    this.transactions.set(request.transactionId, booking);
    return booking;
  }

  async updateBooking(id: string, changes: Partial<Pick<BookingRequest, "subject" | "start" | "end" | "attendees" | "bodyHtml" | "location" | "hideAttendees">>): Promise<Booking> {
    this.calls.push("updateBooking");
    const index = this.bookings.findIndex((b) => b.id === id);
    const { bodyHtml: _body, location: _location, hideAttendees, ...rest } = changes;
    if (hideAttendees !== undefined) this.hidden.set(id, hideAttendees);
    const updated = { ...this.bookings[index]!, ...rest };
    this.bookings[index] = updated;
    return updated;
  }

  async cancelBooking(id: string): Promise<void> {
    this.calls.push("cancelBooking");
    const index = this.bookings.findIndex((b) => b.id === id);
    if (index >= 0) this.bookings[index] = { ...this.bookings[index]!, cancelled: true };
  }

  /** Completes an appointment saved into `bookings` (untagged, as Outlook saves it); not there yet is Graph's 404. */
  async completeBooking(id: string, completion: { caseRef: CaseRef; eventKind: string; online: boolean }): Promise<Booking> {
    this.calls.push("completeBooking");
    const index = this.bookings.findIndex((b) => b.id === id);
    if (index < 0) throw new NotFoundError("The appointment");
    const completed = { ...this.bookings[index]!, caseRef: completion.caseRef, eventKind: completion.eventKind, joinUrl: completion.online ? "https://teams.example/join" : this.bookings[index]!.joinUrl };
    this.bookings[index] = completed;
    return completed;
  }

  async bookingsForCase(caseRef: CaseRef): Promise<Booking[]> {
    this.calls.push("bookingsForCase");
    return this.bookings.filter((b) => b.caseRef === caseRef && !b.cancelled);
  }

  async bookingsBetween(from: Instant, to: Instant): Promise<Booking[]> {
    this.calls.push("bookingsBetween");
    return this.bookings.filter((b) => !b.cancelled && b.start < to && b.end > from);
  }
}
