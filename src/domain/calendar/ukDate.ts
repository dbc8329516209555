import { dateParts, dayNumberOf, daysInMonth, digitsAt, isoDate, parseIsoDate, toDayNumber, type IsoDate } from "./isoDate.js";

/** UK display form: formatUkDate("2026-02-02") = "02/02/2026". */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/**
 * Reads a date as people and the SSDA903 return write it, dd/mm/yyyy, or as ISO yyyy-mm-dd;
 * undefined for anything else or an impossible date. parseUkDate("29/02/2028") = "2028-02-29".
 */
export function parseUkDate(text: string): IsoDate | undefined {
  // ISO first: it is how JSON and the sandbox store dates, and it needs no regex capture arrays.
  const iso = parseIsoDate(text);
  if (iso !== undefined) return iso;
  // dd/mm/yyyy read from its character codes: the SSDA903 return has a million of them.
  if (text.length === 10 && text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47) {
    const day = digitsAt(text, 0, 2);
    const month = digitsAt(text, 3, 2);
    const year = digitsAt(text, 6, 4);
    if (day >= 0 && month >= 0 && year >= 0) return month >= 1 && month <= 12 && day >= 1 ? parseIsoDate(isoDate(year, month, day)) : undefined;
  }
  const trimmed = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!uk) return parseIsoDate(trimmed);
  const [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  return parseIsoDate(isoDate(year, month, day));
}

/**
 * The date parseUkDate reads, as its day number (toDayNumber), without making its text: an import
 * checks and compares a million dates and shows very few. undefined when parseUkDate's is.
 * parseUkDayNumber("01/01/1970") = 0; parseUkDayNumber("31/04/2026") = undefined.
 */
export function parseUkDayNumber(text: string): number | undefined {
  // dd/mm/yyyy or yyyy-mm-dd of ten digits and separators, read from their character codes; anything else (and an impossible date) as parseUkDate reads it.
  if (text.length === 10) {
    const day = text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 ? realDayNumber(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)) : ukDayNumberAt(text, 0);
    if (day !== undefined) return day;
  }
  const date = parseUkDate(text);
  return date === undefined ? undefined : toDayNumber(date);
}

/**
 * The day number of the real date written dd/mm/yyyy in the ten characters of `text` from `at`,
 * read where it is in a line of a file (no string is cut for it); undefined when they are
 * anything else, which parseUkDayNumber may still read (" 5/01/2026") or refuse ("31/04/2026").
 * ukDayNumberAt("12,05/01/1970", 3) = 4.
 */
export function ukDayNumberAt(text: string, at: number): number | undefined {
  if (text.charCodeAt(at + 2) !== 47 || text.charCodeAt(at + 5) !== 47) return undefined;
  return realDayNumber(digitsAt(text, at + 6, 4), digitsAt(text, at + 3, 2), digitsAt(text, at, 2));
}

/** dayNumberOf for a real date; undefined for an impossible one or a part that was not digits (-1, as digitsAt says). */
function realDayNumber(year: number, month: number, day: number): number | undefined {
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? dayNumberOf(year, month, day) : undefined;
}
