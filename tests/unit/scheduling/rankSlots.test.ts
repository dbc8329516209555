import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { instant, londonTimeToInstant } from "../../../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../../../src/domain/calendar/workingCalendar.js";
import { candidateSlots, rankSlots, type PersonDiary, type SlotSearch } from "../../../src/domain/scheduling/rankSlots.js";

const d = (s: string) => s as IsoDate;
const at = (date: string, hhmm: string) => londonTimeToInstant(d(date), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const busy = (date: string, from: string, to: string, status: "busy" | "tentative" | "oof" = "busy") => ({ start: at(date, from), end: at(date, to), status });
const free = (address: string): PersonDiary => ({ address, known: true, busy: [] });
const search = (over: Partial<SlotSearch>): SlotSearch => ({
  calendar: workingCalendar("england"),
  from: d("2026-03-09"),
  to: d("2026-03-13"),
  dueBy: d("2026-03-13"),
  lengthMinutes: 90,
  stepMinutes: 30,
  dayStart: 9 * 60,
  dayEnd: 17 * 60,
  days: [1, 2, 3, 4, 5],
  people: [free("iro@x"), free("sw@x")],
  reviewsOnDay: () => 0,
  maxReviewsPerDay: 3,
  notBefore: instant(0),
  ...over,
});
const show = (s: { start: number }) => new Date(s.start).toISOString().slice(0, 16);

describe("finding and ranking slots", () => {
  it("offers 90-minute slots on the half hour inside working hours: 09:00 to 15:30, 14 a day, 70 in a week", () => {
    const slots = candidateSlots(search({}));
    expect(slots).toHaveLength(70);
    expect(show(slots[0]!)).toBe("2026-03-09T09:00");
    expect(show(slots[13]!)).toBe("2026-03-09T15:30"); // ends at 17:00
    expect(show(slots[14]!)).toBe("2026-03-10T09:00");
  });

  it("everyone free ranks first; a slot where the social worker is busy ranks below", () => {
    const slots = candidateSlots(search({ people: [free("iro@x"), { address: "sw@x", known: true, busy: [busy("2026-03-09", "09:00", "12:00")] }] }));
    const best = rankSlots(slots, 3);
    expect(best.map(show)).toEqual(["2026-03-09T12:00", "2026-03-09T12:30", "2026-03-09T13:00"]);
    expect(best.every((s) => s.busyCount === 0)).toBe(true);
    const mondayNine = slots.find((s) => show(s) === "2026-03-09T09:00")!;
    expect(mondayNine.people).toEqual([{ address: "iro@x", availability: "free" }, { address: "sw@x", availability: "busy" }]);
  });

  it("a person outside the tenant is 'unknown', never 'free', and does not hide everyone-free slots", () => {
    const slots = candidateSlots(search({ people: [free("iro@x"), { address: "carer@y", known: false, busy: [] }] }));
    expect(slots[0]!.people[1]).toEqual({ address: "carer@y", availability: "unknown" });
    expect(slots[0]!.unknownCount).toBe(1);
    expect(rankSlots(slots, 1)[0]!.busyCount).toBe(0);
  });

  it("when nobody is free together, the least-conflicted slots come first, tentative counting less than busy", () => {
    const people: PersonDiary[] = [
      { address: "iro@x", known: true, busy: [busy("2026-03-09", "09:00", "17:00", "tentative")] },
      { address: "sw@x", known: true, busy: [busy("2026-03-10", "09:00", "17:00"), busy("2026-03-11", "09:00", "17:00"), busy("2026-03-12", "09:00", "17:00"), busy("2026-03-13", "09:00", "17:00")] },
    ];
    const best = rankSlots(candidateSlots(search({ people })), 1)[0]!;
    expect(show(best)).toBe("2026-03-09T09:00");
    expect(best.tentativeCount).toBe(1);
  });

  it("skips bank holidays and weekends: Good Friday and Easter Monday 2026", () => {
    const slots = candidateSlots(search({ from: d("2026-04-02"), to: d("2026-04-07") }));
    expect([...new Set(slots.map((s) => s.date))]).toEqual(["2026-04-02", "2026-04-07"]);
  });

  it("keeps 09:00 London across the clock change: 09:00 UTC before, 08:00 UTC after", () => {
    const slots = candidateSlots(search({ from: d("2026-03-27"), to: d("2026-03-30") }));
    expect(show(slots.find((s) => s.date === "2026-03-27")!)).toBe("2026-03-27T09:00");
    expect(show(slots.find((s) => s.date === "2026-03-30")!)).toBe("2026-03-30T08:00");
  });

  it("a deadline today: only today's slots still to come", () => {
    const slots = candidateSlots(search({ from: d("2026-03-09"), to: d("2026-03-09"), notBefore: at("2026-03-09", "13:10") }));
    expect(slots.map(show)).toEqual(["2026-03-09T13:30", "2026-03-09T14:00", "2026-03-09T14:30", "2026-03-09T15:00", "2026-03-09T15:30"]);
  });

  it("a day at the chair's cap of reviews is left out; a lighter day ranks before a busier one", () => {
    const reviewsOnDay = (date: IsoDate) => (date === "2026-03-09" ? 3 : date === "2026-03-10" ? 2 : 0);
    const slots = candidateSlots(search({ reviewsOnDay }));
    expect(slots.some((s) => s.date === "2026-03-09")).toBe(false);
    expect(rankSlots(slots, 1)[0]!.date).toBe("2026-03-11");
  });

  it("all-busy windows still answer, with every slot marked busy", () => {
    const people: PersonDiary[] = [{ address: "iro@x", known: true, busy: [{ start: at("2026-03-09", "00:00"), end: at("2026-03-14", "00:00"), status: "oof" }] }];
    const slots = candidateSlots(search({ people }));
    expect(slots.length).toBe(70);
    expect(slots.every((s) => s.busyCount === 1)).toBe(true);
  });

  it("follows the chair's working days and hours: a part-timer working Monday to Wednesday, 10:00 to 15:00", () => {
    const slots = candidateSlots(search({ days: [1, 2, 3], dayStart: 600, dayEnd: 900 }));
    expect([...new Set(slots.map((s) => s.date))]).toEqual(["2026-03-09", "2026-03-10", "2026-03-11"]);
    expect(slots.filter((s) => s.date === "2026-03-09").map(show)).toEqual(["2026-03-09T10:00", "2026-03-09T10:30", "2026-03-09T11:00", "2026-03-09T11:30", "2026-03-09T12:00", "2026-03-09T12:30", "2026-03-09T13:00", "2026-03-09T13:30"]);
  });

  it("marks slots after the due-by date and ranks every slot in time first, even one with the social worker busy", () => {
    // Due by Tuesday 10/03; the social worker is busy all Monday and Tuesday, everyone is free from Wednesday.
    const people: PersonDiary[] = [free("iro@x"), { address: "sw@x", known: true, busy: [busy("2026-03-09", "09:00", "17:00"), busy("2026-03-10", "09:00", "17:00")] }];
    const slots = candidateSlots(search({ people, dueBy: d("2026-03-10") }));
    expect(slots.filter((s) => s.afterDueBy).map((s) => s.date)[0]).toBe("2026-03-11");
    expect(slots.filter((s) => !s.afterDueBy).every((s) => s.date <= "2026-03-10")).toBe(true);
    const best = rankSlots(slots, 30);
    expect(show(best[0]!)).toBe("2026-03-09T09:00");
    expect(best.slice(0, 28).every((s) => !s.afterDueBy)).toBe(true);
    expect(best[28]!.afterDueBy).toBe(true);
    expect(best[28]!.busyCount).toBe(0);
  });
});
