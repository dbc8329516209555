import type { IsoDate } from "../../domain/calendar/isoDate.js";
import type { Clock } from "../../ports/Clock.js";

/**
 * Made on first use: loading a time zone's rules costs a command like `iro-desk due --today …`
 * several milliseconds of its start-up for nothing.
 */
let londonDate: Intl.DateTimeFormat | null = null;

/** The calendar date in Europe/London at an instant: 23:30 UTC on 30 June is already 1 July in London. */
function londonDateAt(instant: Date): IsoDate {
  // en-CA formats as yyyy-mm-dd.
  londonDate ??= new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
  return londonDate.format(instant) as IsoDate;
}

export const londonClock: Clock = { today: () => londonDateAt(new Date()) };
