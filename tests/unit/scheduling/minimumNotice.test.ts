import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { workingCalendar, workingDays } from "../../../src/domain/calendar/workingCalendar.js";
import { earliestMeetingDay } from "../../../src/domain/scheduling/minimumNotice.js";

const d = (s: string) => s as IsoDate;
const england = workingCalendar("england");
const scotland = workingCalendar("scotland");
const notice = { familyOrPartners: workingDays(5), staffOnly: workingDays(1) };
const OUTSIDE = true;
const STAFF = false;

describe("the earliest day a review can be offered for, after the service's minimum notice", () => {
  it("invited on Monday 02/03/2026 with a parent: Monday 09/03; staff only: Tuesday 03/03", () => {
    expect(earliestMeetingDay(england, d("2026-03-02"), OUTSIDE, notice)).toBe("2026-03-09");
    expect(earliestMeetingDay(england, d("2026-03-02"), STAFF, notice)).toBe("2026-03-03");
  });

  it("skips Good Friday and Easter Monday: invited Thursday 02/04/2026 with a carer, Monday 13/04", () => {
    expect(earliestMeetingDay(england, d("2026-04-02"), OUTSIDE, notice)).toBe("2026-04-13");
  });

  it("invited on a Saturday (28/02/2026), staff only: Monday 02/03; across 29/02/2028 with a partner, Monday 28/02 gives Monday 06/03", () => {
    expect(earliestMeetingDay(england, d("2026-02-28"), STAFF, notice)).toBe("2026-03-02");
    expect(earliestMeetingDay(england, d("2028-02-28"), OUTSIDE, notice)).toBe("2028-03-06");
  });

  it("over Christmas in Scotland (Christmas Day, substitute days for Boxing Day and 2 January, New Year's Day): invited Wed 23/12/2026 with a parent, Tue 05/01/2027", () => {
    expect(earliestMeetingDay(scotland, d("2026-12-23"), OUTSIDE, notice)).toBe("2027-01-05");
    expect(earliestMeetingDay(england, d("2026-12-23"), OUTSIDE, notice)).toBe("2027-01-04");
  });

  it("a notice of 0 allows today; across the clock change (Sunday 29/03/2026) only working days count", () => {
    expect(earliestMeetingDay(england, d("2026-03-02"), STAFF, { familyOrPartners: workingDays(0), staffOnly: workingDays(0) })).toBe("2026-03-02");
    expect(earliestMeetingDay(england, d("2026-03-26"), OUTSIDE, notice)).toBe("2026-04-02");
  });
});
