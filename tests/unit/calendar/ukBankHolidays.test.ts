import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { easterSunday } from "../../../src/domain/calendar/easterSunday.js";
import { isoWeekday } from "../../../src/domain/calendar/isoDate.js";
import type { HolidayDivision } from "../../../src/domain/calendar/nation.js";
import { ukBankHolidays } from "../../../src/domain/calendar/ukBankHolidays.js";

/** The official published dates (GOV.UK bank holidays data) for 2019–2027, kept as a test fixture. */
const official: Record<HolidayDivision, { events: { date: string; title: string }[] }> = JSON.parse(
  readFileSync(new URL("../../fixtures/uk-bank-holidays-2019-2027.json", import.meta.url), "utf8"),
);
const dates = (division: HolidayDivision, year: number) => ukBankHolidays(division, year).map((h) => h.date);

describe("UK bank holidays", () => {
  for (const division of ["england-and-wales", "scotland", "northern-ireland"] as const) {
    for (let year = 2019; year <= 2027; year++) {
      it(`${division} ${year} matches the published dates exactly`, () => {
        const published = official[division].events.filter((e) => e.date.startsWith(`${year}-`)).map((e) => e.date);
        expect(published.length).toBeGreaterThan(0);
        expect(dates(division, year)).toEqual(published);
      });
    }
  }

  it("computes Easter", () => {
    expect(easterSunday(2010)).toBe("2010-04-04");
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2030)).toBe("2030-04-21");
    expect(easterSunday(2038)).toBe("2038-04-25"); // the latest possible
    expect(easterSunday(2285)).toBe("2285-03-22"); // the earliest possible
  });

  it("has the one-off holidays before 2019", () => {
    const ew2011 = dates("england-and-wales", 2011);
    expect(ew2011).toContain("2011-04-29"); // royal wedding
    expect(ew2011).toContain("2011-04-22"); // Good Friday, a week before
    const sc2012 = dates("scotland", 2012);
    expect(sc2012).toContain("2012-06-04"); // spring bank holiday moved
    expect(sc2012).toContain("2012-06-05"); // diamond jubilee
    expect(sc2012).not.toContain("2012-05-28");
    expect(dates("northern-ireland", 2012)).toContain("2012-06-05");
  });

  it("gives substitute days at weekends, in order, before 2019 and after 2027", () => {
    // 2010: Christmas Saturday, Boxing Day Sunday.
    expect(dates("england-and-wales", 2010).slice(-2)).toEqual(["2010-12-27", "2010-12-28"]);
    // 2016: Christmas Sunday: Boxing Day Monday keeps its day, Christmas moves to Tuesday.
    expect(dates("england-and-wales", 2016).slice(-2)).toEqual(["2016-12-26", "2016-12-27"]);
    // 2028: 1 January is a Saturday; Scotland's 2 January (Sunday) moves past the New Year substitute.
    expect(dates("scotland", 2028).slice(0, 2)).toEqual(["2028-01-03", "2028-01-04"]);
    expect(dates("england-and-wales", 2028)[0]).toBe("2028-01-03");
    // 2029: St Patrick's Day is a Saturday.
    expect(dates("northern-ireland", 2029)).toContain("2029-03-19");
    // 2030: St Andrew's Day is a Saturday.
    expect(dates("scotland", 2030)).toContain("2030-12-02");
  });

  it("every holiday from 2010 to 2040 is a weekday, and each year has the usual count", () => {
    const oneOffYears: Record<number, number> = { 2011: 1, 2012: 1, 2022: 2, 2023: 1 };
    for (let year = 2010; year <= 2040; year++) {
      for (const division of ["england-and-wales", "scotland", "northern-ireland"] as const) {
        const list = dates(division, year);
        for (const date of list) expect(isoWeekday(date)).toBeLessThan(6);
        expect(new Set(list).size).toBe(list.length);
        const usual = { "england-and-wales": 8, scotland: 9, "northern-ireland": 10 }[division];
        expect(list.length, `${division} ${year}`).toBe(usual + (oneOffYears[year] ?? 0));
      }
    }
  });
});
