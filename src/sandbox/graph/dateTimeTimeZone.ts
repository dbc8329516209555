import { instant, instantToLondon, londonTimeToInstant, type Instant } from "../../domain/calendar/londonTime.js";
import { parseIsoDate } from "../../domain/calendar/isoDate.js";
import { badRequest } from "./graphError.js";

/** Graph's dateTimeTimeZone: a wall-clock time and the zone it is in. */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

/** The zones the sandbox speaks: UTC and UK time, by IANA or Windows name (Outlook sends the latter). */
const LONDON = new Set(["europe/london", "gmt standard time"]);
const UTC = new Set(["utc", "etc/utc", "coordinated universal time", "gmt", "etc/gmt"]);

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An instant from a Graph dateTimeTimeZone; a 400 naming the field for anything Graph would refuse. */
export function parseDateTimeTimeZone(value: unknown, field: string): Instant {
  if (typeof value !== "object" || value === null) throw badRequest(`${field} must be a dateTimeTimeZone object with dateTime and timeZone.`);
  const { dateTime, timeZone } = value as Partial<DateTimeTimeZone>;
  if (typeof dateTime !== "string") throw badRequest(`${field}.dateTime is required.`);
  const zone = (typeof timeZone === "string" ? timeZone : "UTC").toLowerCase();
  const match = WALL_CLOCK.exec(dateTime);
  const date = match ? parseIsoDate(match[1]!) : undefined;
  const [hours, minutes, seconds] = [Number(match?.[2]), Number(match?.[3]), Number(match?.[4] ?? 0)];
  if (!match || !date || hours > 23 || minutes > 59 || seconds > 59) {
    throw badRequest(`Cannot convert the literal '${dateTime}' in ${field}.dateTime to a date and time.`);
  }
  if (match[5]) return parseOffsetDateTime(dateTime, field);
  if (UTC.has(zone)) return instant(Date.parse(`${match[1]}T${match[2]}:${match[3]}:${String(seconds).padStart(2, "0")}Z`));
  if (LONDON.has(zone)) return instant(londonTimeToInstant(date, hours * 60 + minutes) + seconds * 1000);
  throw badRequest(`The sandbox knows the time zones UTC and GMT Standard Time (Europe/London), not '${timeZone}'.`, "TimeZoneNotSupportedException");
}

/** An ISO date-time with an offset or Z, as calendarView's startDateTime takes; without one, UTC. */
export function parseOffsetDateTime(text: string, field: string): Instant {
  const match = WALL_CLOCK.exec(text);
  if (!match || !parseIsoDate(match[1]!)) throw badRequest(`The value '${text}' of ${field} is not a valid date and time.`, "ErrorInvalidParameter");
  return instant(Date.parse(match[5] ? text : `${text}Z`));
}

/** The zone a response speaks: Prefer: outlook.timezone="..." or UTC, as Graph does. */
export function preferredZone(prefer: string | undefined): "UTC" | "GMT Standard Time" | "Europe/London" {
  const zone = /outlook\.timezone="([^"]+)"/i.exec(prefer ?? "")?.[1]?.toLowerCase();
  if (zone === "europe/london") return "Europe/London";
  return zone && LONDON.has(zone) ? "GMT Standard Time" : "UTC";
}

/** An instant as Graph writes it: "2026-01-05T10:00:00.0000000" in the zone asked for. */
export function formatDateTimeTimeZone(at: Instant, zone: ReturnType<typeof preferredZone>): DateTimeTimeZone {
  if (zone === "UTC") return { dateTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, ".0000000"), timeZone: "UTC" };
  const { date, minutes } = instantToLondon(at);
  const seconds = Math.floor((at % 60_000) / 1000);
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return { dateTime: `${date}T${clock}.0000000`, timeZone: zone };
}
