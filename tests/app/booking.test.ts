import { describe, expect, it } from "vitest";
import { MemoryCalendar } from "../../src/adapters/memory/memoryCalendar.js";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { addedInvitee, bookReview, CancelledReasonNotKept, cancelReview, proposedAttendees, type BookingChoice } from "../../src/app/bookReview.js";
import { LateReasonNeeded } from "../../src/app/lateReasons.js";
import { BusyError } from "../../src/ports/errors.js";
import { findSlots } from "../../src/app/findSlots.js";
import { loadCaseload } from "../../src/app/loadCaseload.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { instant, londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import { workingCalendar, workingDays } from "../../src/domain/calendar/workingCalendar.js";
import { completeSavedAppointment } from "../../src/app/completeSavedAppointment.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import { RequestError } from "../../src/ports/errors.js";
import { appointmentForm } from "../fixtures/appointmentForm.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;
const chair = { address: "sam.okafor@westmere.example", name: "Sam Okafor" };
const council = { domains: ["westmere.example"], caseContacts: ["pat@carers.example", "jo.marsh@partners.example"] };
const at = (date: string, minutes: number) => londonTimeToInstant(date as IsoDate, minutes);

async function setUp(children = [lacChild("104233", "2026-01-05", ["2026-01-29"])]) {
  const cases = new MemoryCaseStore(children);
  const calendar = new MemoryCalendar({ [chair.address]: [], "alfie.collins@westmere.example": [], "ivy.smith@westmere.example": [] });
  const caseload = await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS);
  const entry = caseload.entries[0]!;
  const choice = (over: Partial<BookingChoice> = {}): BookingChoice => ({
    stored: entry.stored,
    next: entry.next!,
    existing: entry.booking,
    start: at("2026-04-20", 600),
    end: at("2026-04-20", 690),
    attendees: proposedAttendees(entry.stored, chair.address),
    online: true,
    location: "",
    lateReason: null,
    transactionId: "tx-1",
    chair,
    bookedBy: chair.address,
    today,
    ...over,
  });
  return { cases, calendar, caseload, entry, choice };
}

