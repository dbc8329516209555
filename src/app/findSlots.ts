import { addDays, type IsoDate } from "../domain/calendar/isoDate.js";
import { londonTimeToInstant, type Instant } from "../domain/calendar/londonTime.js";
import type { WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import { candidateSlots, rankSlots, type Slot } from "../domain/scheduling/rankSlots.js";
import type { Attendee, Calendar } from "../ports/Calendar.js";

export interface SlotRequest {
  readonly chair: string;
  readonly attendees: readonly Attendee[];
  readonly from: IsoDate;
  readonly dueBy: IsoDate;
  readonly lengthMinutes: number;
  readonly maxReviewsPerDay: number;
  readonly reviewsOnDay: (date: IsoDate) => number;
  readonly calendar: WorkingCalendar;
  readonly now: Instant;
}

export interface SlotFinding {
  /** The window searched: at most 61 days (Graph's getSchedule limit), from the earliest date. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** True when the window had to stop short of the due-by date. */
  readonly shortened: boolean;
  readonly slots: readonly Slot[];
  readonly best: readonly Slot[];
}

/** Windows longer than this are cut (getSchedule takes less than 62 days at once). */
const MAX_WINDOW_DAYS = 60;

/**
 * Free times for everyone invited, with one Graph call: the chair's and attendees' free/busy
 * over the window from the earliest date to the due-by date, ranked by rankSlots.
 */
export async function findSlots(calendar: Calendar, request: SlotRequest, signal?: AbortSignal): Promise<SlotFinding> {
  const from = request.from;
  const latest = addDays(from, MAX_WINDOW_DAYS);
  const to = request.dueBy < from ? addDays(from, 14) : request.dueBy > latest ? latest : request.dueBy;
  const addresses = [request.chair, ...request.attendees.map((a) => a.address).filter((a) => a.toLowerCase() !== request.chair.toLowerCase())];
  const diaries = await calendar.freeBusy(addresses, londonTimeToInstant(from, 0), londonTimeToInstant(addDays(to, 1), 0), signal);
  const chair = diaries[0];
  const hours = chair?.known ? chair.workingHours : null;
  const slots = candidateSlots({
    calendar: request.calendar,
    from,
    to,
    lengthMinutes: request.lengthMinutes,
    stepMinutes: 30,
    dayStart: hours?.start ?? 9 * 60,
    dayEnd: hours?.end ?? 17 * 60,
    days: hours?.days ?? [1, 2, 3, 4, 5],
    people: diaries.map((d) => (d.known ? { address: d.address, known: true, busy: d.items } : { address: d.address, known: false, busy: [] })),
    reviewsOnDay: request.reviewsOnDay,
    maxReviewsPerDay: request.maxReviewsPerDay,
    notBefore: request.now,
  });
  return { from, to, shortened: request.dueBy > latest, slots, best: rankSlots(slots, 5) };
}
