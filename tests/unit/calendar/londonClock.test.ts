import { afterEach, describe, expect, it, vi } from "vitest";
import { londonClock } from "../../../src/adapters/clock/londonClock.js";

afterEach(() => vi.useRealTimers());

describe("today in London, whatever the machine's zone", () => {
  it("23:30 UTC on 30 June is already 1 July in London (summer time); 23:30 UTC on 31 December is still 31 December", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 5, 30, 23, 30));
    expect(londonClock.today()).toBe("2026-07-01");
    vi.setSystemTime(Date.UTC(2026, 11, 31, 23, 30));
    expect(londonClock.today()).toBe("2026-12-31");
  });

  it("across the clock changes: 00:30 UTC is the same day in London on the last Sunday of March, 23:30 UTC the next day until the last Sunday of October", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 2, 29, 0, 30));
    expect(londonClock.today()).toBe("2026-03-29");
    vi.setSystemTime(Date.UTC(2026, 9, 24, 23, 30));
    expect(londonClock.today()).toBe("2026-10-25");
    vi.setSystemTime(Date.UTC(2026, 9, 25, 23, 30));
    expect(londonClock.today()).toBe("2026-10-25");
  });

  it("agrees with the time zone database for every hour of a year", () => {
    const london = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
    vi.useFakeTimers();
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 3_600_000) {
      vi.setSystemTime(at);
      expect(londonClock.today()).toBe(london.format(at));
    }
  });
});