describe("booking a review", () => {
  it("proposes the social worker, team manager, carers and partners (partners optional), each with their role, not the chair", async () => {
    const { entry } = await setUp();
    expect(proposedAttendees(entry.stored, chair.address)).toEqual([
      { address: "alfie.collins@westmere.example", name: "Alfie Collins", type: "required", role: "social-worker" },
      { address: "ivy.smith@westmere.example", name: "Ivy Smith", type: "required", role: "team-manager" },
      { address: "pat@carers.example", name: "Pat Carer (Westmere Fostering)", type: "required", role: "carer" },
      { address: "jo.marsh@partners.example", name: "Jo Marsh (Westmere Academy)", type: "optional", role: "partner" },
    ]);
  });

  it("someone added by address is a colleague on the council's domain, otherwise outside the council", () => {
    expect(addedInvitee("Kim.Lee@Westmere.example", council)).toMatchObject({ name: "Kim Lee", role: "colleague" });
    expect(addedInvitee("kim@advocacy.example", council)).toMatchObject({ role: "outside", type: "required" });
  });

  it("from the sidebar: one event with the case reference, a subject without the child's name, the agenda in the body", async () => {
    const { calendar, choice } = await setUp();
    const outcome = await bookReview({ calendar, cases: new MemoryCaseStore(), appointment: null }, choice(), { ...DEFAULT_SETTINGS, feedbackUrl: "https://forms.example/iro" });
    expect(outcome.kind).toBe("booked");
    expect(calendar.bookings).toHaveLength(1);
    const booking = calendar.bookings[0]!;
    expect(booking).toMatchObject({ caseRef: "104233", eventKind: "lac-review 2", subject: "LAC review 2 – ref 104233" });
    expect(booking.subject).not.toContain("Child 104233");
  });

  it("pressing Book again with the same transaction id books nothing new", async () => {
    const { calendar, choice } = await setUp();
    const ports = { calendar, cases: new MemoryCaseStore(), appointment: null };
    await bookReview(ports, choice(), DEFAULT_SETTINGS);
    await bookReview(ports, choice(), DEFAULT_SETTINGS);
    expect(calendar.bookings).toHaveLength(1);
  });

  it("after the due-by date: refused without a reason and nothing booked; with one, booked and the reason kept on the case", async () => {
    const { calendar, cases, choice } = await setUp();
    const ports = { calendar, cases, appointment: null };
    const late = { start: at("2026-05-05", 600), end: at("2026-05-05", 690) };
    await expect(bookReview(ports, choice(late), DEFAULT_SETTINGS)).rejects.toBeInstanceOf(LateReasonNeeded);
    expect(calendar.bookings).toHaveLength(0);
    await bookReview(ports, choice({ ...late, lateReason: { reason: "Chair unavailable", detail: "Court" } }), DEFAULT_SETTINGS);
    expect(calendar.bookings).toHaveLength(1);
    const saved = await cases.readCase("1");
    expect(saved.childCase.lateReasons).toEqual([{ event: "lac-review 2", reason: "Chair unavailable", detail: "Court", recorded: today, by: chair.address }]);
  });

  it("if someone else changed the case meanwhile, the late reason is added to their version: both changes kept", async () => {
    const { calendar, cases, choice } = await setUp();
    const read = await cases.readCase("1");
    await cases.updateCase("1", read.version, { ...read.childCase, socialWorker: "new.worker@westmere.example" });
    await bookReview({ calendar, cases, appointment: null }, choice({ start: at("2026-05-05", 600), end: at("2026-05-05", 690), lateReason: { reason: "Reports not ready", detail: "" } }), DEFAULT_SETTINGS);
    const now = await cases.readCase("1");
    expect(now.childCase.socialWorker).toBe("new.worker@westmere.example");
    expect(now.childCase.lateReasons).toHaveLength(1);
  });

  it("rebooking moves the existing booking rather than making a second", async () => {
    const { calendar, cases, choice } = await setUp();
    const ports = { calendar, cases, appointment: null };
    await bookReview(ports, choice(), DEFAULT_SETTINGS);
    const entry = (await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS)).entries[0]!;
    expect(entry.status).toBe("booked");
    const moved = await bookReview(ports, choice({ existing: entry.booking, start: at("2026-04-22", 840), end: at("2026-04-22", 930), transactionId: "tx-2" }), DEFAULT_SETTINGS);
    expect(moved.kind).toBe("moved");
    expect(calendar.bookings).toHaveLength(1);
    expect(calendar.bookings[0]!.start).toBe(at("2026-04-22", 840));
  });

  it("from an open appointment with only staff invited: Outlook fills and saves it, Graph completes it like a sidebar booking, and only then are the attendees added", async () => {
    const { calendar, choice: all, entry } = await setUp();
    const choice = () => all({ attendees: staffOf(entry) });
    const steps: string[] = [];
    const calls = calendar.calls;
    const form = appointmentForm(calendar, steps);
    const completeBooking = calendar.completeBooking.bind(calendar);
    calendar.completeBooking = async (...args) => (steps.push("completeBooking"), completeBooking(...args));
    const outcome = await bookReview({ calendar, cases: new MemoryCaseStore(), appointment: form }, choice(), DEFAULT_SETTINGS);
    expect(steps).toEqual(["fillAndSave", "completeBooking", "addAttendees"]);
    expect(calls).not.toContain("createBooking");
    expect(form.fields[0]).toMatchObject({ subject: "LAC review 2 – ref 104233", caseRef: "104233", eventKind: "lac-review 2", location: "Microsoft Teams meeting" });
    expect(form.fields[0]!.bodyHtml).toContain("<h3>Agenda</h3>");
    expect(form.attendees[0]!.map((a) => a.address)).toEqual(choice().attendees.map((a) => a.address));
    // The same as a sidebar booking: tagged with the case (the caseload finds it) and a Teams meeting.
    expect(outcome).toMatchObject({ kind: "filled", booking: { id: "saved-1", caseRef: "104233", eventKind: "lac-review 2", joinUrl: "https://teams.example/join" } });
    expect((await calendar.bookingsForCase("104233" as CaseRef)).map((b) => b.id)).toEqual(["saved-1"]);
  });

  it("waits for an appointment Outlook saved in cached mode to reach the server, then completes it", async () => {
    const { calendar, entry } = await setUp();
    await appointmentForm(calendar, [], 30).fillAndSave(form());
    const booking = await completeSavedAppointment(calendar, "saved-1", { caseRef: entry.child.ref, eventKind: "lac-review 2", online: false }, undefined, [10, 20, 40]);
    expect(booking.caseRef).toBe("104233");
    expect(calendar.calls.filter((c) => c === "completeBooking").length).toBeGreaterThan(1);
  });

  it("says what state the appointment is in when Graph cannot complete it, and invites nobody", async () => {
    const { calendar, choice: all, entry } = await setUp();
    const choice = () => all({ attendees: staffOf(entry) });
    const steps: string[] = [];
    calendar.completeBooking = () => Promise.reject(new RequestError(403, "Access is denied."));
    const failed = bookReview({ calendar, cases: new MemoryCaseStore(), appointment: appointmentForm(calendar, steps) }, choice(), DEFAULT_SETTINGS);
    await expect(failed).rejects.toThrow("The appointment is filled in and saved in your calendar, but it is not yet private, tagged with the case or a Teams meeting, and nobody is invited (Access is denied.).");
    expect(steps).toEqual(["fillAndSave"]);
    // An appointment that never reaches the server (Outlook offline) is reported once the waits are over.
    const { calendar: offline } = await setUp();
    await appointmentForm(offline, [], null).fillAndSave(form(), undefined);
    await expect(completeSavedAppointment(offline, "saved-1", { caseRef: "104233" as CaseRef, eventKind: "lac-review 2", online: false }, undefined, [1, 1])).rejects.toThrow(
      "but it is not yet private, tagged with the case, and nobody is invited (Outlook has not yet saved it to Microsoft 365).",
    );
    expect(offline.calls).toEqual(["bookingsBetween", "completeBooking", "completeBooking", "completeBooking"]);
  });
});

