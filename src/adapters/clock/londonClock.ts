import type { IsoDate } from "../../domain/calendar/isoDate.js";
import type { Clock } from "../../ports/Clock.js";

const LONDON_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in Europe/London at an instant: 23:30 UTC on 30 June is already 1 July in London. */
export function londonDateAt(instant: Date): IsoDate {
  // en-CA formats as yyyy-mm-dd.
  return LONDON_DATE.format(instant) as IsoDate;
}

export const londonClock: Clock = { today: () => londonDateAt(new Date()) };
