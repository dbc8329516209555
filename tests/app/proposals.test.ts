import { describe, expect, it } from "vitest";
import { MemoryCalendar } from "../../src/adapters/memory/memoryCalendar.js";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { MemoryHolds } from "../../src/adapters/memory/memoryHolds.js";
import { MemoryMail } from "../../src/adapters/memory/memoryMail.js";
import { MemoryReminders } from "../../src/adapters/memory/memoryReminders.js";
import { MemoryScheduledMail } from "../../src/adapters/memory/memoryScheduledMail.js";
import { LateReasonNeeded } from "../../src/app/lateReasons.js";
import { loadCaseload } from "../../src/app/loadCaseload.js";
import { confirmProposal } from "../../src/app/proposals/confirmProposal.js";
import { consultationPlan } from "../../src/app/proposals/consultation.js";
import { DeclinedTime, HoldsExpired, ProposalError } from "../../src/app/proposals/proposalErrors.js";
import { proposalStatus } from "../../src/app/proposals/proposalStatus.js";
import { proposeTimes, type ProposeRequest } from "../../src/app/proposals/proposeTimes.js";
import { recordReplyAnswer } from "../../src/app/proposals/recordReplyAnswer.js";
import { withdrawProposal } from "../../src/app/proposals/withdrawProposal.js";
import { clearRecordReminder, remindRecord } from "../../src/app/recordReminder.js";
import { DEFAULT_SETTINGS, type ServiceSettings } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../../src/domain/calendar/workingCalendar.js";
import { DEFAULT_TEMPLATES } from "../../src/domain/templates/defaultTemplates.js";
import type { Attendee } from "../../src/ports/Calendar.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;
const england = workingCalendar("england");
const sam = { address: "sam.okafor@westmere.example", name: "Sam Okafor" };
const at = (date: string, minutes: number) => londonTimeToInstant(date as IsoDate, minutes);
const settings: ServiceSettings = { ...DEFAULT_SETTINGS, feedbackUrl: "https://forms.example/iro" };
const attendees: Attendee[] = [
  { address: "alfie.collins@westmere.example", name: "Alfie Collins", type: "required" },
  { address: "pat@carers.example", name: "Pat Carer", type: "required" },
  { address: "pam@family.example", name: "Pam Parent", type: "required" },
  { address: "jo.marsh@partners.example", name: "Jo Marsh", type: "optional" },
];
const times = [
  { start: at("2026-03-10", 600), end: at("2026-03-10", 690) },
  { start: at("2026-03-11", 840), end: at("2026-03-11", 930) },
  { start: at("2026-03-12", 570), end: at("2026-03-12", 660) },
];

async function setUp(child = lacChild("104233", "2026-01-05", ["2026-01-29"], { contacts: [{ role: "carer", name: "Pat Carer", email: "pat@carers.example" }, { role: "parent", name: "Pam Parent", email: "pam@family.example" }, { role: "partner", name: "Jo Marsh", email: "jo.marsh@partners.example" }] })) {
  const cases = new MemoryCaseStore([child]);
  const calendar = new MemoryCalendar();
  const holds = new MemoryHolds(calendar);
  const reminders = new MemoryReminders();
  const scheduledMail = new MemoryScheduledMail();
  const mail = new MemoryMail();
  const entry = (await loadCaseload({ cases, calendar }, today, settings)).entries[0]!;
  const request = (over: Partial<ProposeRequest> = {}): ProposeRequest => ({
    stored: entry.stored, next: entry.next!, organizer: sam, chair: sam, times, attendees, online: true, location: "", lateReason: null,
    proposalId: "p-1", transactionIds: ["t1", "t2", "t3"], today, ...over,
  });
  const ports = { holds, reminders, cases, scheduledMail, mail };
  return { ports, cases, calendar, holds, reminders, scheduledMail, mail, entry, request };
}

