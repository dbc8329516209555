import { describe, expect, it } from "vitest";
import { addCalendarMonths } from "../../../src/domain/calendar/addCalendarMonths.js";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";

const d = (s: string) => s as IsoDate;

describe("adding calendar months: the same day of the month, or the month's last day", () => {
  it("keeps the day of the month where it exists", () => {
    expect(addCalendarMonths(d("2026-01-29"), 3)).toBe("2026-04-29");
    expect(addCalendarMonths(d("2026-02-27"), 3)).toBe("2026-05-27");
  });

  it("31 August + 6 months is 28 February, or 29 February in a leap year", () => {
    expect(addCalendarMonths(d("2026-08-31"), 6)).toBe("2027-02-28");
    expect(addCalendarMonths(d("2027-08-31"), 6)).toBe("2028-02-29");
  });

  it("falls back to the last day of shorter months", () => {
    expect(addCalendarMonths(d("2026-01-31"), 1)).toBe("2026-02-28");
    expect(addCalendarMonths(d("2026-03-31"), 3)).toBe("2026-06-30");
    expect(addCalendarMonths(d("2027-11-30"), 3)).toBe("2028-02-29");
    expect(addCalendarMonths(d("2026-05-31"), 6)).toBe("2026-11-30");
  });

  it("29 February + 12 months is 28 February; + 48 months is 29 February again", () => {
    expect(addCalendarMonths(d("2028-02-29"), 12)).toBe("2029-02-28");
    expect(addCalendarMonths(d("2028-02-29"), 48)).toBe("2032-02-29");
  });

  it("crosses year ends and goes backwards", () => {
    expect(addCalendarMonths(d("2026-10-15"), 3)).toBe("2027-01-15");
    expect(addCalendarMonths(d("2026-12-31"), 2)).toBe("2027-02-28");
    expect(addCalendarMonths(d("2026-03-31"), -1)).toBe("2026-02-28");
    expect(addCalendarMonths(d("2026-01-15"), -1)).toBe("2025-12-15");
  });
});
