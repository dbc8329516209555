import { addCalendarMonths } from "../calendar/addCalendarMonths.js";
import { addWorkingDays } from "../calendar/addWorkingDays.js";
import { addDays, type IsoDate } from "../calendar/isoDate.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";

/** A statutory interval: "within 20 working days", "within 28 days", "within 6 weeks", "within 3 months". */
export type Within =
  | { readonly unit: "working-days"; readonly count: number }
  | { readonly unit: "days"; readonly count: number }
  | { readonly unit: "weeks"; readonly count: number }
  | { readonly unit: "months"; readonly count: number };

/**
 * The last day on which something due "within" the interval of `from` is still in time (inclusive).
 * deadlineAfter(england, "2026-01-05", { unit: "working-days", count: 20 }) = "2026-02-02";
 * deadlineAfter(england, "2026-08-31", { unit: "months", count: 6 }) = "2027-02-28";
 * deadlineAfter(england, "2026-02-27", { unit: "weeks", count: 4 }) = "2026-03-27".
 */
export function deadlineAfter(calendar: WorkingCalendar, from: IsoDate, within: Within): IsoDate {
  switch (within.unit) {
    case "working-days":
      return addWorkingDays(calendar, from, workingDays(within.count));
    case "days":
      return addDays(from, within.count);
    case "weeks":
      return addDays(from, 7 * within.count);
    case "months":
      return addCalendarMonths(from, within.count);
  }
}