describe("proposing times to a family", () => {
  it("holds each time in the organizer's calendar, asks everyone once, sets the reminder and keeps the proposal on the case", async () => {
    const { ports, holds, reminders, cases, request } = await setUp();
    const outcome = await proposeTimes(ports, request(), settings, england);
    expect(holds.calls).toEqual(["placeHold", "placeHold", "placeHold"]);
    expect(holds.holds.map((h) => [h.option, h.eventKind, h.attendees.length])).toEqual([[1, "lac-review 2", 4], [2, "lac-review 2", 4], [3, "lac-review 2", 4]]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.proposal).toMatchObject({ status: "open", proposedOn: "2026-03-02", expiresOn: "2026-03-05", remindOn: "2026-03-04", atRisk: false, dueBy: "2026-04-29" });
    // Families and partners first: they are the people told by email; each sees only themselves in the invitation.
    expect(outcome.proposal.invitees.map((i) => [i.name, i.outside])).toEqual([["Pat Carer", true], ["Pam Parent", true], ["Jo Marsh", true], ["Alfie Collins", false]]);
    expect(holds.requests.map((r) => r.hideAttendees)).toEqual([true, true, true]);
    expect(reminders.reminders).toEqual([expect.objectContaining({ kind: "hold-expiry", eventKind: "lac-review 2", deadline: "2026-03-05", remindOn: "2026-03-04", subject: "Confirm a time: LAC review 2 – ref 104233" })]);
    expect((await cases.readCase(request().stored.id)).childCase.proposal?.candidates.map((c) => c.holdId)).toEqual(["hold-1", "hold-2", "hold-3"]);
  });

  it("with only staff invited and the service's default policy, the attendee list shows; with \"hidden\" it never does", async () => {
    const { ports, holds, request } = await setUp();
    await proposeTimes(ports, request({ attendees: attendees.slice(0, 1) }), settings, england);
    expect(holds.requests.map((r) => r.hideAttendees)).toEqual([false, false, false]);
    const again = await setUp();
    await proposeTimes(again.ports, again.request({ attendees: attendees.slice(0, 1) }), { ...settings, attendeeList: "hidden" }, england);
    expect(again.holds.requests.map((r) => r.hideAttendees)).toEqual([true, true, true]);
  });

  it("sends nothing for one time, times sooner than the minimum notice, or times that overlap", async () => {
    const { ports, holds, request } = await setUp();
    await expect(proposeTimes(ports, request({ times: times.slice(0, 1) }), settings, england)).rejects.toThrow("Choose two or three times");
    await expect(proposeTimes(ports, request({ times: [{ start: at("2026-03-06", 600), end: at("2026-03-06", 690) }, times[0]!] }), settings, england)).rejects.toThrow("sooner than the minimum notice allows: choose a time from Mon 09/03/2026");
    await expect(proposeTimes(ports, request({ times: [times[0]!, { start: at("2026-03-10", 630), end: at("2026-03-10", 720) }] }), settings, england)).rejects.toThrow("overlap");
    expect(holds.calls).toEqual([]);
  });

  it("a time after the due-by date needs a reason from the list before anything is sent; with one, it is kept for the confirmation", async () => {
    const { ports, holds, request } = await setUp();
    const late = [times[0]!, { start: at("2026-04-30", 600), end: at("2026-04-30", 690) }];
    await expect(proposeTimes(ports, request({ times: late }), settings, england)).rejects.toBeInstanceOf(LateReasonNeeded);
    await expect(proposeTimes(ports, request({ times: late, lateReason: { reason: "because", detail: "" } }), settings, england)).rejects.toBeInstanceOf(LateReasonNeeded);
    expect(holds.calls).toEqual([]);
    const outcome = await proposeTimes(ports, request({ times: late, lateReason: { reason: "Family or carers asked for a later date", detail: "exams" } }), settings, england);
    expect(outcome.proposal.lateReason).toEqual({ reason: "Family or carers asked for a later date", detail: "exams" });
  });

  it("a time that cannot be held is reported and the others stand; trying again with the same ids holds only the missing one", async () => {
    const { ports, holds, request } = await setUp();
    let fail = true;
    const flaky = { ...ports, holds: { ...holds, placeHold: (r: Parameters<MemoryHolds["placeHold"]>[0]) => (r.option === 2 && fail ? Promise.reject(new Error("busy")) : holds.placeHold(r)), holdsForCase: holds.holdsForCase.bind(holds), confirmHold: holds.confirmHold.bind(holds), releaseHold: holds.releaseHold.bind(holds) } };
    const first = await proposeTimes(flaky, request(), settings, england);
    expect(first.failed.map((f) => f.option)).toEqual([2]);
    expect(first.proposal.candidates.map((c) => c.option)).toEqual([1, 3]);
    fail = false;
    const again = await proposeTimes(flaky, request({ stored: first.stored }), settings, england);
    expect(again.proposal.candidates.map((c) => c.option)).toEqual([1, 2, 3]);
    expect(holds.holds).toHaveLength(3);
  });

  it("refuses a second proposal while one is open for the same review", async () => {
    const { ports, request } = await setUp();
    const first = await proposeTimes(ports, request(), settings, england);
    await expect(proposeTimes(ports, request({ stored: first.stored, proposalId: "p-2" }), settings, england)).rejects.toBeInstanceOf(ProposalError);
  });
});

