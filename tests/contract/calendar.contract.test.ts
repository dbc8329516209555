import { beforeAll, describe, expect, it } from "vitest";
import { GraphCalendar } from "../../src/adapters/graph/graphCalendar.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY, OUTLOOK_CUSTOM_PROPERTIES } from "../../src/adapters/graph/extendedProperties.js";
import { instant, londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { AuthError, BusyError, NotFoundError } from "../../src/ports/errors.js";
import type { BookingRequest } from "../../src/ports/Calendar.js";
import { IRO, PARTNER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
let socialWorker: string;
beforeAll(() => {
  socialWorker = sandbox.store.users().find((u) => u.roles.includes("social-worker"))!.userPrincipalName;
});

const at = (date: string, hhmm: string) => londonTimeToInstant(date as IsoDate, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const booking = (ref: string, transactionId: string, date = "2026-03-10"): BookingRequest => ({
  caseRef: ref as CaseRef,
  eventKind: "lac-review 2",
  subject: `LAC review 2 – ref ${ref}`,
  start: at(date, "10:00"),
  end: at(date, "11:30"),
  attendees: [{ address: socialWorker, name: "Social worker", type: "required" }, { address: PARTNER, name: "Jo Marsh", type: "optional" }],
  bodyHtml: "<p>Agenda</p>",
  online: true,
  transactionId,
  hideAttendees: false,
});

describe("Calendar port against the sandbox (GraphCalendar)", () => {
  it("reads free/busy for staff, and says a partner outside the tenant is unknown, not free", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const [iro, partner] = await calendar.freeBusy([IRO, PARTNER], at("2026-03-02", "00:00"), at("2026-03-14", "00:00"));
    expect(iro?.known).toBe(true);
    if (iro?.known) {
      expect(iro.items.length).toBeGreaterThan(0);
      expect(iro.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: 540, end: 1020, timeZone: "Europe/London" });
      for (const item of iro.items) expect(item.end).toBeGreaterThan(item.start);
    }
    expect(partner).toMatchObject({ address: PARTNER, known: false });
  });

  it("books with the case reference, invites staff into their own calendars, and finds the booking by case", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const made = await calendar.createBooking(booking("100001", "tx-1"));
    expect(made.caseRef).toBe("100001");
    expect(made.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9]+%40thread\.v2\/0\?context=%7b%22Tid%22%3a%22[0-9a-f-]{36}%22%2c%22Oid%22%3a%22[0-9a-f-]{36}%22%7d$/);
    expect(new Date(made.start).toISOString()).toBe("2026-03-10T10:00:00.000Z");

    const found = await calendar.bookingsForCase("100001" as CaseRef);
    expect(found.map((b) => b.id)).toEqual([made.id]);
    expect(found[0]?.eventKind).toBe("lac-review 2");

    // The social worker has the meeting in their own calendar (tentative until they answer).
    const view = await sandbox.raw(socialWorker, "GET", `/me/calendarView?startDateTime=2026-03-10T00:00:00Z&endDateTime=2026-03-11T00:00:00Z&$top=50`);
    const copy = view.body.value.find((e: { subject: string }) => e.subject === "LAC review 2 – ref 100001");
    expect(copy).toMatchObject({ isOrganizer: false, showAs: "tentative", organizer: { emailAddress: { address: IRO } } });
  });

  it("an invitation that hides its attendee list: each attendee's copy lists only themselves, before and after a move", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const carer = { address: "pat.carer@carers.example", name: "Pat Carer", type: "required" as const };
    const made = await calendar.createBooking({ ...booking("100009", "tx-9"), attendees: [...booking("100009", "tx-9").attendees, carer], hideAttendees: true });
    const organizer = await sandbox.raw(IRO, "GET", `/me/events/${made.id}`);
    expect(organizer.body.hideAttendees).toBe(true);
    // The organizer's own event keeps everyone: the IRO sees who is invited.
    expect(organizer.body.attendees.map((a: { emailAddress: { address: string } }) => a.emailAddress.address)).toEqual([socialWorker, PARTNER, carer.address]);
    const copyOf = async () => {
      const view = await sandbox.raw(socialWorker, "GET", `/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-12T00:00:00Z&$top=50`);
      return view.body.value.find((e: { subject: string }) => e.subject === "LAC review 2 – ref 100009");
    };
    expect((await copyOf()).attendees.map((a: { emailAddress: { address: string } }) => a.emailAddress.address)).toEqual([socialWorker]);
    await calendar.updateBooking(made.id, { start: at("2026-03-11", "10:00"), end: at("2026-03-11", "11:30"), hideAttendees: true });
    const moved = await copyOf();
    expect(moved.start.dateTime).toMatch(/^2026-03-11T10:00:00/);
    expect(moved.attendees.map((a: { emailAddress: { address: string } }) => a.emailAddress.address)).toEqual([socialWorker]);
  });

  it("a throttled create is retried after Retry-After and books exactly once", async () => {
    sandbox.faults.set([{ kind: "429", count: 2, method: "POST", pathContains: "/me/events", retryAfterSeconds: 0 }]);
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    await calendar.createBooking(booking("100002", "tx-2"));
    expect(sandbox.faults.list()).toHaveLength(1);
    expect(await calendar.bookingsForCase("100002" as CaseRef)).toHaveLength(1);
    sandbox.faults.set([]);
  });

  it("a create whose answer never comes is retried with the same transactionId: still one booking", async () => {
    sandbox.faults.set([{ kind: "hang", count: 1, method: "POST", pathContains: "/me/events", hangMs: 8_000 }]);
    const calendar = new GraphCalendar(sandbox.graph(IRO, { maxAttempts: 3, timeoutMs: 1_500, maxDelayMs: 1_000 }));
    const made = await calendar.createBooking(booking("100003", "tx-3"));
    sandbox.faults.set([]);
    const found = await calendar.bookingsForCase("100003" as CaseRef);
    expect(found.map((b) => b.id)).toEqual([made.id]);
  });

  it("gives up with a clear 'busy' error when throttling does not stop", async () => {
    sandbox.faults.set([{ kind: "503", share: 1, pathContains: "getSchedule", retryAfterSeconds: 0 }]);
    const calendar = new GraphCalendar(sandbox.graph(IRO, { maxAttempts: 3, timeoutMs: 2_000, maxDelayMs: 1_000 }));
    const error = await calendar.freeBusy([IRO], at("2026-03-02", "00:00"), at("2026-03-03", "00:00")).catch((e: unknown) => e);
    sandbox.faults.set([]);
    expect(error).toBeInstanceOf(BusyError);
    expect((error as Error).message).toBe("Microsoft 365 is busy and did not answer after 3 tries. Nothing was saved twice; try again in a minute.");
  });

  it("repeats a cancel whose answer never came (a DELETE is safe to repeat)", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO, { maxAttempts: 3, timeoutMs: 1_500, maxDelayMs: 1_000 }));
    const made = await calendar.createBooking(booking("100004", "tx-4"));
    sandbox.faults.set([{ kind: "hang", count: 1, method: "DELETE", hangMs: 8_000 }]);
    await calendar.cancelBooking(made.id);
    sandbox.faults.set([]);
    expect(await calendar.bookingsForCase("100004" as CaseRef)).toEqual([]);
  });

  it("moves a booking and its attendees' copies together, and cancels them", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const made = await calendar.createBooking(booking("100005", "tx-5", "2026-03-11"));
    const moved = await calendar.updateBooking(made.id, { start: at("2026-03-12", "14:00"), end: at("2026-03-12", "15:30") });
    expect(new Date(moved.start).toISOString()).toBe("2026-03-12T14:00:00.000Z");
    expect(moved.caseRef).toBe("100005");
    const copies = sandbox.store.eventsByUid(sandbox.store.event(sandbox.store.user(IRO)!.id, made.id)!.iCalUId);
    expect(copies.map((c) => c.startMs)).toEqual(copies.map(() => Date.parse("2026-03-12T14:00:00Z")));
    await calendar.cancelBooking(made.id);
    const after = sandbox.store.eventsByUid(copies[0]!.iCalUId);
    expect(after.every((c) => c.data.isCancelled === true)).toBe(true);
    expect(await calendar.bookingsForCase("100005" as CaseRef)).toEqual([]);
  });

  it("lists exactly the IRO's tagged bookings in a window", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const all = await calendar.bookingsBetween(instant(Date.parse("2026-02-01T00:00:00Z")), instant(Date.parse("2026-05-01T00:00:00Z")));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((b) => b.caseRef !== null)).toBe(true);
    const raw = await sandbox.raw(IRO, "GET", `/me/calendarView?startDateTime=2026-02-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z&$expand=singleValueExtendedProperties($filter=id eq '${CASE_REF_PROPERTY}')&$top=1000`);
    const tagged = raw.body.value.filter((e: { singleValueExtendedProperties: unknown[] }) => e.singleValueExtendedProperties.length > 0);
    expect(all.length).toBe(tagged.length);
  });

  it("a booking filled into an appointment through Office.js (the case in the add-in's custom properties) counts as booked", async () => {
    const made = await sandbox.raw(IRO, "POST", "/me/events", {
      subject: "LAC review 4 – ref 100009",
      start: { dateTime: "2026-03-18T10:00:00", timeZone: "Europe/London" },
      end: { dateTime: "2026-03-18T11:30:00", timeZone: "Europe/London" },
      singleValueExtendedProperties: [{ id: OUTLOOK_CUSTOM_PROPERTIES, value: JSON.stringify({ caseRef: "100009", eventKind: "lac-review 4" }) }],
    });
    expect(made.status).toBe(201);
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const found = (await calendar.bookingsBetween(instant(Date.parse("2026-03-18T00:00:00Z")), instant(Date.parse("2026-03-19T00:00:00Z")))).find((b) => b.id === made.body.id);
    expect(found).toMatchObject({ caseRef: "100009", eventKind: "lac-review 4" });
  });

  it("completes an appointment Outlook saved as the sidebar books: private, not all-day, a Teams meeting, tagged, the add-in's own properties kept", async () => {
    const saved = await sandbox.raw(IRO, "POST", "/me/events", {
      subject: "LAC review 2 – ref 100010",
      start: { dateTime: "2026-03-19T10:00:00", timeZone: "Europe/London" },
      end: { dateTime: "2026-03-19T11:30:00", timeZone: "Europe/London" },
      singleValueExtendedProperties: [{ id: OUTLOOK_CUSTOM_PROPERTIES, value: JSON.stringify({ caseRef: "100010", eventKind: "lac-review 2" }) }],
    });
    expect(saved.body).toMatchObject({ sensitivity: "normal", isOnlineMeeting: false, onlineMeeting: null });
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const booking = await calendar.completeBooking(saved.body.id, { caseRef: "100010" as CaseRef, eventKind: "lac-review 2", online: true });
    expect(booking).toMatchObject({ id: saved.body.id, caseRef: "100010", eventKind: "lac-review 2", joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//) });
    const after = await sandbox.raw(IRO, "GET", `/me/events/${encodeURIComponent(saved.body.id)}?$expand=singleValueExtendedProperties`);
    expect(after.body).toMatchObject({ sensitivity: "private", isAllDay: false, isOnlineMeeting: true, onlineMeetingProvider: "teamsForBusiness" });
    expect(after.body.singleValueExtendedProperties.map((p: { id: string }) => p.id).sort()).toEqual([CASE_REF_PROPERTY, EVENT_KIND_PROPERTY, OUTLOOK_CUSTOM_PROPERTIES].sort());
    expect((await calendar.bookingsForCase("100010" as CaseRef)).map((b) => b.id)).toEqual([saved.body.id]);
    await expect(calendar.completeBooking("AAMk-not-saved-yet", { caseRef: "100010" as CaseRef, eventKind: "lac-review 2", online: false })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("without a valid token: Graph's 401, and the port says to sign in", async () => {
    const response = await fetch(`${sandbox.graphUrl}/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } });
    const bad = await fetch(`${sandbox.graphUrl}/me/events`, { headers: { Authorization: "Bearer nonsense" } });
    expect(bad.status).toBe(401);
    const calendar = new GraphCalendar(sandbox.graph("nobody@westmere.example"));
    await expect(calendar.bookingsForCase("1" as CaseRef)).rejects.toBeInstanceOf(AuthError);
  });
});
