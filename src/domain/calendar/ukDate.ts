import { dateParts, isoDate, parseIsoDate, type IsoDate } from "./isoDate.js";

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
    const day = twoDigits(text, 0);
    const month = twoDigits(text, 3);
    const year = twoDigits(text, 6) * 100 + twoDigits(text, 8);
    if (day >= 0 && month >= 0 && year >= 0) return month >= 1 && month <= 12 && day >= 1 ? parseIsoDate(isoDate(year, month, day)) : undefined;
  }
  const trimmed = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!uk) return parseIsoDate(trimmed);
  const [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  return parseIsoDate(isoDate(year, month, day));
}

/** The number two digits make at `at`, or -1 when they are not both digits. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
