import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../../../src/domain/calendar/addWorkingDays.js";
import { addDays, type IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { isWorkingDay, workingCalendar, workingDays } from "../../../src/domain/calendar/workingCalendar.js";
import { workingDaysBetween } from "../../../src/domain/calendar/workingDaysBetween.js";

const d = (s: string) => s as IsoDate;
const england = workingCalendar("england");
const wales = workingCalendar("wales");
const scotland = workingCalendar("scotland");
const ni = workingCalendar("northern-ireland");
const add = (cal = england, from: string, n: number) => addWorkingDays(cal, d(from), workingDays(n));

describe("adding working days: day D is day 0, the deadline the Nth working day after", () => {
  it("20 working days from Monday 5 January 2026 is Monday 2 February", () => {
    expect(add(england, "2026-01-05", 20)).toBe("2026-02-02");
  });

  it("skips weekends, and a start at a weekend counts from the Monday", () => {
    expect(add(england, "2026-01-09", 1)).toBe("2026-01-12"); // Friday + 1 = Monday
    expect(add(england, "2026-01-03", 1)).toBe("2026-01-05"); // Saturday + 1 = Monday
    expect(add(england, "2026-01-03", 0)).toBe("2026-01-03"); // day 0 is day D, whatever day it is
  });

  it("skips Christmas Day and the substitute Boxing Day (26 December 2026 is a Saturday)", () => {
    expect(add(england, "2026-12-23", 2)).toBe("2026-12-29");
  });

  it("skips Good Friday and Easter Monday across the spring clock change; Scotland works Easter Monday", () => {
    // Clocks go forward on Sunday 29 March 2026; Good Friday is 3 April, Easter Monday 6 April.
    expect(add(england, "2026-03-27", 5)).toBe("2026-04-07");
    expect(add(scotland, "2026-03-27", 5)).toBe("2026-04-06");
  });

  it("crosses the autumn clock change (25 October 2026) without losing or gaining a day", () => {
    expect(add(england, "2026-10-23", 1)).toBe("2026-10-26");
    expect(add(england, "2026-10-19", 10)).toBe("2026-11-02");
  });

  it("uses each nation's own holidays: Scotland's 2 January, Northern Ireland's substitute 13 July", () => {
    expect(add(scotland, "2025-12-31", 1)).toBe("2026-01-05");
    expect(add(england, "2025-12-31", 1)).toBe("2026-01-02");
    expect(add(ni, "2026-07-10", 1)).toBe("2026-07-14");
    expect(add(england, "2026-07-10", 1)).toBe("2026-07-13");
    expect(add(wales, "2026-07-10", 1)).toBe("2026-07-13"); // Wales shares England's holidays
  });

  it("15 working days over Christmas and New Year: 7 January 2027 in England, 8 January in Scotland", () => {
    expect(add(england, "2026-12-14", 15)).toBe("2027-01-07");
    expect(add(scotland, "2026-12-14", 15)).toBe("2027-01-08");
  });

  it("counts the one-off holidays: the 2022 state funeral and the 2023 coronation", () => {
    expect(add(england, "2022-09-16", 1)).toBe("2022-09-20");
    expect(add(england, "2023-05-05", 1)).toBe("2023-05-09");
    expect(add(ni, "2020-05-07", 1)).toBe("2020-05-11"); // VE day moved to Friday 8 May
  });

  it("refuses a negative or fractional count", () => {
    expect(() => add(england, "2026-01-05", -1)).toThrow(RangeError);
    expect(() => add(england, "2026-01-05", 1.5)).toThrow(RangeError);
  });

  it("takes a service's own holidays: one added, one removed", () => {
    const local = workingCalendar("england", { add: [d("2027-06-07")], remove: [d("2027-05-31")] });
    expect(isWorkingDay(local, d("2027-06-07"))).toBe(false);
    expect(isWorkingDay(local, d("2027-05-31"))).toBe(true);
    expect(isWorkingDay(england, d("2027-05-31"))).toBe(false);
    expect(add(local, "2027-06-04", 1)).toBe("2027-06-08");
  });
});

describe("counting working days between two dates", () => {
  it("is the inverse of adding working days, for every start day of 2026 and up to 70 days", () => {
    for (let start = d("2026-01-01"); start < "2027-01-01"; start = addDays(start, 1)) {
      for (const n of [0, 1, 5, 15, 20, 70]) {
        expect(workingDaysBetween(england, start, add(england, start, n))).toBe(n);
      }
    }
  });

  it("is negative when the second date is earlier: overdue by 3 working days", () => {
    expect(workingDaysBetween(england, d("2026-03-05"), d("2026-03-02"))).toBe(-3);
    expect(workingDaysBetween(england, d("2026-03-02"), d("2026-03-02"))).toBe(0);
  });

  it("counts a whole leap year: 2028 has 252 working days in England and Wales", () => {
    // 366 days from Saturday 1 January: 53 Saturdays and 53 Sundays leave 260 weekdays, less 8 bank holidays.
    expect(workingDaysBetween(england, d("2027-12-31"), d("2028-12-31"))).toBe(252);
  });

  it("counts a service's added and removed holidays, over a year end, asked in any order", () => {
    // Fri 18/12/2026 to Fri 08/01/2027: 15 weekdays, less Christmas, substitute Boxing Day and New Year's Day.
    expect(workingDaysBetween(england, d("2026-12-18"), d("2027-01-08"))).toBe(12);
    const adjusted = workingCalendar("england", { add: [d("2027-01-04")], remove: [d("2026-12-28")] });
    expect(workingDaysBetween(adjusted, d("2027-01-08"), d("2026-12-18"))).toBe(-12);
    expect(workingDaysBetween(adjusted, d("2026-12-18"), d("2027-01-08"))).toBe(12);
    expect(workingDaysBetween(adjusted, d("2027-01-01"), d("2027-01-05"))).toBe(1);
  });
});
