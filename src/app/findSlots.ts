import { addDays, type IsoDate } from "../domain/calendar/isoDate.js";
import { londonTimeToInstant, type Instant } from "../domain/calendar/londonTime.js";
import type { WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import { isOutsideCouncil, type Council } from "../domain/scheduling/attendeeList.js";
import { earliestMeetingDay, type MinimumNotice } from "../domain/scheduling/minimumNotice.js";
import { candidateSlots, rankSlots, type Slot } from "../domain/scheduling/rankSlots.js";
import type { Attendee, Calendar } from "../ports/Calendar.js";
import { workingHoursOn } from "./workingHoursOn.js";

export interface SlotRequest {
  readonly chair: string;
  readonly attendees: readonly Attendee[];
  /** The earliest date the user asked for; the service's minimum notice may put it later. */
  readonly from: IsoDate;
  readonly dueBy: IsoDate;
  readonly lengthMinutes: number;
  readonly maxReviewsPerDay: number;
  readonly reviewsOnDay: (date: IsoDate) => number;
  readonly calendar: WorkingCalendar;
  readonly today: IsoDate;
  readonly now: Instant;
  readonly notice: MinimumNotice;
  /** Who is inside the council: anyone invited from outside it means the longer notice. */
  readonly council: Council;
}

export interface SlotFinding {
  /** The window searched: from the later of the earliest date asked for and the notice allows, for at most 61 days (Graph's getSchedule limit). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly dueBy: IsoDate;
  /** True when the window had to stop short of the due-by date. */
  readonly shortened: boolean;
  readonly slots: readonly Slot[];
  readonly best: readonly Slot[];
}

/** Windows longer than this are cut (getSchedule takes less than 62 days at once). */
const MAX_WINDOW_DAYS = 60;
/** At least two weeks are shown, so a child due soon (or overdue) still gets times, marked as after the due-by date. */
const MIN_WINDOW_DAYS = 13;

/**
 * Free times for everyone invited, with one Graph call: the chair's and attendees' free/busy
 * over the window from the earliest date (never sooner than the service's minimum notice for
 * the people invited) to the due-by date, ranked by rankSlots.
 */
export async function findSlots(calendar: Calendar, request: SlotRequest, signal?: AbortSignal): Promise<SlotFinding> {
  const outside = request.attendees.some((a) => isOutsideCouncil(a.address, request.council));
  const noticeFrom = earliestMeetingDay(request.calendar, request.today, outside, request.notice);
  const from = request.from > noticeFrom ? request.from : noticeFrom;
  const latest = addDays(from, MAX_WINDOW_DAYS);
  const shortest = addDays(from, MIN_WINDOW_DAYS);
  const to = request.dueBy < shortest ? shortest : request.dueBy > latest ? latest : request.dueBy;
  const addresses = [request.chair, ...request.attendees.map((a) => a.address).filter((a) => a.toLowerCase() !== request.chair.toLowerCase())];
  const diaries = await calendar.freeBusy(addresses, londonTimeToInstant(from, 0), londonTimeToInstant(addDays(to, 1), 0), signal);
  const chair = diaries[0];
  const hours = chair?.known ? chair.workingHours : null;
  const people = diaries.map((d) => (d.known ? { address: d.address, known: true, busy: d.items } : { address: d.address, known: false, busy: [] }));
  // The chair's day in London time can move with their mailbox's clock changes: find slots over each
  // run of days whose hours are the same.
  const slots: Slot[] = [];
  for (let day = from; day <= to; ) {
    const today = hours ? workingHoursOn(hours, day) : { start: 9 * 60, end: 17 * 60 };
    let last = day;
    while (last < to && (!hours || sameHours(workingHoursOn(hours, addDays(last, 1)), today))) last = addDays(last, 1);
    slots.push(
      ...candidateSlots({
        calendar: request.calendar,
        from: day,
        to: last,
        dueBy: request.dueBy,
        lengthMinutes: request.lengthMinutes,
        stepMinutes: 30,
        dayStart: today.start,
        dayEnd: today.end,
        days: hours?.days ?? [1, 2, 3, 4, 5],
        people,
        reviewsOnDay: request.reviewsOnDay,
        maxReviewsPerDay: request.maxReviewsPerDay,
        notBefore: request.now,
      }),
    );
    day = addDays(last, 1);
  }
  return { from, to, dueBy: request.dueBy, shortened: request.dueBy > latest, slots, best: rankSlots(slots, 5) };
}

function sameHours(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}
