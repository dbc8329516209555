import { describe, expect, it } from "vitest";
import { dueReport } from "../../src/app/dueReport.js";
import { calendarsFor, timescaleOptions } from "../../src/app/timescaleOptions.js";
import { readServiceSettings } from "../../src/app/readServiceSettings.js";
import { toDayNumber, type IsoDate } from "../../src/domain/calendar/isoDate.js";

const today = "2026-03-02" as IsoDate;

describe("the due report", () => {
  it("works out every good case and keeps the bad ones in place with their errors", () => {
    const results = dueReport(
      [
        { ref: "A1", track: "lac", periodStart: "2026-01-05", reviews: ["2026-01-29"] },
        { ref: "BAD", track: "lac", periodStart: "2026-02-30" },
        { ref: "F3", track: "foster-carer", approved: "2025-03-31", reviews: [], ended: null },
      ],
      today,
    );
    expect(results.map((r) => [r.ref, r.status, r.next?.dueBy ?? null, r.workingDaysLeft])).toEqual([
      ["A1", "on-track", "2026-04-29", 40],
      ["BAD", "invalid", null, null],
      ["F3", "on-track", "2026-03-31", 21],
    ]);
    expect(results[1]?.errors).toHaveLength(1);
  });

  it("a reference used twice: the later case is an error, the first is kept", () => {
    const [first, second, other] = dueReport(
      [
        { ref: "A1", track: "lac", periodStart: "2026-01-05" },
        { ref: "A1", track: "foster-carer", approved: "2025-03-31" },
        { ref: "B2", track: "lac", periodStart: "2026-01-05" },
      ],
      today,
    );
    expect(first?.status).not.toBe("invalid");
    expect(second?.status).toBe("invalid");
    expect(second?.errors).toEqual([{ field: "ref", reason: 'the case reference "A1" is already used by case 1 of this file' }]);
    expect(other?.errors).toEqual([]);
  });

  it("a track with no rules for the nation is unsupported, with no errors: the data is not wrong", () => {
    const [result] = dueReport([{ ref: "S1", track: "adoption", nation: "scotland", placed: "2026-01-05" }], today);
    expect(result).toMatchObject({ status: "unsupported", errors: [], next: null, reason: "IRO Desk has no adoption placement review timescales for Scotland yet", workingDaysLeft: null });
  });

  it("counts working days left in each case's own nation (Easter Monday is worked in Scotland)", () => {
    const [england, scotland] = dueReport(
      [
        { ref: "E", track: "lac", periodStart: "2026-03-20", reviews: [] },
        { ref: "S", track: "lac", nation: "scotland", periodStart: "2026-03-04", reviews: [] },
      ],
      "2026-03-27" as IsoDate,
    );
    expect(england?.next?.dueBy).toBe("2026-04-21");
    expect(england?.workingDaysLeft).toBe(15);
    expect(scotland?.next?.dueBy).toBe("2026-04-15");
    expect(scotland?.workingDaysLeft).toBe(12);
  });

  it("uses the service's settings: a holiday added later, a longer due-soon window", () => {
    const { settings, errors } = readServiceSettings({ dueSoonWorkingDays: 25, holidays: { "england-and-wales": { add: ["2026-01-16"] } } });
    expect(errors).toEqual([]);
    const [result] = dueReport([{ ref: "A", track: "lac", periodStart: "2026-01-05" }], "2026-01-06" as IsoDate, settings);
    expect(result?.next?.dueBy).toBe("2026-02-03");
    expect(result?.status).toBe("due-soon");
  });

  it("shares one set of calendars per settings object, and never one settings' holidays with another's", () => {
    const plain = readServiceSettings({}).settings;
    const withHoliday = readServiceSettings({ holidays: { "england-and-wales": { add: ["2026-01-16"] } } }).settings;
    expect(calendarsFor(plain)).toBe(calendarsFor(plain));
    expect(calendarsFor(plain)("england")).toBe(calendarsFor(plain)("england"));
    const friday = toDayNumber("2026-01-16" as IsoDate);
    expect(calendarsFor(plain)("england").isWorkingDayNumber(friday)).toBe(true);
    expect(calendarsFor(withHoliday)("england").isWorkingDayNumber(friday)).toBe(false);
    expect(calendarsFor(withHoliday)("scotland").isWorkingDayNumber(friday)).toBe(true);
  });
});