describe("collecting the answers", () => {
  it("the organizer sees what Exchange recorded; it is copied to the case once, so a colleague sees it too", async () => {
    const { ports, holds, cases, request } = await setUp();
    const { stored, proposal } = await proposeTimes(ports, request(), settings, england);
    holds.answer("hold-1", "pam@family.example", "yes", at("2026-03-02", 720));
    holds.answer("hold-2", "pam@family.example", "no", at("2026-03-02", 721));
    holds.answer("hold-1", "alfie.collins@westmere.example", "maybe", at("2026-03-02", 722));
    const seen = await proposalStatus(ports, stored, proposal, sam.address, today);
    expect(seen.live).toBe(true);
    expect(seen.tallies[0]!.yes.map((p) => p.name)).toEqual(["Pam Parent"]);
    expect(seen.tallies[0]!.maybe.map((p) => p.name)).toEqual(["Alfie Collins"]);
    expect(seen.tallies[1]!.no.map((p) => p.name)).toEqual(["Pam Parent"]);
    expect(seen.tallies[2]!.waiting).toHaveLength(4);
    const version = seen.stored.version;
    const again = await proposalStatus(ports, seen.stored, seen.proposal, sam.address, today);
    expect(again.stored.version).toBe(version); // nothing new: no second write
    const colleague = await proposalStatus(ports, await cases.readCase(stored.id), (await cases.readCase(stored.id)).childCase.proposal!, "rachel.greenwood@westmere.example", today);
    expect([colleague.live, colleague.mine, colleague.tallies[0]!.yes.map((p) => p.name)]).toEqual([false, false, ["Pam Parent"]]);
  });

  it("an answer by plain reply is recorded against one time and counts as the person's latest", async () => {
    const { ports, holds, cases, request } = await setUp();
    const { stored, proposal } = await proposeTimes(ports, request(), settings, england);
    holds.answer("hold-3", "pat@carers.example", "yes", at("2026-03-02", 700));
    const recorded = await recordReplyAnswer(cases, stored, proposal, { address: "pat@carers.example", option: 3, answer: "no" }, sam.address, at("2026-03-02", 800));
    const status = await proposalStatus(ports, recorded, recorded.childCase.proposal!, sam.address, today);
    expect(status.tallies[2]!.no.map((p) => [p.name, p.how])).toEqual([["Pat Carer", "reply"]]);
    await expect(recordReplyAnswer(cases, recorded, recorded.childCase.proposal!, { address: "stranger@else.example", option: 1, answer: "yes" }, sam.address, at("2026-03-02", 800))).rejects.toThrow("was not asked");
  });
});

