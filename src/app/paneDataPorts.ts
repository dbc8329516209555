import type { Booking, Calendar } from "../ports/Calendar.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import type { PaneData } from "./paneData.js";

/**
 * The case register as the panes use it, with their data kept in step: every write still goes to
 * Microsoft 365 (with its ETag) and what it returns is kept at once; a read of the whole
 * register (the managers' figures, the import) is the pane's data brought up to date with one
 * delta round trip, not every page read again.
 */
export function casesThrough(data: PaneData, graph: CaseStore): CaseStore {
  const kept = async (read: Promise<StoredCase>) => {
    const stored = await read;
    data.putCase(stored);
    return stored;
  };
  return {
    async *readCases() {
      const { cases, unreadable } = await data.current();
      yield { cases, unreadable };
    },
    readCase: (id, signal) => kept(graph.readCase(id, signal)),
    createCase: (childCase, signal) => kept(graph.createCase(childCase, signal)),
    updateCase: (id, version, childCase, signal) => kept(graph.updateCase(id, version, childCase, signal)),
  };
}

/** The chair's calendar, with bookings made, moved or cancelled kept at once. */
export function calendarThrough(data: PaneData, graph: Calendar): Calendar {
  const kept = async (booking: Promise<Booking>) => {
    const done = await booking;
    data.putBooking(done);
    return done;
  };
  return {
    freeBusy: (addresses, from, to, signal) => graph.freeBusy(addresses, from, to, signal),
    createBooking: (request, signal) => kept(graph.createBooking(request, signal)),
    completeBooking: (id, completion, signal) => kept(graph.completeBooking(id, completion, signal)),
    updateBooking: (id, changes, signal) => kept(graph.updateBooking(id, changes, signal)),
    async cancelBooking(id, signal) {
      await graph.cancelBooking(id, signal);
      data.putBooking({ id, gone: true });
    },
    bookingsForCase: (caseRef, signal) => graph.bookingsForCase(caseRef, signal),
    bookingsBetween: (from, to, signal) => graph.bookingsBetween(from, to, signal),
  };
}