describe("service settings", () => {
  it("names every bad setting and then uses none of them", () => {
    const { settings, errors } = readServiceSettings({
      dueSoonWorkingDays: -1,
      icpcAnchor: "s47",
      holidays: { wales: { add: ["2026-13-01"] }, scotland: { add: "2026-01-01" } },
      colour: "red",
    });
    expect(errors).toEqual([
      // Every setting is named (others are added over time): the list starts with the first.
      expect.stringMatching(/^settings\.colour is not a setting \(known: dueSoonWorkingDays, icpcAnchor, .*\)$/),
      "settings.dueSoonWorkingDays should be a whole number of working days from 0 to 260",
      "settings.icpcAnchor should be one of s47-strategy-discussion, last-strategy-discussion",
      "settings.holidays.wales is not a bank holiday jurisdiction (use england-and-wales, scotland, northern-ireland)",
      "settings.holidays.scotland.add should be a list of yyyy-mm-dd dates",
    ]);
    expect(settings.dueSoonWorkingDays).toBe(10);
  });

  it("agendas: every kind of meeting has a settings key, the new ones included; an unknown meeting type is refused", () => {
    const agendas = { "pre-birth-conference": ["Birth plan"], "transfer-in-conference": ["The other authority's plan"], "adoption-review": ["Adopters' views"], "secure-review": ["Criteria"] };
    expect(readServiceSettings({ agendas })).toMatchObject({ errors: [], settings: { agendas } });
    expect(readServiceSettings({ agendas: { "strategy-discussion": ["x"] } }).errors[0]).toMatch(/^settings\.agendas should map lac-review, icpc, pre-birth-conference, transfer-in-conference, rcpc, foster-carer-review, adoption-review, secure-review to lists/);
  });

  it("record deadlines: a service may change one and keeps the common default for the rest", () => {
    const { settings, errors } = readServiceSettings({ recordDeadlines: { cp: { record: 10 } }, earlyReviewWorkingDays: 5 });
    expect(errors).toEqual([]);
    expect(settings.recordDeadlines).toEqual({ lac: { decisions: 5, record: 20 }, cp: { decisions: 1, record: 10 } });
    expect(settings.earlyReviewWorkingDays).toBe(5);
    expect(timescaleOptions(settings).local).toEqual({ earlyReviewWorkingDays: 5, preBirthReviewWorkingDays: 20, transferInWorkingDays: 15, records: settings.recordDeadlines });
    expect(readServiceSettings({ recordDeadlines: { lac: { minutes: 3 } } }).errors).toEqual([
      'settings.recordDeadlines should be { "lac": { "decisions": working days, "record": working days }, "cp": { … } }, each from 0 to 60',
    ]);
    expect(readServiceSettings({ transferInWorkingDays: 0 }).errors).toEqual(["settings.transferInWorkingDays should be a whole number from 1 to 30"]);
  });

  it("minimum notice: 5 working days with family or partners and 1 for staff unless the service says otherwise; each part checked", () => {
    expect(readServiceSettings({}).settings.minimumNotice).toEqual({ familyOrPartners: 5, staffOnly: 1 });
    expect(readServiceSettings({ minimumNotice: { familyOrPartners: 10 } }).settings.minimumNotice).toEqual({ familyOrPartners: 10, staffOnly: 1 });
    expect(readServiceSettings({ minimumNotice: { staffOnly: 0 } }).settings.minimumNotice).toEqual({ familyOrPartners: 5, staffOnly: 0 });
    const wrong = '"settings.minimumNotice should be { \\"familyOrPartners\\": working days, \\"staffOnly\\": working days }, each from 0 to 20"';
    for (const bad of [{ familyOrPartners: -1 }, { familyOrPartners: 2.5 }, { staffOnly: 21 }, { parents: 3 }, [5, 1], 5]) {
      expect(readServiceSettings({ minimumNotice: bad }).errors, JSON.stringify(bad)).toEqual([JSON.parse(wrong)]);
    }
  });
});