describe("confirming a time", () => {
  it("the hold becomes the booking, the others are cancelled with a message, the reminder goes, the consultation request is scheduled", async () => {
    const s = await setUp();
    const { stored, proposal } = await proposeTimes(s.ports, s.request(), settings, england);
    s.holds.answer("hold-2", "pam@family.example", "yes", at("2026-03-02", 720));
    const status = await proposalStatus(s.ports, stored, proposal, sam.address, today);
    s.holds.calls.length = 0;
    s.reminders.calls.length = 0;
    const plan = consultationPlan(stored.childCase, proposal.eventKind, times[1]!.start, settings, england, today)!;
    const outcome = await confirmProposal(s.ports, {
      stored: status.stored, proposal: status.proposal, tally: status.tallies[1]!, declinesAccepted: false, next: s.entry.next!, me: sam, today,
      consultation: { plan, template: DEFAULT_TEMPLATES.find((t) => t.id === "consultation-request")!, me: sam, calendar: england },
    }, settings);
    expect(s.holds.calls).toEqual(["confirmHold", "releaseHold", "releaseHold"]);
    expect(outcome.booking).toMatchObject({ id: "hold-2", eventKind: "lac-review 2", subject: "LAC review 2 – ref 104233", joinUrl: "https://teams.example/join", start: times[1]!.start });
    expect(s.calendar.bookings.map((b) => b.id)).toEqual(["hold-2"]);
    expect(s.holds.cancelled.map((c) => [c.id, c.told.length])).toEqual([["hold-1", 4], ["hold-3", 4]]);
    expect(s.holds.cancelled[0]!.comment).toContain("the meeting will be on Wed 11/03/2026, 14:00–15:30");
    expect(s.reminders.reminders).toEqual([]);
    // The review is 7 working days away: fewer than the 10 of the consultation lead, so it went at once.
    expect(plan).toMatchObject({ sendOn: "2026-03-02", now: true, to: [{ address: "pat@carers.example", name: "Pat Carer" }, { address: "pam@family.example", name: "Pam Parent" }] });
    expect(s.mail.sent.map((m) => m.subject)).toEqual(["[OFFICIAL-SENSITIVE] Your views before the review – ref 104233"]);
    // It gives the family the meeting's date (never a due-by date, nor a gap).
    expect(s.mail.sent[0]!.html).toContain("The review meeting for ref 104233 is on 11/03/2026.");
    expect(s.mail.sent[0]!.html).not.toContain("[not recorded]");
    expect(outcome.stored.childCase.proposal).toMatchObject({ status: "confirmed", closed: { on: "2026-03-02", by: sam.address, option: 2 } });
    expect(outcome.stored.childCase.consultations).toEqual([expect.objectContaining({ eventKind: "lac-review 2", how: "sent", sendOn: "2026-03-02" })]);
    // The caseload now counts the child as booked.
    const entry = (await loadCaseload({ cases: s.cases, calendar: s.calendar }, today, settings)).entries[0]!;
    expect(entry.status).toBe("booked");
  });

  it("a consultation request for a meeting further off waits in Exchange until 10 working days before it, at 08:00", async () => {
    const s = await setUp();
    const start = at("2026-04-17", 600);
    const plan = consultationPlan(s.entry.stored.childCase, "lac-review 2", start, settings, england, today)!;
    expect(plan).toMatchObject({ sendOn: "2026-04-01", now: false });
    const { sendConsultation } = await import("../../src/app/proposals/consultation.js");
    await sendConsultation(s.ports, s.entry.stored.childCase, { plan, next: s.entry.next!, template: DEFAULT_TEMPLATES.find((t) => t.id === "consultation-request")!, me: sam, settings, calendar: england, today });
    expect(s.scheduledMail.waiting.map((w) => [w.tag, new Date(w.at).toISOString(), w.mail.to.length])).toEqual([["consultation 104233 lac-review 2", "2026-04-01T07:00:00.000Z", 2]]);
    // Scheduling it again (the meeting moved) replaces it: never two.
    await sendConsultation(s.ports, s.entry.stored.childCase, { plan: { ...plan, sendOn: "2026-04-02" as IsoDate }, next: s.entry.next!, template: DEFAULT_TEMPLATES.find((t) => t.id === "consultation-request")!, me: sam, settings, calendar: england, today });
    expect(s.scheduledMail.waiting.map((w) => new Date(w.at).toISOString())).toEqual(["2026-04-02T07:00:00.000Z"]);
    expect(s.mail.sent).toEqual([]);
  });

  it("confirming a time someone declined asks first, naming them; nothing changes until the IRO says yes", async () => {
    const s = await setUp();
    const { stored, proposal } = await proposeTimes(s.ports, s.request(), settings, england);
    s.holds.answer("hold-1", "jo.marsh@partners.example", "no", at("2026-03-02", 720));
    const status = await proposalStatus(s.ports, stored, proposal, sam.address, today);
    const confirm = (declinesAccepted: boolean) => confirmProposal(s.ports, { stored: status.stored, proposal: status.proposal, tally: status.tallies[0]!, declinesAccepted, next: s.entry.next!, me: sam, today, consultation: null }, settings);
    await expect(confirm(false)).rejects.toThrow(new DeclinedTime(["Jo Marsh"]).message);
    expect(s.calendar.bookings).toEqual([]);
    expect((await confirm(true)).booking.id).toBe("hold-1");
  });

  it("an expired hold cannot be confirmed: propose again", async () => {
    const s = await setUp();
    const { stored, proposal } = await proposeTimes(s.ports, s.request(), settings, england);
    const later = "2026-03-06" as IsoDate;
    const status = await proposalStatus(s.ports, stored, proposal, sam.address, later);
    expect(status.expired).toBe(true);
    await expect(confirmProposal(s.ports, { stored: status.stored, proposal: status.proposal, tally: status.tallies[0]!, declinesAccepted: true, next: s.entry.next!, me: sam, today: later, consultation: null }, settings)).rejects.toBeInstanceOf(HoldsExpired);
    expect(s.calendar.bookings).toEqual([]);
    expect(s.holds.holds).toHaveLength(3);
  });

  it("only the organizer can confirm (the holds are in their calendar); a confirmed late time records the late reason", async () => {
    const s = await setUp();
    const late = [times[0]!, { start: at("2026-04-30", 600), end: at("2026-04-30", 690) }];
    const { stored, proposal } = await proposeTimes(s.ports, s.request({ times: late, lateReason: { reason: "Chair unavailable", detail: "" } }), settings, england);
    const status = await proposalStatus(s.ports, stored, proposal, sam.address, today);
    const request = { stored: status.stored, proposal: status.proposal, tally: status.tallies[1]!, declinesAccepted: true, next: s.entry.next!, today, consultation: null };
    await expect(confirmProposal(s.ports, { ...request, me: { address: "rachel.greenwood@westmere.example", name: "Rachel" } }, settings)).rejects.toThrow("Only Sam Okafor can confirm");
    const outcome = await confirmProposal(s.ports, { ...request, me: sam }, settings);
    expect(outcome.stored.childCase.lateReasons).toEqual([{ event: "lac-review 2", reason: "Chair unavailable", detail: "", recorded: "2026-03-02", by: sam.address }]);
  });
});

