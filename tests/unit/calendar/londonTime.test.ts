import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { formatClock, instant, instantToLondon, londonOffsetMinutes, londonTimeToInstant } from "../../../src/domain/calendar/londonTime.js";

const d = (s: string) => s as IsoDate;
const utc = (iso: string) => instant(Date.parse(iso));

describe("Europe/London wall-clock time, by rule", () => {
  it("changes at 01:00 UTC on the last Sunday of March and of October", () => {
    expect(londonOffsetMinutes(utc("2026-03-29T00:59:59Z"))).toBe(0);
    expect(londonOffsetMinutes(utc("2026-03-29T01:00:00Z"))).toBe(60);
    expect(londonOffsetMinutes(utc("2026-10-25T00:59:59Z"))).toBe(60);
    expect(londonOffsetMinutes(utc("2026-10-25T01:00:00Z"))).toBe(0);
    expect(londonOffsetMinutes(utc("2027-03-28T01:00:00Z"))).toBe(60); // 2027: 28 March
    expect(londonOffsetMinutes(utc("2027-03-27T12:00:00Z"))).toBe(0);
  });

  it("agrees with the machine's zone database for every hour of 2024 to 2028", () => {
    const fmt = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "short" });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 0, 1); t += 3_600_000) {
      const bst = fmt.format(new Date(t)).endsWith("BST");
      expect(londonOffsetMinutes(instant(t)), new Date(t).toISOString()).toBe(bst ? 60 : 0);
    }
  });

  it("puts 09:00 London at 08:00 UTC in summer and 09:00 UTC in winter, either side of each change", () => {
    expect(new Date(londonTimeToInstant(d("2026-03-27"), 540)).toISOString()).toBe("2026-03-27T09:00:00.000Z");
    expect(new Date(londonTimeToInstant(d("2026-03-30"), 540)).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(new Date(londonTimeToInstant(d("2026-10-23"), 540)).toISOString()).toBe("2026-10-23T08:00:00.000Z");
    expect(new Date(londonTimeToInstant(d("2026-10-26"), 540)).toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("moves a time in the skipped hour an hour on, and reads the repeated hour as its first pass", () => {
    expect(new Date(londonTimeToInstant(d("2026-03-29"), 90)).toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 02:30 BST
    expect(new Date(londonTimeToInstant(d("2026-10-25"), 90)).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("turns an instant back into the London date and time", () => {
    expect(instantToLondon(utc("2026-06-30T23:30:00Z"))).toEqual({ date: "2026-07-01", minutes: 30 });
    expect(instantToLondon(utc("2026-12-31T23:30:00Z"))).toEqual({ date: "2026-12-31", minutes: 1410 });
    expect(formatClock(570)).toBe("09:30");
  });
});
