import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../../../src/domain/calendar/addWorkingDays.js";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { subtractWorkingDays } from "../../../src/domain/calendar/subtractWorkingDays.js";
import { workingCalendar, workingDays } from "../../../src/domain/calendar/workingCalendar.js";

const d = (s: string) => s as IsoDate;
const england = workingCalendar("england");
const scotland = workingCalendar("scotland");
const back = (from: string, n: number, cal = england) => subtractWorkingDays(cal, d(from), workingDays(n));

describe("counting working days back from a meeting (the consultation request's day)", () => {
  it("10 working days before Fri 17/04/2026 is Wed 01/04: Good Friday and Easter Monday are skipped", () => {
    expect(back("2026-04-17", 10)).toBe("2026-04-01");
  });

  it("Scotland works Easter Monday, so the same count lands a day later there", () => {
    expect(back("2026-04-17", 10, scotland)).toBe("2026-04-02");
  });

  it("crosses the Christmas holidays (25 and substitute 28 December 2026) and the year end", () => {
    expect(back("2027-01-05", 3)).toBe("2026-12-30"); // 04/01, 31/12, 30/12 (01/01 is a holiday)
  });

  it("crosses a month end in a leap year: 2 working days before Thu 02/03/2028 is Tue 29/02", () => {
    expect(back("2028-03-02", 2)).toBe("2028-02-29");
  });

  it("a weekend meeting date counts back from the Friday, 0 gives the day itself, and it undoes addWorkingDays across the clock change", () => {
    expect(back("2026-03-28", 1)).toBe("2026-03-27");
    expect(back("2026-03-28", 0)).toBe("2026-03-28");
    // Clocks go forward on Sunday 29 March 2026: dates are calendar dates, unaffected.
    for (let n = 0; n <= 25; n++) expect(back(addWorkingDays(england, d("2026-03-30"), workingDays(n)), n)).toBe("2026-03-30");
  });

  it("refuses a negative or fractional count", () => {
    expect(() => back("2026-03-02", -1)).toThrow(RangeError);
    expect(() => back("2026-03-02", 1.5)).toThrow(RangeError);
  });
});