describe("withdrawing proposed times, and the caseload", () => {
  it("withdrawing cancels every hold with a message, removes the reminder and records it on the case", async () => {
    const s = await setUp();
    const { stored, proposal } = await proposeTimes(s.ports, s.request(), settings, england);
    const outcome = await withdrawProposal(s.ports, stored, proposal, sam.address, today);
    expect(s.holds.cancelled.map((c) => c.id)).toEqual(["hold-1", "hold-2", "hold-3"]);
    expect(s.holds.cancelled[0]!.comment).toMatch(/^These possible times are not needed any more/);
    expect(s.reminders.reminders).toEqual([]);
    expect(outcome.stored.childCase.proposal?.status).toBe("withdrawn");
  });

  it("holds and reminders carry the case but do not count as booked; reminders show on the child's entry", async () => {
    const cases = new MemoryCaseStore([lacChild("104233", "2026-01-05", ["2026-01-29"])]);
    const calendar = new MemoryCalendar();
    const tagged = (id: string, eventKind: string, date: string) => ({ id, caseRef: "104233" as never, eventKind, subject: "", start: at(date, 540), end: at(date, 555), attendees: [], joinUrl: null, webLink: null, cancelled: false });
    calendar.bookings.push(tagged("h", "hold lac-review 2 #1", "2026-03-10"), tagged("r", "reminder hold-expiry lac-review 2", "2026-03-05"));
    const caseload = await loadCaseload({ cases, calendar }, today, settings);
    expect(caseload.entries[0]).toMatchObject({ status: "on-track", booking: null, reminders: [{ kind: "hold-expiry", eventKind: "lac-review 2", deadline: "2026-03-05" }] });
    expect(caseload.reviewsOnDay("2026-03-10" as IsoDate)).toBe(0);
  });

  it("after a meeting the chair's calendar reminds them of the full record the working day before it is due; sending clears it", async () => {
    const reminders = new MemoryReminders();
    const due = await remindRecord(reminders, { ref: "104233" as never, track: "lac", event: "lac-review", number: 2, held: "2026-03-10" as IsoDate }, settings, england, "2026-03-10" as IsoDate);
    // 20 working days after Tue 10/03/2026, Good Friday and Easter Monday skipped: Thu 09/04; reminded Wed 08/04.
    expect(due).toEqual({ dueBy: "2026-04-09", remindOn: "2026-04-08" });
    expect(reminders.reminders).toEqual([expect.objectContaining({ kind: "record", eventKind: "lac-review 2", deadline: "2026-04-09", subject: "Full record due: LAC review 2 – ref 104233" })]);
    expect(await clearRecordReminder(reminders, "104233" as never, "lac-review", 2)).toBe(1);
    expect(reminders.reminders).toEqual([]);
  });
});

