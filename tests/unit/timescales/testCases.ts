import { workingCalendar, workingDays } from "../../../src/domain/calendar/workingCalendar.js";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import type { Nation } from "../../../src/domain/calendar/nation.js";
import { assessTimescale, type TimescaleOptions } from "../../../src/domain/timescales/assessTimescale.js";
import { COMMON_LOCAL_TIMESCALES } from "../../../src/domain/timescales/localTimescales.js";
import type { TimescaleCase } from "../../../src/domain/timescales/timescaleCase.js";

export const d = (s: string) => s as IsoDate;
export const ds = (...s: string[]) => s.map(d);

const calendars = new Map<Nation, ReturnType<typeof workingCalendar>>();
export const options: TimescaleOptions = {
  calendarFor: (nation) => calendars.get(nation) ?? calendars.set(nation, workingCalendar(nation)).get(nation)!,
  dueSoon: workingDays(10),
  icpcAnchor: "s47-strategy-discussion",
  local: COMMON_LOCAL_TIMESCALES,
};

export const assess = (c: TimescaleCase, today: string, opts: Partial<TimescaleOptions> = {}) =>
  assessTimescale(c, d(today), { ...options, ...opts });
