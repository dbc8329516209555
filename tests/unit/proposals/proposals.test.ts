import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { instant, londonTimeToInstant } from "../../../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../../../src/domain/calendar/workingCalendar.js";
import { consultationSendDay } from "../../../src/domain/consultation/consultationRequest.js";
import { checkCandidates } from "../../../src/domain/proposals/checkCandidates.js";
import { holdTimes } from "../../../src/domain/proposals/holdTimes.js";
import { holdsExpired, type Proposal } from "../../../src/domain/proposals/proposal.js";
import { tallyAnswers } from "../../../src/domain/proposals/tallyAnswers.js";
import { recordReminderDay } from "../../../src/domain/reminders/recordReminderDay.js";
import { reminderSlot } from "../../../src/domain/reminders/reminderSlot.js";
import { notNeededComment, proposalBodyHtml, proposalSubject } from "../../../src/domain/templates/proposalInvite.js";
import type { CaseRef } from "../../../src/domain/caseload/caseRef.js";
import { HOSTILE } from "../../fixtures/hostile.js";

const d = (s: string) => s as IsoDate;
const england = workingCalendar("england");
const ni = workingCalendar("northern-ireland");
const at = (date: string, hhmm: string) => londonTimeToInstant(d(date), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const slot = (date: string, hhmm: string, minutes = 90) => ({ start: at(date, hhmm), end: instant(at(date, hhmm) + minutes * 60_000) });

describe("how long proposed times are held, and when the IRO is reminded", () => {
  it("held 3 working days from Mon 02/03/2026 (to the end of Thu 05/03), the reminder the working day before", () => {
    expect(holdTimes(england, d("2026-03-02"), 3, d("2026-04-29"), 5)).toEqual({ expiresOn: "2026-03-05", remindOn: "2026-03-04", atRisk: false });
  });

  it("the reminder comes the next working day when waiting would leave no time to propose again before the due-by date", () => {
    // Expiring Thu 05/03, a new proposal with 5 working days' notice reaches Thu 12/03: after a due-by of Wed 11/03.
    expect(holdTimes(england, d("2026-03-02"), 3, d("2026-03-11"), 5)).toEqual({ expiresOn: "2026-03-05", remindOn: "2026-03-03", atRisk: true });
    expect(holdTimes(england, d("2026-03-02"), 3, d("2026-03-12"), 5).atRisk).toBe(false);
  });

  it("skips each nation's bank holidays: Good Friday and Easter Monday in England, St Patrick's Day only in Northern Ireland", () => {
    expect(holdTimes(england, d("2026-04-02"), 3, d("2026-06-30"), 5).expiresOn).toBe("2026-04-09");
    expect(holdTimes(ni, d("2026-03-16"), 3, d("2026-06-30"), 5).expiresOn).toBe("2026-03-20"); // 17/03 St Patrick's Day
    expect(holdTimes(england, d("2026-03-16"), 3, d("2026-06-30"), 5).expiresOn).toBe("2026-03-19");
  });

  it("a proposal on a Friday before the clock change and month end runs into the next month", () => {
    expect(holdTimes(england, d("2026-03-27"), 3, d("2026-06-30"), 5)).toMatchObject({ expiresOn: "2026-04-01", remindOn: "2026-03-31" });
  });

  it("held for a single working day: the reminder is on the expiry day itself", () => {
    expect(holdTimes(england, d("2026-02-27"), 1, d("2026-06-30"), 5)).toMatchObject({ expiresOn: "2026-03-02", remindOn: "2026-03-02" });
  });

  it("a hold is good to the end of its expiry day, and expired the day after (leap day included)", () => {
    expect(holdsExpired({ expiresOn: d("2028-02-29") }, d("2028-02-29"))).toBe(false);
    expect(holdsExpired({ expiresOn: d("2028-02-29") }, d("2028-03-01"))).toBe(true);
  });
});

describe("which times can be proposed", () => {
  it("two or three, none sooner than the minimum notice, none overlapping", () => {
    expect(checkCandidates([slot("2026-03-10", "10:00"), slot("2026-03-11", "14:00")], d("2026-03-09"), d("2026-04-29"))).toEqual({ problems: [], late: [] });
    expect(checkCandidates([slot("2026-03-10", "10:00")], d("2026-03-09"), d("2026-04-29")).problems).toEqual(["Choose two or three times to propose (1 chosen)."]);
    expect(checkCandidates([slot("2026-03-06", "10:00"), slot("2026-03-10", "10:00")], d("2026-03-09"), d("2026-04-29")).problems).toEqual([
      "Fri 06/03/2026, 10:00–11:30 is sooner than the minimum notice allows: choose a time from Mon 09/03/2026.",
    ]);
    expect(checkCandidates([slot("2026-03-10", "10:00"), slot("2026-03-10", "11:00")], d("2026-03-09"), d("2026-04-29")).problems).toEqual([
      "Tue 10/03/2026, 10:00–11:30 and Tue 10/03/2026, 11:00–12:30 overlap: choose times that do not.",
    ]);
  });

  it("a time after the due-by date is named as late (it needs a reason); one on the due-by date is in time", () => {
    const late = slot("2026-04-30", "10:00");
    const check = checkCandidates([slot("2026-04-29", "10:00"), late], d("2026-03-09"), d("2026-04-29"));
    expect(check.problems).toEqual([]);
    expect(check.late).toEqual([late.start]);
  });

  it("times are London times: 09:00 on the day the clocks go forward is still that day", () => {
    const check = checkCandidates([slot("2026-03-30", "09:00"), slot("2026-03-31", "09:00")], d("2026-03-30"), d("2026-03-30"));
    expect(check.problems).toEqual([]);
    expect(check.late).toEqual([at("2026-03-31", "09:00")]);
  });
});

const proposal = (answers: Proposal["answers"] = []): Pick<Proposal, "candidates" | "invitees" | "answers"> => ({
  candidates: [
    { option: 1, ...slot("2026-03-10", "10:00"), holdId: "h1" },
    { option: 2, ...slot("2026-03-11", "14:00"), holdId: "h2" },
  ],
  invitees: [
    { address: "parent@family.example", name: "Pam Parent", outside: true, type: "required" },
    { address: "alfie.collins@westmere.example", name: "Alfie Collins", outside: false, type: "required" },
  ],
  answers,
});

describe("who can come to each proposed time", () => {
  it("sorts everyone into can come, maybe, cannot and not answered for each time", () => {
    const [first, second] = tallyAnswers(proposal(), [
      { address: "parent@family.example", option: 1, answer: "yes", at: at("2026-03-02", "12:00") },
      { address: "ALFIE.COLLINS@westmere.example", option: 1, answer: "maybe", at: at("2026-03-02", "12:00") },
      { address: "parent@family.example", option: 2, answer: "no", at: at("2026-03-02", "12:00") },
    ]);
    expect([first!.yes.map((p) => p.name), first!.maybe.map((p) => p.name), first!.no, first!.waiting]).toEqual([["Pam Parent"], ["Alfie Collins"], [], []]);
    expect([second!.no.map((p) => p.name), second!.waiting.map((p) => p.name)]).toEqual([["Pam Parent"], ["Alfie Collins"]]);
  });

  it("a person's latest answer counts: a reply recorded after pressing Accept wins, and a later Accept wins over an earlier reply", () => {
    const reply = { address: "parent@family.example", option: 1, answer: "no" as const, at: at("2026-03-03", "09:00"), how: "reply" as const, by: "sam" };
    const accepted = { address: "parent@family.example", option: 1, answer: "yes" as const, at: at("2026-03-02", "12:00") };
    expect(tallyAnswers(proposal([reply]), [accepted])[0]!.no.map((p) => [p.name, p.how])).toEqual([["Pam Parent", "reply"]]);
    expect(tallyAnswers(proposal([reply]), [{ ...accepted, at: at("2026-03-04", "09:00") }])[0]!.yes.map((p) => p.how)).toEqual(["calendar"]);
  });

  it("without the organizer's calendar (a colleague looking), the copy kept on the case counts; with it, the live answers replace the copy", () => {
    const copy = { address: "alfie.collins@westmere.example", option: 2, answer: "yes" as const, at: at("2026-03-02", "12:00"), how: "calendar" as const, by: "sam" };
    expect(tallyAnswers(proposal([copy]), null)[1]!.yes.map((p) => p.name)).toEqual(["Alfie Collins"]);
    expect(tallyAnswers(proposal([copy]), [])[1]!.yes).toEqual([]);
  });
});

describe("reminders in the IRO's calendar", () => {
  it("an entry at 09:00 on the deadline, its reminder at 09:00 on the day to remind, in real minutes across the clock change", () => {
    expect(reminderSlot(d("2026-03-05"), d("2026-03-04"))).toEqual({ start: at("2026-03-05", "09:00"), end: at("2026-03-05", "09:15"), minutesBefore: 1440 });
    expect(reminderSlot(d("2026-03-30"), d("2026-03-27")).minutesBefore).toBe(71 * 60);
    expect(reminderSlot(d("2026-10-26"), d("2026-10-23")).minutesBefore).toBe(73 * 60);
    expect(reminderSlot(d("2026-03-05"), d("2026-03-05")).minutesBefore).toBe(0);
  });

  it("a record is reminded the working day before it is due, never before the meeting", () => {
    expect(recordReminderDay(england, d("2026-03-10"), d("2026-04-07"))).toBe("2026-04-02"); // Good Friday, Easter Monday
    expect(recordReminderDay(england, d("2026-03-10"), d("2026-03-10"))).toBe("2026-03-10");
    expect(recordReminderDay(england, d("2026-12-24"), d("2026-12-29"))).toBe("2026-12-24"); // Christmas, substitute Boxing Day
  });
});

describe("when the consultation request goes", () => {
  it("10 working days before the meeting, or today when that day has come", () => {
    expect(consultationSendDay(england, d("2026-04-17"), 10, d("2026-03-02"))).toEqual({ sendOn: "2026-04-01", now: false });
    expect(consultationSendDay(england, d("2026-04-17"), 10, d("2026-04-01"))).toEqual({ sendOn: "2026-04-01", now: true });
    expect(consultationSendDay(england, d("2026-04-17"), 10, d("2026-04-08"))).toEqual({ sendOn: "2026-04-08", now: true });
  });
});

describe("the meeting requests for proposed times", () => {
  const times = [slot("2026-03-10", "10:00"), slot("2026-03-11", "14:00"), slot("2026-03-12", "09:30")];
  it("say which time of how many, with the case reference and never the child's name unless the service shows names", () => {
    expect(proposalSubject("lac-review", 3, "104233" as CaseRef, 2, 3)).toBe("Possible time 2 of 3: LAC review 3 – ref 104233");
    expect(proposalSubject("icpc", 1, "104233" as CaseRef, 1, 2, "Amy")).toBe("Possible time 1 of 2: Initial CP conference – ref 104233 (Amy)");
  });

  it("list every time, mark this one, say what to press and by when a time is confirmed; every value escaped", () => {
    const html = proposalBodyHtml({ event: "lac-review", number: 3, ref: "104233" as CaseRef, option: 2, times, chair: "Sam Okafor", classification: "OFFICIAL-SENSITIVE", answerBy: d("2026-03-05") });
    expect(html).toContain("<li>Wed 11/03/2026, 14:00–15:30 <strong>(this invitation)</strong></li>");
    expect(html).toContain("<strong>Accept</strong> if you can come at that time, <strong>Decline</strong> if you cannot");
    expect(html).toContain("We will confirm one time by Thu 05/03/2026.");
    for (const hostile of HOSTILE) {
      const bad = proposalBodyHtml({ event: "lac-review", number: 3, ref: "104233" as CaseRef, option: 1, times, chair: hostile, classification: hostile, answerBy: d("2026-03-05") });
      if (/[<>"'&]/.test(hostile)) expect(bad).not.toContain(hostile);
      expect(bad).not.toMatch(/<script|<img|<iframe|<a |onmouseover='/i);
    }
  });

  it("tell those invited to the other times that they are not needed, and when the meeting is", () => {
    expect(notNeededComment(times[1]!)).toBe("This possible time is not needed: the meeting will be on Wed 11/03/2026, 14:00–15:30, and you have the invitation for that time. Thank you for your answer.");
    expect(notNeededComment(null)).toMatch(/^These possible times are not needed any more/);
  });
});

describe("which times to offer a family", () => {
  const slotOn = (date: string, hhmm: string, busyCount = 0, tentativeCount = 0) => ({ date: d(date), ...slot(date, hhmm), people: [], busyCount, tentativeCount, unknownCount: 0, reviewsThatDay: 0, afterDueBy: false });
  it("the best first, none before the notice runs out, one a day (three on one morning is one choice)", async () => {
    const { timesToOffer } = await import("../../../src/domain/proposals/timesToOffer.js");
    const slots = [slotOn("2026-03-06", "09:00"), slotOn("2026-03-09", "09:00"), slotOn("2026-03-09", "09:30"), slotOn("2026-03-09", "14:00"), slotOn("2026-03-10", "10:00", 0, 1), slotOn("2026-03-11", "09:00"), slotOn("2026-03-12", "09:00", 1)];
    expect(timesToOffer(slots, d("2026-03-09"), 5).map((s) => [s.date, s.start])).toEqual([
      ["2026-03-09", at("2026-03-09", "09:00")],
      ["2026-03-11", at("2026-03-11", "09:00")],
      ["2026-03-10", at("2026-03-10", "10:00")],
      ["2026-03-12", at("2026-03-12", "09:00")],
    ]);
    expect(timesToOffer(slots, d("2026-03-09"), 2)).toHaveLength(2);
  });
});