const form = () => ({ subject: "s", start: at("2026-04-20", 600), end: at("2026-04-20", 690), location: "", bodyHtml: "", caseRef: "104233", eventKind: "lac-review 2" });

describe("who sees whom in an invitation", () => {
  it("with a carer or a partner invited, each person sees only themselves; with only staff, they see each other", async () => {
    const { calendar, choice, entry } = await setUp();
    const ports = { calendar, cases: new MemoryCaseStore(), appointment: null };
    const everyone = await bookReview(ports, choice(), DEFAULT_SETTINGS);
    expect(everyone).toMatchObject({ kind: "booked", hideAttendees: true });
    expect(calendar.hidden.get(calendar.bookings[0]!.id)).toBe(true);
    const staff = staffOf(entry);
    await bookReview(ports, choice({ attendees: staff, transactionId: "tx-staff" }), DEFAULT_SETTINGS);
    expect(calendar.hidden.get(calendar.bookings[1]!.id)).toBe(false);
    // A carer on a council address is still outside the council: the case names them as a contact.
    const inHouse = { address: "pat.carer@westmere.example", name: "Pat Carer", type: "required" as const };
    const withContact = { ...entry.stored, childCase: { ...entry.stored.childCase, contacts: [{ role: "carer" as const, name: "Pat Carer", email: inHouse.address }] } };
    await bookReview(ports, choice({ stored: withContact, attendees: [...staff, inHouse], transactionId: "tx-in-house" }), DEFAULT_SETTINGS);
    expect(calendar.hidden.get(calendar.bookings[2]!.id)).toBe(true);
  });

  it("a service may hide every list, or show them all", async () => {
    const { calendar, choice, entry } = await setUp();
    const ports = { calendar, cases: new MemoryCaseStore(), appointment: null };
    const staff = staffOf(entry);
    await bookReview(ports, choice({ attendees: staff }), { ...DEFAULT_SETTINGS, attendeeList: "hidden" });
    await bookReview(ports, choice({ transactionId: "tx-shown" }), { ...DEFAULT_SETTINGS, attendeeList: "shown" });
    expect(calendar.bookings.map((b) => calendar.hidden.get(b.id))).toEqual([true, false]);
  });

  it("moving a booking keeps the list hidden", async () => {
    const { calendar, cases, choice } = await setUp();
    const ports = { calendar, cases, appointment: null };
    await bookReview(ports, choice(), DEFAULT_SETTINGS);
    calendar.hidden.clear();
    const entry = (await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS)).entries[0]!;
    await bookReview(ports, choice({ existing: entry.booking, start: at("2026-04-22", 840), end: at("2026-04-22", 930), transactionId: "tx-2" }), DEFAULT_SETTINGS);
    expect(calendar.hidden.get(calendar.bookings[0]!.id)).toBe(true);
  });

  it("opened from an appointment with a carer invited: booked through Graph with the list hidden, the appointment not filled (no add-in can hide its list)", async () => {
    const { calendar, choice } = await setUp();
    const steps: string[] = [];
    const outcome = await bookReview({ calendar, cases: new MemoryCaseStore(), appointment: appointmentForm(calendar, steps) }, choice(), DEFAULT_SETTINGS);
    expect(outcome).toMatchObject({ kind: "booked", hideAttendees: true, insteadOfAppointment: true });
    expect(steps).toEqual([]);
    expect(calendar.bookings).toHaveLength(1);
  });
});