describe("the service's settings for proposed times and reminders", () => {
  it("with only staff invited, the shorter minimum notice applies to the times proposed", async () => {
    const { ports, holds, request } = await setUp();
    const staffOnly = attendees.slice(0, 1);
    const tomorrow = [{ start: at("2026-03-03", 600), end: at("2026-03-03", 690) }, { start: at("2026-03-04", 600), end: at("2026-03-04", 690) }];
    await expect(proposeTimes(ports, request({ attendees, times: tomorrow }), settings, england)).rejects.toThrow("sooner than the minimum notice allows: choose a time from Mon 09/03/2026");
    expect((await proposeTimes(ports, request({ attendees: staffOnly, times: tomorrow }), settings, england)).proposal.candidates).toHaveLength(2);
    expect(holds.requests.every((r) => r.attendees.length === 1)).toBe(true);
  });

  it("default to holds of 3 working days and the consultation request 10 working days ahead; each can be set, within limits", async () => {
    const { readServiceSettings } = await import("../../src/app/readServiceSettings.js");
    expect(readServiceSettings({}).settings).toMatchObject({ holdWorkingDays: 3, consultationWorkingDays: 10 });
    expect(readServiceSettings({ holdWorkingDays: 5, consultationWorkingDays: 15 }).settings).toMatchObject({ holdWorkingDays: 5, consultationWorkingDays: 15 });
    expect(readServiceSettings({ holdWorkingDays: 0, consultationWorkingDays: 2.5 }).errors).toEqual([
      "settings.holdWorkingDays should be a whole number from 1 to 10",
      "settings.consultationWorkingDays should be a whole number from 0 to 30",
    ]);
  });
});
