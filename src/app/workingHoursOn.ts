import { toDayNumber, type IsoDate } from "../domain/calendar/isoDate.js";
import { instant, instantToLondon } from "../domain/calendar/londonTime.js";
import type { WorkingHours } from "../ports/Calendar.js";

/**
 * Someone's working hours on a day, in London minutes. Hours kept in another zone follow that
 * zone's clock: a mailbox set to UTC that works 09:00–17:00 works 10:00–18:00 London time in
 * summer and 09:00–17:00 in winter. Hours that run into the day before or after stop at midnight.
 */
export function workingHoursOn(hours: WorkingHours, date: IsoDate): { start: number; end: number } {
  const zone = hours.timeZone ?? "Europe/London";
  if (zone === "Europe/London") return { start: hours.start, end: hours.end };
  const inLondon = (minutes: number) => {
    const at = instantToLondon(instant(zonedToInstant(date, minutes, zone)));
    return at.date < date ? 0 : at.date > date ? 24 * 60 : at.minutes;
  };
  return { start: inLondon(hours.start), end: inLondon(hours.end) };
}

/** The instant a wall-clock time on a date is in an IANA zone (Intl knows every zone's rules). */
function zonedToInstant(date: IsoDate, minutes: number, zone: string): number {
  const wall = toDayNumber(date) * 86_400_000 + minutes * 60_000;
  const first = wall - offsetMs(zone, wall);
  return wall - offsetMs(zone, first);
}

function offsetMs(zone: string, at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at / 1000) * 1000;
}