describe("cancelling a booking", () => {
  it("needs a reason, checked before anyone is told; the reason is kept on the case", async () => {
    const { calendar, cases, choice } = await setUp();
    const ports = { calendar, cases, appointment: null };
    await bookReview(ports, choice(), DEFAULT_SETTINGS);
    const entry = (await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS)).entries[0]!;
    const why = { reason: "", detail: "", by: chair.address, today };
    await expect(cancelReview({ calendar, cases }, entry.stored, entry.booking!, why)).rejects.toThrow(/Choose why the booking is cancelled/);
    await expect(cancelReview({ calendar, cases }, entry.stored, entry.booking!, { ...why, reason: "Other" })).rejects.toThrow(/Say why in the detail/);
    expect(calendar.calls).not.toContain("cancelBooking");
    await cancelReview({ calendar, cases }, entry.stored, entry.booking!, { ...why, reason: "Child unwell or unavailable", detail: "In hospital" });
    expect(calendar.bookings[0]!.cancelled).toBe(true);
    expect((await cases.readCase(entry.stored.id)).childCase.cancellations).toEqual([
      { event: "lac-review 2", bookedFor: "2026-04-20", reason: "Child unwell or unavailable", detail: "In hospital", recorded: today, by: chair.address },
    ]);
  });

  it("says so when the booking is cancelled but the reason cannot be kept", async () => {
    const { calendar, cases, choice } = await setUp();
    await bookReview({ calendar, cases, appointment: null }, choice(), DEFAULT_SETTINGS);
    const entry = (await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS)).entries[0]!;
    const failing = { ...cases, readCases: cases.readCases.bind(cases), readCase: cases.readCase.bind(cases), createCase: cases.createCase.bind(cases), updateCase: async () => { throw new BusyError(4); } };
    const error = await cancelReview({ calendar, cases: failing }, entry.stored, entry.booking!, { reason: "Booked in error", detail: "", by: chair.address, today }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledReasonNotKept);
    expect((error as Error).message).toMatch(/^The booking is cancelled and its attendees are told, but the reason could not be kept on the case: Microsoft 365 is busy/);
    expect(calendar.bookings[0]!.cancelled).toBe(true);
  });
});

/** The council staff a case proposes (social worker, team manager): an invitation whose list may be shown. */
const staffOf = (entry: { stored: Parameters<typeof proposedAttendees>[0] }) => proposedAttendees(entry.stored, chair.address).filter((a) => a.address.endsWith("@westmere.example"));

describe("the caseload and free times", () => {
  it("loads with one calendar call and one call per page of the register", async () => {
    const children = Array.from({ length: 450 }, (_, i) => lacChild(String(200000 + i), "2026-01-05", ["2026-01-29"]));
    const cases = new MemoryCaseStore(children, 200);
    const calendar = new MemoryCalendar();
    const pages: number[] = [];
    const caseload = await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS, (n) => pages.push(n));
    expect(caseload.entries).toHaveLength(450);
    expect(pages).toEqual([200, 400, 450]);
    expect(calendar.calls).toEqual(["bookingsBetween"]);
  });

  it("finds free times with a single free/busy call, capped at 60 days from the earliest date", async () => {
    const { calendar, entry, caseload } = await setUp();
    const finding = await findSlots(calendar, {
      chair: chair.address,
      attendees: proposedAttendees(entry.stored, chair.address),
      from: today,
      dueBy: "2026-09-30" as IsoDate,
      lengthMinutes: 90,
      maxReviewsPerDay: 3,
      reviewsOnDay: caseload.reviewsOnDay,
      calendar: workingCalendar("england"),
      today,
      now: instant(Date.parse("2026-03-02T08:00:00Z")),
      notice: DEFAULT_SETTINGS.minimumNotice,
      council,
    });
    expect(calendar.calls).toEqual(["bookingsBetween", "freeBusy"]);
    // A carer and a partner are invited: 5 working days' notice from Monday 02/03 is Monday 09/03.
    expect(finding).toMatchObject({ from: "2026-03-09", to: "2026-05-08", shortened: true });
    expect(finding.best).toHaveLength(5);
    expect(finding.best[0]!.people.find((p) => p.address === "pat@carers.example")?.availability).toBe("unknown");
  });
});

