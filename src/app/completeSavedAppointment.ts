import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { Booking, Calendar } from "../ports/Calendar.js";
import { NotFoundError, PortError } from "../ports/errors.js";

/**
 * How long to wait for an appointment Outlook saved to reach the server before asking Graph again:
 * Outlook in cached mode saves to its local copy first, and "until the item is synced, using the
 * item ID will return an error" (Office.AppointmentCompose.saveAsync, checked 2026-11).
 */
const SYNC_WAITS_MS = [2_000, 5_000, 10_000] as const;

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * Completes an appointment Outlook has saved (private, tagged with the case, a Teams meeting when
 * chosen) through Graph, asking again while the saved item has not reached the server. A failure
 * says what state the appointment is left in: saved in the calendar, nobody invited.
 */
export async function completeSavedAppointment(
  calendar: Calendar,
  id: string,
  completion: { readonly caseRef: CaseRef; readonly eventKind: string; readonly online: boolean },
  signal?: AbortSignal,
  waits: readonly number[] = SYNC_WAITS_MS,
): Promise<Booking> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await calendar.completeBooking(id, completion, signal);
    } catch (error) {
      if (error instanceof NotFoundError && attempt < waits.length) {
        await wait(waits[attempt]!, signal);
        continue;
      }
      const why = error instanceof NotFoundError ? "Outlook has not yet saved it to Microsoft 365" : (error as Error).message;
      throw new PortError(
        `The appointment is filled in and saved in your calendar, but it is not yet private, tagged with the case${completion.online ? " or a Teams meeting" : ""}, and nobody is invited (${why}). Choose the time again to finish it, or close the appointment without sending.`,
        error instanceof PortError ? error.retryable : false,
      );
    }
  }
}
