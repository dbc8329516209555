import { civilFromDayNumber, fromDayNumber, isoDate, isoWeekdayOfDayNumber, toDayNumber, type IsoDate } from "./isoDate.js";

/**
 * An instant: milliseconds since 1970-01-01T00:00Z. Not a calendar date: a review on a date is
 * an IsoDate; a meeting's start is an Instant, shown in Europe/London.
 */
declare const instantBrand: unique symbol;
export type Instant = number & { readonly [instantBrand]: true };
export const instant = (ms: number): Instant => ms as Instant;

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The offset of UK time from UTC at an instant, in minutes: 60 in British Summer Time, from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (Summer Time
 * Order 2002, the EU rule in force since 1996), otherwise 0. Worked out by rule, so it does not
 * depend on the machine's time zone data.
 *
 * londonOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59)) = 0; at 01:00 UTC the same day it is 60.
 */
export function londonOffsetMinutes(at: Instant): number {
  const { year } = civilFromDayNumber(Math.floor(at / DAY));
  const starts = lastSundayDayNumber(year, 3) * DAY + 60 * MINUTE;
  const ends = lastSundayDayNumber(year, 10) * DAY + 60 * MINUTE;
  return at >= starts && at < ends ? 60 : 0;
}

/**
 * The instant of a wall-clock time in London on a date (minutes after midnight). A time in the hour the
 * clocks skip (01:00–02:00 on the last Sunday of March) moves an hour on (01:30 becomes 02:30 BST);
 * in the hour that happens twice in October, the first (BST) one is meant.
 *
 * londonTimeToInstant("2026-07-01", 9 * 60) is 08:00 UTC; londonTimeToInstant("2026-12-01", 9 * 60) is 09:00 UTC.
 */
export function londonTimeToInstant(date: IsoDate, minutes: number): Instant {
  const local = toDayNumber(date) * DAY + minutes * MINUTE;
  const asSummer = local - 60 * MINUTE;
  return instant(londonOffsetMinutes(instant(asSummer)) === 60 ? asSummer : local);
}

/** The London calendar date and minutes after midnight of an instant. */
export function instantToLondon(at: Instant): { date: IsoDate; minutes: number } {
  const local = at + londonOffsetMinutes(at) * MINUTE;
  const dayNumber = Math.floor(local / DAY);
  return { date: fromDayNumber(dayNumber), minutes: Math.round((local - dayNumber * DAY) / MINUTE) };
}

/** "09:30" for 570 minutes after midnight. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function lastSundayDayNumber(year: number, month: number): number {
  const last = toDayNumber(isoDate(year, month, 31));
  return last - (isoWeekdayOfDayNumber(last) % 7);
}