describe("minimum notice and the due-by date", () => {
  const request = (over: Partial<Parameters<typeof findSlots>[1]>) => ({
    chair: chair.address,
    attendees: [],
    from: today,
    dueBy: "2026-04-29" as IsoDate,
    lengthMinutes: 90,
    maxReviewsPerDay: 3,
    reviewsOnDay: () => 0,
    calendar: workingCalendar("england"),
    today,
    // Monday 02/03/2026 at 08:00: 10:00 today would be the top suggestion with no notice.
    now: instant(Date.parse("2026-03-02T08:00:00Z")),
    notice: DEFAULT_SETTINGS.minimumNotice,
    council,
    ...over,
  });

  it("with parents, carers or partners invited, nothing is offered before 5 working days' notice: Monday 09/03 on Monday 02/03", async () => {
    const { calendar, entry } = await setUp();
    const finding = await findSlots(calendar, request({ attendees: proposedAttendees(entry.stored, chair.address) }));
    expect(finding.slots[0]!.date).toBe("2026-03-09");
    expect(finding.best.every((s) => s.date >= "2026-03-09")).toBe(true);
    expect(new Date(finding.best[0]!.start).toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("staff only: 1 working day (Tuesday 03/03); a service setting changes both, 0 allows today", async () => {
    const { calendar, entry } = await setUp();
    const staff = proposedAttendees(entry.stored, chair.address).filter((a) => a.role === "social-worker" || a.role === "team-manager");
    expect(staff).toHaveLength(2);
    expect((await findSlots(calendar, request({ attendees: staff }))).slots[0]!.date).toBe("2026-03-03");
    const sameDay = await findSlots(calendar, request({ attendees: staff, notice: { familyOrPartners: workingDays(10), staffOnly: workingDays(0) } }));
    expect(new Date(sameDay.slots[0]!.start).toISOString()).toBe("2026-03-02T09:00:00.000Z");
    const family = await findSlots(calendar, request({ attendees: proposedAttendees(entry.stored, chair.address), notice: { familyOrPartners: workingDays(10), staffOnly: workingDays(0) } }));
    expect(family.from).toBe("2026-03-16");
  });

  it("a later earliest date is kept; an earlier one gives way to the notice", async () => {
    const { calendar } = await setUp();
    expect((await findSlots(calendar, request({ from: "2026-03-20" as IsoDate }))).from).toBe("2026-03-20");
    expect((await findSlots(calendar, request({ from: "2026-03-02" as IsoDate, attendees: [addedInvitee("kim@advocacy.example", council)] }))).from).toBe("2026-03-09");
  });

  it("due before the notice ends: two weeks of times, each marked after the due-by date", async () => {
    const { calendar, entry } = await setUp();
    const finding = await findSlots(calendar, request({ attendees: proposedAttendees(entry.stored, chair.address), dueBy: "2026-03-06" as IsoDate }));
    expect(finding).toMatchObject({ from: "2026-03-09", to: "2026-03-22", dueBy: "2026-03-06" });
    expect(finding.slots.length).toBeGreaterThan(0);
    expect(finding.slots.every((s) => s.afterDueBy)).toBe(true);
  });
});

describe("a service's own agenda", () => {
  it("replaces IRO Desk's in the invitation", async () => {
    const { calendar } = await setUp();
    const { entry } = await setUp();
    const form = appointmentForm(calendar, []);
    await bookReview(
      { calendar, cases: new MemoryCaseStore(), appointment: form },
      { stored: entry.stored, next: entry.next!, existing: null, start: at("2026-04-20", 600), end: at("2026-04-20", 690), attendees: [], online: true, location: "", lateReason: null, transactionId: "t", chair, bookedBy: chair.address, today },
      { ...DEFAULT_SETTINGS, agendas: { "lac-review": ["Our item one", "Our item two"] } },
    );
    expect(form.fields[0]!.bodyHtml).toContain("<ol><li>Our item one</li><li>Our item two</li></ol>");
  });
});
