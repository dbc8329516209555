import { addDays, isoWeekday, type IsoDate } from "../calendar/isoDate.js";
import { instant, londonTimeToInstant, type Instant } from "../calendar/londonTime.js";
import { isWorkingDay, type WorkingCalendar } from "../calendar/workingCalendar.js";

export type Availability = "free" | "tentative" | "busy" | "unknown";

/** One person's diary over the search window. Unknown people (outside the tenant) are never counted as free. */
export interface PersonDiary {
  readonly address: string;
  readonly known: boolean;
  readonly busy: readonly { readonly start: Instant; readonly end: Instant; readonly status: "tentative" | "busy" | "oof" | "workingElsewhere" | "free" }[];
}

export interface SlotSearch {
  readonly calendar: WorkingCalendar;
  /** First and last day to look at. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The statutory due-by date (inclusive): slots after it are marked, and ranked after every slot in time. */
  readonly dueBy: IsoDate;
  readonly lengthMinutes: number;
  /** Slots start on this grid (30 minutes). */
  readonly stepMinutes: number;
  /** The chair's working hours, London time, minutes after midnight; and working days (1 Monday … 7 Sunday). */
  readonly dayStart: number;
  readonly dayEnd: number;
  readonly days: readonly number[];
  readonly people: readonly PersonDiary[];
  /** The chair's other reviews and conferences that day, and the most a chair should hold in a day. */
  readonly reviewsOnDay: (date: IsoDate) => number;
  readonly maxReviewsPerDay: number;
  /** No slot starts before this instant (now). */
  readonly notBefore: Instant;
}

export interface Slot {
  readonly date: IsoDate;
  readonly start: Instant;
  readonly end: Instant;
  /** Each person's availability for the whole slot. */
  readonly people: readonly { readonly address: string; readonly availability: Availability }[];
  readonly busyCount: number;
  readonly tentativeCount: number;
  readonly unknownCount: number;
  readonly reviewsThatDay: number;
  /** After the due-by date: booking it makes the review late (a reason is asked for). */
  readonly afterDueBy: boolean;
}

const RANK: Record<Exclude<Availability, "unknown">, number> = { free: 0, tentative: 1, busy: 2 };

/**
 * Every possible slot in the window: working days of the nation (bank holidays excluded) that are
 * the chair's working days, inside working hours in London time (so 09:00 is 09:00 either side of
 * the clocks changing), not in the past, on days where the chair is under the daily cap.
 */
export function candidateSlots(search: SlotSearch): Slot[] {
  const slots: Slot[] = [];
  for (let date = search.from; date <= search.to; date = addDays(date, 1)) {
    if (!isWorkingDay(search.calendar, date) || !search.days.includes(isoWeekday(date))) continue;
    const reviewsThatDay = search.reviewsOnDay(date);
    if (reviewsThatDay >= search.maxReviewsPerDay) continue;
    for (let minute = search.dayStart; minute + search.lengthMinutes <= search.dayEnd; minute += search.stepMinutes) {
      const start = londonTimeToInstant(date, minute);
      if (start < search.notBefore) continue;
      const end = instant(start + search.lengthMinutes * 60_000);
      const people = search.people.map((p) => ({ address: p.address, availability: availabilityOf(p, start, end) }));
      slots.push({
        date,
        start,
        end,
        people,
        busyCount: people.filter((p) => p.availability === "busy").length,
        tentativeCount: people.filter((p) => p.availability === "tentative").length,
        unknownCount: people.filter((p) => p.availability === "unknown").length,
        reviewsThatDay,
        afterDueBy: date > search.dueBy,
      });
    }
  }
  return slots;
}

/**
 * The best slots first: on or before the due-by date (a review later than that is out of
 * timescale: reg. 33 of the Care Planning, Placement and Case Review (England) Regulations 2010,
 * Working Together 2023 for conferences), then everyone (whose diary we can see) free, then the
 * fewest tentative, then the chair's lightest day, then the earliest (earlier is safer against
 * the statutory deadline).
 *
 * With the chair free all week and the social worker busy on Monday morning, Monday 13:00 ranks
 * above Monday 10:00, and Monday 13:00 above Tuesday 10:00. Due by Monday, a Monday slot with the
 * social worker busy ranks above a Tuesday slot with everyone free.
 */
export function rankSlots(slots: readonly Slot[], limit: number): Slot[] {
  return [...slots]
    .sort((a, b) => Number(a.afterDueBy) - Number(b.afterDueBy) || a.busyCount - b.busyCount || a.tentativeCount - b.tentativeCount || a.reviewsThatDay - b.reviewsThatDay || a.start - b.start)
    .slice(0, limit);
}

function availabilityOf(person: PersonDiary, start: Instant, end: Instant): Availability {
  if (!person.known) return "unknown";
  let worst: Exclude<Availability, "unknown"> = "free";
  for (const item of person.busy) {
    if (item.start >= end || item.end <= start || item.status === "free") continue;
    const a = item.status === "tentative" ? "tentative" : item.status === "workingElsewhere" ? "free" : "busy";
    if (RANK[a] > RANK[worst]) worst = a;
  }
  return worst;
}
