import { easterSunday } from "./easterSunday.js";
import { addDays, daysInMonth, fromDayNumber, isoDate, isoWeekdayOfDayNumber, toDayNumber, type IsoDate } from "./isoDate.js";
import type { HolidayDivision } from "./nation.js";

export interface BankHoliday {
  readonly date: IsoDate;
  readonly title: string;
}

type Divisions = readonly HolidayDivision[];
const ALL: Divisions = ["england-and-wales", "scotland", "northern-ireland"];

/** Holidays on a fixed day of the year; when that day is a weekend a substitute weekday is given. */
const FIXED: readonly { month: number; day: number; title: string; divisions: Divisions }[] = [
  { month: 1, day: 1, title: "New Year’s Day", divisions: ALL },
  { month: 1, day: 2, title: "2nd January", divisions: ["scotland"] },
  { month: 3, day: 17, title: "St Patrick’s Day", divisions: ["northern-ireland"] },
  { month: 7, day: 12, title: "Battle of the Boyne (Orangemen’s Day)", divisions: ["northern-ireland"] },
  { month: 11, day: 30, title: "St Andrew’s Day", divisions: ["scotland"] },
  { month: 12, day: 25, title: "Christmas Day", divisions: ALL },
  { month: 12, day: 26, title: "Boxing Day", divisions: ALL },
];

/**
 * One-off changes made by Royal Proclamation. A dated list, not a rule: a change announced
 * after this release goes into the service's settings (workingCalendar's `add` and `remove`).
 */
const MOVED: readonly { from: string; to: string }[] = [
  { from: "2012-05-28", to: "2012-06-04" }, // spring bank holiday moved for the Diamond Jubilee
  { from: "2020-05-04", to: "2020-05-08" }, // early May bank holiday moved to VE Day's 75th anniversary
  { from: "2022-05-30", to: "2022-06-02" }, // spring bank holiday moved for the Platinum Jubilee
];
const ONE_OFF: readonly { date: string; title: string }[] = [
  { date: "2011-04-29", title: "Royal wedding" },
  { date: "2012-06-05", title: "Queen’s Diamond Jubilee" },
  { date: "2022-06-03", title: "Platinum Jubilee bank holiday" },
  { date: "2022-09-19", title: "Bank Holiday for the State Funeral of Queen Elizabeth II" },
  { date: "2023-05-08", title: "Bank holiday for the coronation of King Charles III" },
];

/**
 * The bank holidays of one UK jurisdiction in one year (Banking and Financial Dealings Act 1971,
 * Schedule 1, with the substitute-day rule and the one-off proclamations above), in date order.
 *
 * ukBankHolidays("england-and-wales", 2026) ends with Christmas Day 2026-12-25 and the
 * substitute Boxing Day 2026-12-28, since 26 December 2026 is a Saturday.
 */
export function ukBankHolidays(division: HolidayDivision, year: number): readonly BankHoliday[] {
  const easter = easterSunday(year);
  const movable: BankHoliday[] = [
    { date: addDays(easter, -2), title: "Good Friday" },
    ...(division === "scotland" ? [] : [{ date: addDays(easter, 1), title: "Easter Monday" }]),
    { date: nthMonday(year, 5, 1), title: "Early May bank holiday" },
    { date: lastMonday(year, 5), title: "Spring bank holiday" },
    division === "scotland"
      ? { date: nthMonday(year, 8, 1), title: "Summer bank holiday" }
      : { date: lastMonday(year, 8), title: "Summer bank holiday" },
  ].map((holiday) => {
    const move = MOVED.find((m) => m.from === holiday.date);
    return move ? { ...holiday, date: move.to as IsoDate } : holiday;
  });
  const oneOff = ONE_OFF.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ ...h, date: h.date as IsoDate }));

  // Fixed-date holidays on a weekday keep their day; the ones at a weekend then take, in date
  // order, the next weekday not already a holiday (so Christmas on a Saturday gives Monday 27th
  // and Boxing Day Tuesday 28th; Christmas on a Sunday gives Tuesday 27th after Boxing Day).
  const fixed = FIXED.filter((h) => h.divisions.includes(division)).map((h) => ({
    title: h.title,
    dayNumber: toDayNumber(isoDate(year, h.month, h.day)),
  }));
  const taken = new Set<number>([...movable, ...oneOff].map((h) => toDayNumber(h.date)));
  for (const h of fixed) if (!isWeekend(h.dayNumber)) taken.add(h.dayNumber);
  const substituted: BankHoliday[] = fixed.map((h) => {
    if (!isWeekend(h.dayNumber)) return { date: fromDayNumber(h.dayNumber), title: h.title };
    let day = h.dayNumber + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    return { date: fromDayNumber(day), title: `${h.title} (substitute day)` };
  });

  return [...movable, ...oneOff, ...substituted].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isWeekend(dayNumber: number): boolean {
  return isoWeekdayOfDayNumber(dayNumber) >= 6;
}

function nthMonday(year: number, month: number, n: number): IsoDate {
  const first = toDayNumber(isoDate(year, month, 1));
  const offset = (8 - isoWeekdayOfDayNumber(first)) % 7;
  return fromDayNumber(first + offset + 7 * (n - 1));
}

function lastMonday(year: number, month: number): IsoDate {
  const last = toDayNumber(isoDate(year, month, daysInMonth(year, month)));
  return fromDayNumber(last - ((isoWeekdayOfDayNumber(last) + 6) % 7));
}
