import { isoWeekday, type IsoDate } from "./isoDate.js";
import { formatClock, instantToLondon, type Instant } from "./londonTime.js";
import { formatUkDate } from "./ukDate.js";

const DAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Tue 10/03/2026": a UK date with its weekday, as panes and emails show it. */
export function ukDayAndDate(date: IsoDate): string {
  return `${DAY[isoWeekday(date) - 1]} ${formatUkDate(date)}`;
}

/** "Tue 10/03/2026, 10:00–11:30": a meeting's time in London (BST or GMT, whichever applies that day). */
export function ukTimeRange(start: Instant, end: Instant): string {
  const s = instantToLondon(start);
  const e = instantToLondon(end);
  return `${ukDayAndDate(s.date)}, ${formatClock(s.minutes)}–${formatClock(e.minutes)}`;
}
