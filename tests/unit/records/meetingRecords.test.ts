import { describe, expect, it } from "vitest";
import { workingCalendar } from "../../../src/domain/calendar/workingCalendar.js";
import { meetingRecords, withMinutesSent } from "../../../src/domain/records/meetingRecords.js";
import { COMMON_LOCAL_TIMESCALES } from "../../../src/domain/timescales/localTimescales.js";
import { lacChild } from "../../fixtures/children.js";
import { d } from "../timescales/testCases.js";

const england = workingCalendar("england");
const scotland = workingCalendar("scotland");
const { lac, cp } = COMMON_LOCAL_TIMESCALES.records;

describe("decisions and full record of a meeting", () => {
  it("CP decisions held on Christmas Eve are due after Christmas and the substitute Boxing Day", () => {
    // Thu 24/12/2026; Fri 25 Christmas, Mon 28 substitute Boxing Day: the 1st working day after is Tue 29.
    const [decisions, record] = meetingRecords(d("2026-12-24"), {}, cp, england, d("2026-12-29"));
    expect(decisions).toEqual({ kind: "decisions", dueBy: "2026-12-29", sent: null, late: false });
    expect(record!.dueBy).toBe("2027-01-19"); // 15 working days: 29, 30, 31 Dec, then 4 Jan onwards (New Year's Day skipped)
  });

  it("a document not sent is late the day after it was due, not on the day", () => {
    const held = d("2026-02-26"); // Thu; LAC decisions within 5 working days: Thu 05/03
    expect(meetingRecords(held, {}, lac, england, d("2026-03-05"))[0]!.late).toBe(false);
    expect(meetingRecords(held, {}, lac, england, d("2026-03-06"))[0]!.late).toBe(true);
  });

  it("sent after the deadline stays late for ever; sent on the day is in time", () => {
    const held = d("2026-02-26");
    expect(meetingRecords(held, { decisionsSent: d("2026-03-05") }, lac, england, d("2027-01-01"))[0]).toMatchObject({ sent: "2026-03-05", late: false });
    expect(meetingRecords(held, { decisionsSent: d("2026-03-06") }, lac, england, d("2026-03-06"))[0]!.late).toBe(true);
  });

  it("a Scottish meeting skips Scotland's own holidays (2 January), across the year end and a month end", () => {
    // Wed 31/12/2025: 1 Jan and 2 Jan are Scottish holidays, so the 1st working day after is Mon 05/01/2026.
    expect(meetingRecords(d("2025-12-31"), {}, cp, scotland, d("2026-01-01"))[0]!.dueBy).toBe("2026-01-05");
    expect(meetingRecords(d("2025-12-31"), {}, cp, england, d("2026-01-01"))[0]!.dueBy).toBe("2026-01-02");
  });

  it("marking sent: on the review held that day; an ICPC's on the CP episode; nothing else changes", () => {
    const child = lacChild("7", "2026-01-05", ["2026-01-29", "2026-04-20"], {
      cp: { chair: null, strategyDiscussions: [d("2026-01-02")], icpc: d("2026-01-20"), category: null, reviews: [{ held: d("2026-04-17") }], ended: null },
    });
    const lacMarked = withMinutesSent(child, { track: "lac", held: d("2026-04-20") }, "record", d("2026-05-01"));
    expect(lacMarked.lac!.reviews).toEqual([{ held: "2026-01-29" }, { held: "2026-04-20", recordSent: "2026-05-01" }]);
    const icpcMarked = withMinutesSent(child, { track: "cp", held: d("2026-01-20") }, "decisions", d("2026-01-21"));
    expect(icpcMarked.cp!.icpcMinutes).toEqual({ decisionsSent: "2026-01-21" });
    expect(icpcMarked.cp!.reviews).toEqual(child.cp!.reviews);
    const rcpcMarked = withMinutesSent(child, { track: "cp", held: d("2026-04-17") }, "decisions", d("2026-04-17"));
    expect(rcpcMarked.cp!.reviews).toEqual([{ held: "2026-04-17", decisionsSent: "2026-04-17" }]);
    expect(withMinutesSent(child, { track: "lac", held: d("2026-03-01") }, "record", d("2026-03-02"))).toEqual(child);
  });
});
