/**
 * A calendar date as "YYYY-MM-DD", with no time and no zone. Statutory deadlines are
 * calendar dates in Europe/London; keeping them as plain dates (never as instants) means a
 * clock change can never move a deadline by a day.
 */
declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

/** The number the digits from `at` (count of them) make, or -1 when any is not a digit: digitsAt("05/01/2026", 6, 4) = 2026. */
export function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days in a month of the proleptic Gregorian calendar. daysInMonth(2028, 2) = 29. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Reads a strict ISO calendar date; undefined for anything else, including impossible dates.
 * parseIsoDate("2028-02-29") is a date; parseIsoDate("2026-02-30") and parseIsoDate("29/02/2028") are undefined.
 */
export function parseIsoDate(text: string): IsoDate | undefined {
  // Character codes rather than a regular expression: this runs for every date of every case read.
  // Each character is read once, its digits making the year, month and day as they are checked.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as IsoDate;
}

/** Builds a date from its parts; the parts must already be valid. isoDate(2026, 1, 5) = "2026-01-05". */
export function isoDate(year: number, month: number, day: number): IsoDate {
  // A year of four digits (all but the most unusual): the ten characters made in one string,
  // where joining the parts makes five (a large import makes a million dates).
  if (year >= 1000 && year <= 9999) {
    const digit = (n: number) => 48 + (n % 10);
    return String.fromCharCode(digit(year / 1000 | 0), digit(year / 100 | 0), digit(year / 10 | 0), digit(year), 45, digit(month / 10 | 0), digit(month), 45, digit(day / 10 | 0), digit(day)) as IsoDate;
  }
  const yyyy = String(year).padStart(4, "0");
  return `${yyyy}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}` as IsoDate;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  // Digit arithmetic rather than slice + Number: this runs for every date of every case.
  const digit = (i: number) => date.charCodeAt(i) - 48;
  return {
    year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
    month: digit(5) * 10 + digit(6),
    day: digit(8) * 10 + digit(9),
  };
}

/**
 * Days since 1970-01-01 (day 0). Integer arithmetic only (H. Hinnant's days_from_civil), so no
 * Date object and no machine time zone is involved.
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return dayNumberOf(year, month, day);
}

/** toDayNumber of a real date given by its parts: dayNumberOf(1970, 1, 1) = 0. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of toDayNumber: fromDayNumber(0) = "1970-01-01". */
export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return isoDate(year, month, day);
}

/** Year, month and day of a day number, without building a string (H. Hinnant's civil_from_days). */
export function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: 1 Monday … 7 Sunday. isoWeekday("2026-01-05") = 1. */
export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

export function isoWeekdayOfDayNumber(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((dayNumber + 3) % 7) + 7) % 7 + 1;
}

/** Calendar days later (or earlier, when negative). addDays("2028-02-28", 1) = "2028-02-29". */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}
