import { describe, expect, it } from "vitest";
import { addDays, fromDayNumber, isoDate, isoWeekday, parseIsoDate, toDayNumber, type IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { formatUkDate, parseUkDate, parseUkDayNumber, ukDayNumberAt } from "../../../src/domain/calendar/ukDate.js";

const d = (s: string) => s as IsoDate;

describe("calendar dates", () => {
  it("accepts real dates and refuses impossible ones", () => {
    expect(parseIsoDate("2028-02-29")).toBe("2028-02-29");
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
    expect(parseIsoDate("2026-02-30")).toBeUndefined();
    expect(parseIsoDate("2100-02-29")).toBeUndefined(); // not a leap year
    expect(parseIsoDate("2000-02-29")).toBe("2000-02-29"); // a leap year
    expect(parseIsoDate("2026-04-31")).toBeUndefined();
    expect(parseIsoDate("2026-13-01")).toBeUndefined();
    expect(parseIsoDate("2026-1-5")).toBeUndefined();
    expect(parseIsoDate("05/01/2026")).toBeUndefined();
    expect(parseIsoDate("2026-01-05T00:00:00Z")).toBeUndefined();
  });

  it("counts days from 1970-01-01 and back without drift, day by day for 80 years", () => {
    expect(toDayNumber(d("1970-01-01"))).toBe(0);
    expect(toDayNumber(d("2026-01-05"))).toBe(20458);
    let expected = toDayNumber(d("1990-01-01"));
    for (let n = expected; n < expected + 365 * 80; n++) {
      const date = fromDayNumber(n);
      expect(parseIsoDate(date)).toBe(date);
      expect(toDayNumber(date)).toBe(n);
    }
  });

  it("knows the day of the week", () => {
    expect(isoWeekday(d("2026-01-05"))).toBe(1); // Monday
    expect(isoWeekday(d("2026-12-26"))).toBe(6); // Saturday
    expect(isoWeekday(d("2028-02-29"))).toBe(2); // Tuesday
    expect(isoWeekday(d("1969-12-31"))).toBe(3); // before day 0
  });

  it("adds calendar days over month, year and leap-day boundaries", () => {
    expect(addDays(d("2028-02-28"), 1)).toBe("2028-02-29");
    expect(addDays(d("2027-02-28"), 1)).toBe("2027-03-01");
    expect(addDays(d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addDays(d("2026-03-01"), -1)).toBe("2026-02-28");
    // 42 days across the spring clock change (29 March 2026) is still 42 calendar days.
    expect(addDays(d("2026-03-20"), 42)).toBe("2026-05-01");
  });

  it("writes and reads UK dates", () => {
    expect(formatUkDate(d("2026-02-02"))).toBe("02/02/2026");
    expect(parseUkDate("2/2/2026")).toBe("2026-02-02");
    expect(parseUkDate("29/02/2028")).toBe("2028-02-29");
    expect(parseUkDate("2026-03-31")).toBe("2026-03-31");
    expect(parseUkDate("31/04/2026")).toBeUndefined();
    expect(parseUkDate("29/02/2027")).toBeUndefined();
    expect(parseUkDate("00/01/2026")).toBeUndefined();
    expect(parseUkDate("01/13/2026")).toBeUndefined();
    // A year with a letter in it is no year (it was read as 1999: 20 × 100 less one for "ab").
    expect(parseUkDate("01/02/20ab")).toBeUndefined();
    expect(parseUkDate("01/02/2x26")).toBeUndefined();
    expect(parseUkDate("2026-0a-01")).toBeUndefined();
    expect(parseUkDate("0001-01-01")).toBe("0001-01-01");
  });
});

describe("dates read straight into day numbers (the import's million dates)", () => {
  it("reads what parseUkDate reads, as its day number, and refuses what it refuses", () => {
    expect(parseUkDayNumber("01/01/1970")).toBe(0);
    expect(parseUkDayNumber("1970-01-02")).toBe(1);
    const texts = ["29/02/2028", "28/02/2027", "29/02/2027", "31/12/1999", "2/2/2026", " 05/01/2026 ", "2026-03-31", "2026-02-30", "31/04/2026", "00/01/2026", "01/13/2026", "01/02/20ab", "2026-0a-01", "0001-01-01", "29/02/2000", "29/02/2100", "", "yesterday"];
    for (const text of texts) {
      const date = parseUkDate(text);
      expect(parseUkDayNumber(text), text).toBe(date === undefined ? undefined : toDayNumber(date));
    }
  });
});

describe("a dd/mm/yyyy date read where it is in a line", () => {
  it("reads the real dates parseUkDayNumber reads, at any place, and leaves every other ten characters to it", () => {
    expect(ukDayNumberAt("12,05/01/1970,x", 3)).toBe(4);
    expect(ukDayNumberAt("29/02/2028", 0)).toBe(parseUkDayNumber("29/02/2028"));
    // Impossible (a 29 February of no leap year, 31 April, month 13, day 0), not dd/mm/yyyy, or cut short.
    for (const text of ["29/02/2100", "31/04/2026", "01/13/2026", "00/01/2026", " 5/01/2026", "2026-01-05", "05-01-2026", "05/01/20"]) expect(ukDayNumberAt(text, 0), text).toBeUndefined();
    expect(parseUkDayNumber(" 5/01/2026")).toBe(parseUkDayNumber("05/01/2026"));
  });
});

describe("dates made from their parts", () => {
  it("writes four-digit years, and pads or keeps the rare others", () => {
    expect(isoDate(2026, 1, 5)).toBe("2026-01-05");
    expect(isoDate(1999, 12, 31)).toBe("1999-12-31");
    expect(isoDate(1000, 10, 10)).toBe("1000-10-10");
    expect(isoDate(9999, 9, 9)).toBe("9999-09-09");
    expect(isoDate(999, 12, 31)).toBe("0999-12-31");
    expect(isoDate(10000, 1, 1)).toBe("10000-01-01");
    expect(fromDayNumber(toDayNumber("2028-02-29" as IsoDate))).toBe("2028-02-29");
  });
});

