import { beforeAll, describe, expect, it } from "vitest";
import { GraphCalendar } from "../../src/adapters/graph/graphCalendar.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY } from "../../src/adapters/graph/extendedProperties.js";
import { GraphHolds } from "../../src/adapters/graph/graphHolds.js";
import { GraphReminders } from "../../src/adapters/graph/graphReminders.js";
import { GraphScheduledMail } from "../../src/adapters/graph/graphScheduledMail.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { instant, londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import type { HoldRequest } from "../../src/ports/Holds.js";
import { IRO, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
const PARENT = "pam.parent@family.example";
const PARTNER = "jo.marsh@partners.example";
let socialWorker: string;
beforeAll(() => {
  socialWorker = sandbox.store.users().find((u) => u.roles.includes("social-worker"))!.userPrincipalName;
});

const at = (date: string, hhmm: string) => londonTimeToInstant(date as IsoDate, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const hold = (ref: string, option: number, date: string): HoldRequest => ({
  caseRef: ref as CaseRef,
  eventKind: "lac-review 3",
  option,
  subject: `Possible time ${option} of 3: LAC review 3 – ref ${ref}`,
  start: at(date, "10:00"),
  end: at(date, "11:30"),
  attendees: [
    { address: socialWorker, name: "Social worker", type: "required" },
    { address: PARENT, name: "Pam Parent", type: "required" },
    { address: PARTNER, name: "Jo Marsh", type: "optional" },
  ],
  bodyHtml: "<p>Please answer each invitation.</p>",
  hideAttendees: true,
  transactionId: `tx-${ref}-${option}`,
});
const outside = async (address: string, what: "messages" | "calendar") => (await (await fetch(`${sandbox.url}/sandbox/outside/${encodeURIComponent(address)}/${what}`)).json()).value as Record<string, any>[];
const respondOutside = (address: string, body: unknown) => fetch(`${sandbox.url}/sandbox/outside/${encodeURIComponent(address)}/respond`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const copyOf = (upn: string, iCalUId: string) => sandbox.store.eventsByUid(iCalUId).find((e) => e.ownerId === sandbox.store.user(upn)!.id);

describe("holds for proposed times against the sandbox (GraphHolds)", () => {
  it("holds a time as tentative in the organizer's and staff's calendars, tagged, and sends people outside a meeting request", async () => {
    const holds = new GraphHolds(sandbox.graph(IRO));
    const made = await holds.placeHold(hold("200001", 1, "2026-03-10"));
    expect(made).toMatchObject({ caseRef: "200001", eventKind: "lac-review 3", option: 1 });
    const organizer = sandbox.store.event(sandbox.store.user(IRO)!.id, made.id)!;
    expect(organizer.data).toMatchObject({ showAs: "tentative", sensitivity: "private", allowNewTimeProposals: false, hideAttendees: true });
    expect(organizer.data.singleValueExtendedProperties).toEqual([{ id: CASE_REF_PROPERTY, value: "200001" }, { id: EVENT_KIND_PROPERTY, value: "hold lac-review 3 #1" }]);
    expect(copyOf(socialWorker, organizer.iCalUId)?.data).toMatchObject({ showAs: "tentative", responseStatus: { response: "notResponded" } });
    const received = (await outside(PARENT, "messages")).find((m) => m.iCalUId === organizer.iCalUId);
    expect(received).toMatchObject({ meetingMessageType: "meetingRequest", subject: "Possible time 1 of 3: LAC review 3 – ref 200001", from: { emailAddress: { address: IRO } } });
    // Free/busy shows the time as tentative to anyone looking for a slot.
    const [iro] = await new GraphCalendar(sandbox.graph(IRO)).freeBusy([IRO], at("2026-03-10", "00:00"), at("2026-03-11", "00:00"));
    expect(iro?.known && iro.items.some((i) => i.status === "tentative" && i.start === at("2026-03-10", "10:00"))).toBe(true);
    // A retried create with the same transactionId holds the time once, whichever way Exchange answers the repeat.
    expect((await holds.placeHold(hold("200001", 1, "2026-03-10"))).id).toBe(made.id);
    sandbox.behaviour.duplicateTransactionId = "error";
    try {
      expect((await holds.placeHold(hold("200001", 1, "2026-03-10"))).id).toBe(made.id);
    } finally {
      sandbox.behaviour.duplicateTransactionId = "original";
    }
    expect(sandbox.store.allEvents(sandbox.store.user(IRO)!.id).filter((e) => e.data.subject === "Possible time 1 of 3: LAC review 3 – ref 200001")).toHaveLength(1);
  });

  it("records each answer on the organizer's event, from staff through Graph and from people outside by their mail app", async () => {
    const holds = new GraphHolds(sandbox.graph(IRO));
    const made = await holds.placeHold(hold("200002", 1, "2026-03-11"));
    const uid = sandbox.store.event(sandbox.store.user(IRO)!.id, made.id)!.iCalUId;
    const accepted = await sandbox.raw(socialWorker, "POST", `/me/events/${copyOf(socialWorker, uid)!.id}/accept`, { comment: "See you then", sendResponse: true });
    expect(accepted.status).toBe(202);
    expect((await respondOutside(PARENT, { iCalUId: uid, response: "declined" })).status).toBe(202);
    expect((await respondOutside(PARTNER, { iCalUId: uid, response: "tentativelyAccepted" })).status).toBe(202);
    const [read] = await holds.holdsForCase("200002" as CaseRef);
    expect(read!.attendees.map((a) => [a.address, a.answer])).toEqual([[socialWorker, "yes"], [PARENT, "no"], [PARTNER, "maybe"]]);
    expect(read!.attendees.every((a) => a.answeredAt !== null && a.answeredAt > 0)).toBe(true);
    expect(copyOf(socialWorker, uid)?.data.showAs).toBe("busy");
    const inbox = sandbox.store.messages(sandbox.store.user(IRO)!.id, "inbox").map((m) => [m.data.subject, m.data.meetingMessageType]);
    expect(inbox).toEqual(expect.arrayContaining([["Accepted: Possible time 1 of 3: LAC review 3 – ref 200002", "meetingAccepted"], ["Declined: Possible time 1 of 3: LAC review 3 – ref 200002", "meetingDeclined"]]));
  });

  it("answers and cancellations are refused as Graph refuses them", async () => {
    const holds = new GraphHolds(sandbox.graph(IRO));
    const made = await holds.placeHold(hold("200003", 1, "2026-03-12"));
    const uid = sandbox.store.event(sandbox.store.user(IRO)!.id, made.id)!.iCalUId;
    const attendeeCancels = await sandbox.raw(socialWorker, "POST", `/me/events/${copyOf(socialWorker, uid)!.id}/cancel`, { Comment: "no" });
    expect(attendeeCancels).toMatchObject({ status: 400, body: { error: { message: "Your request can't be completed. You need to be an organizer to cancel a meeting." } } });
    expect((await sandbox.raw(IRO, "POST", `/me/events/${made.id}/accept`, {})).status).toBe(400);
    const unknown = await sandbox.raw(socialWorker, "POST", `/me/events/${copyOf(socialWorker, uid)!.id}/accept`, { reason: "x" });
    expect(unknown.body.error.message).toBe("The parameter 'reason' in the request payload is not a valid parameter for the operation 'accept'.");
    expect((await respondOutside("nobody@else.example", { iCalUId: uid, response: "accepted" })).status).toBe(400);
  });

  it("confirming turns one hold into the booking; cancelling another touches nothing else; each outside person keeps the meeting once", async () => {
    const holds = new GraphHolds(sandbox.graph(IRO));
    const [first, second, third] = [await holds.placeHold(hold("200004", 1, "2026-03-16")), await holds.placeHold(hold("200004", 2, "2026-03-17")), await holds.placeHold(hold("200004", 3, "2026-03-18"))];
    const uid = (id: string) => sandbox.store.event(sandbox.store.user(IRO)!.id, id)!.iCalUId;
    const [uid1, uid2, uid3] = [uid(first!.id), uid(second!.id), uid(third!.id)];
    const booking = await holds.confirmHold(second!.id, { caseRef: "200004" as CaseRef, subject: "LAC review 3 – ref 200004", bodyHtml: "<h3>Agenda</h3>", online: true, eventKind: "lac-review 3" });
    expect(booking).toMatchObject({ caseRef: "200004", eventKind: "lac-review 3", subject: "LAC review 3 – ref 200004" });
    expect(booking.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(sandbox.store.event(sandbox.store.user(IRO)!.id, second!.id)!.data.showAs).toBe("busy");
    await holds.releaseHold(first!.id, "Not needed: the meeting is on Tue 17/03/2026.");
    await holds.releaseHold(first!.id, "again"); // already gone: released
    await holds.releaseHold(third!.id, "Not needed.");
    expect(sandbox.store.event(sandbox.store.user(IRO)!.id, first!.id)).toBeUndefined();
    expect(copyOf(socialWorker, uid1)?.data).toMatchObject({ isCancelled: true, showAs: "free" });
    expect(copyOf(socialWorker, uid2)?.data).toMatchObject({ isCancelled: false, subject: "LAC review 3 – ref 200004" });
    expect(copyOf(socialWorker, uid3)?.data.isCancelled).toBe(true);
    const cancellation = (await outside(PARENT, "messages")).find((m) => m.iCalUId === uid1 && m.meetingMessageType === "meetingCancelled");
    expect(cancellation?.body.content).toContain("Not needed: the meeting is on Tue 17/03/2026.");
    for (const address of [PARENT, PARTNER]) {
      const calendar = (await outside(address, "calendar")).filter((e) => [uid1, uid2, uid3].includes(e.iCalUId));
      expect(calendar.map((e) => [e.iCalUId, e.subject]), address).toEqual([[uid2, "LAC review 3 – ref 200004"]]);
    }
    // The calendar now counts it as the booking, with the case reference kept by the PATCH.
    const bookings = await new GraphCalendar(sandbox.graph(IRO)).bookingsForCase("200004" as CaseRef);
    expect(bookings.map((b) => [b.id, b.eventKind])).toEqual([[second!.id, "lac-review 3"]]);
    expect(await holds.holdsForCase("200004" as CaseRef)).toEqual([]);
  });
});

describe("reminders in the IRO's calendar (GraphReminders)", () => {
  it("a free entry on the deadline with Outlook's reminder on the day to remind; setting again replaces it; clearing removes it", async () => {
    const reminders = new GraphReminders(sandbox.graph(IRO));
    const request = { caseRef: "200005" as CaseRef, kind: "record" as const, eventKind: "lac-review 3", deadline: "2026-03-30" as IsoDate, remindOn: "2026-03-27" as IsoDate, subject: "Full record due: LAC review 3 – ref 200005", bodyHtml: "<p>Due</p>" };
    const made = await reminders.set(request);
    expect(made).toMatchObject({ kind: "record", deadline: "2026-03-30" });
    const event = sandbox.store.event(sandbox.store.user(IRO)!.id, made.id)!;
    expect(event.data).toMatchObject({ showAs: "free", isReminderOn: true, reminderMinutesBeforeStart: 71 * 60, attendees: [] });
    expect(event.startMs).toBe(Date.parse("2026-03-30T08:00:00Z")); // 09:00 BST
    await reminders.set({ ...request, deadline: "2026-03-31" as IsoDate });
    const tagged = (await new GraphCalendar(sandbox.graph(IRO)).bookingsForCase("200005" as CaseRef)).map((b) => [b.eventKind, new Date(b.start).toISOString()]);
    expect(tagged).toEqual([["reminder record lac-review 3", "2026-03-31T08:00:00.000Z"]]);
    expect(await reminders.clear("200005" as CaseRef, "record", "lac-review 3")).toBe(1);
    expect(await new GraphCalendar(sandbox.graph(IRO)).bookingsForCase("200005" as CaseRef)).toEqual([]);
  });
});

describe("scheduled sending through Exchange (GraphScheduledMail)", () => {
  const mail = { to: [{ address: PARENT, name: "Pam Parent" }], subject: "[OFFICIAL-SENSITIVE] Your views before the review – ref 200006", html: "<p>Forms</p>", headers: { "X-IRO-Desk-Classification": "OFFICIAL-SENSITIVE" } };

  it("waits in Drafts with its deferred send time and goes nowhere until then; withdrawing it deletes it", async () => {
    const scheduled = new GraphScheduledMail(sandbox.graph(IRO));
    const later = instant(Date.now() + 2 * 86_400_000);
    await scheduled.schedule(mail, later, "consultation 200006 lac-review 3");
    const drafts = sandbox.store.messages(sandbox.store.user(IRO)!.id, "drafts").filter((m) => m.data.subject === mail.subject);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.data.singleValueExtendedProperties).toEqual(expect.arrayContaining([{ id: "SystemTime 0x3FEF", value: new Date(later).toISOString() }]));
    expect((await outside(PARENT, "messages")).some((m) => m.subject === mail.subject)).toBe(false);
    expect(await scheduled.unschedule("consultation 200006 lac-review 3")).toBe(1);
    expect(sandbox.store.messages(sandbox.store.user(IRO)!.id, "drafts").filter((m) => m.data.subject === mail.subject)).toEqual([]);
    expect(await scheduled.unschedule("consultation 200006 lac-review 3")).toBe(0);
  });

  it("goes by itself when its time comes (no client needed), once, and a time already past sends at once", async () => {
    const scheduled = new GraphScheduledMail(sandbox.graph(IRO));
    await scheduled.schedule({ ...mail, subject: "soon" }, instant(Date.now() + 1_200), "t-soon");
    expect((await outside(PARENT, "messages")).some((m) => m.subject === "soon")).toBe(false);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await outside(PARENT, "messages")).filter((m) => m.subject === "soon")).toHaveLength(1);
    expect(sandbox.store.messages(sandbox.store.user(IRO)!.id, "sentitems").filter((m) => m.data.subject === "soon")).toHaveLength(1);
    expect(await scheduled.unschedule("t-soon")).toBe(0);
    await scheduled.schedule({ ...mail, subject: "past" }, instant(Date.now() - 60_000), "t-past");
    expect((await outside(PARENT, "messages")).filter((m) => m.subject === "past")).toHaveLength(1);
  });

  it("refuses a SystemTime that is not a time, as Graph does", async () => {
    const bad = await sandbox.raw(IRO, "POST", "/me/messages", { subject: "x", toRecipients: [{ emailAddress: { address: PARENT } }], singleValueExtendedProperties: [{ id: "SystemTime 0x3FEF", value: "next Tuesday" }] });
    expect(bad.status).toBe(400);
  });
});
