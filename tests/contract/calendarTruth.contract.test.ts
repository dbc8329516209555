import { beforeAll, describe, expect, it } from "vitest";
import { sandboxTokens } from "../../src/adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../../src/adapters/graph/graphCalendar.js";
import { GraphConnection } from "../../src/adapters/graph/graphClient.js";
import { findSlots } from "../../src/app/findSlots.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { instant, instantToLondon, londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import { workingCalendar, workingDays } from "../../src/domain/calendar/workingCalendar.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import type { BookingRequest } from "../../src/ports/Calendar.js";
import { AuthError, UnreachableError } from "../../src/ports/errors.js";
import { IRO, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
let socialWorker: string;
beforeAll(() => {
  socialWorker = sandbox.store.users().find((u) => u.roles.includes("social-worker"))!.userPrincipalName;
});

const at = (date: string, minutes: number) => londonTimeToInstant(date as IsoDate, minutes);
const booking = (ref: string, transactionId: string, date: string): BookingRequest => ({
  caseRef: ref as CaseRef,
  eventKind: "lac-review 2",
  subject: `LAC review 2 – ref ${ref}`,
  start: at(date, 600),
  end: at(date, 690),
  attendees: [{ address: socialWorker, name: "Social worker", type: "required" }],
  bodyHtml: "<p>Agenda</p>",
  online: true,
  transactionId,
  hideAttendees: false,
});
const created = (transactionId: string) => sandbox.store.allEvents(sandbox.store.user(IRO)!.id).filter((e) => e.transactionId === transactionId);
const SLOW = { maxAttempts: 3, timeoutMs: 1_000, maxDelayMs: 1_000 };

describe("a booking is reported as what really happened", () => {
  for (const mode of ["original", "error"] as const) {
    it(`when every create hangs past the retries, it checks the calendar and reports the booking that landed (repeat answered with ${mode === "original" ? "the original event" : "400 ErrorDuplicateTransactionId"})`, async () => {
      sandbox.behaviour.duplicateTransactionId = mode;
      sandbox.faults.set([{ kind: "hang", count: 99, method: "POST", pathContains: "/me/events", hangMs: 4_000 }]);
      try {
        const calendar = new GraphCalendar(sandbox.graph(IRO, SLOW));
        const made = await calendar.createBooking(booking(mode === "original" ? "100101" : "100102", `tx-hang-${mode}`, "2026-03-16"));
        expect(made).toMatchObject({ caseRef: mode === "original" ? "100101" : "100102", eventKind: "lac-review 2", cancelled: false });
        expect(created(`tx-hang-${mode}`).map((e) => e.id)).toEqual([made.id]);
      } finally {
        sandbox.faults.set([]);
        sandbox.behaviour.duplicateTransactionId = "original";
      }
    }, 30_000);

    it(`a repeated create with the same transactionId is "already booked", and gives the existing event (${mode})`, async () => {
      sandbox.behaviour.duplicateTransactionId = mode;
      try {
        const calendar = new GraphCalendar(sandbox.graph(IRO));
        const request = booking(mode === "original" ? "100103" : "100104", `tx-again-${mode}`, "2026-03-17");
        const first = await calendar.createBooking(request);
        if (mode === "error") {
          const raw = await sandbox.raw(IRO, "POST", "/me/events", { subject: "again", start: { dateTime: "2026-03-17T10:00:00", timeZone: "UTC" }, end: { dateTime: "2026-03-17T11:00:00", timeZone: "UTC" }, transactionId: request.transactionId });
          expect(raw.status).toBe(400);
          expect(raw.body.error.code).toBe("ErrorDuplicateTransactionId");
        }
        const again = await calendar.createBooking(request);
        expect(again.id).toBe(first.id);
        expect(again.caseRef).toBe(request.caseRef);
        expect(created(request.transactionId)).toHaveLength(1);
      } finally {
        sandbox.behaviour.duplicateTransactionId = "original";
      }
    });
  }

  it("when the create never landed, the failure stands and says what to do", async () => {
    sandbox.faults.set([{ kind: "503", share: 1, method: "POST", pathContains: "/me/events", retryAfterSeconds: 0 }]);
    try {
      const calendar = new GraphCalendar(sandbox.graph(IRO, SLOW));
      await expect(calendar.createBooking(booking("100105", "tx-never", "2026-03-18"))).rejects.toThrow(/Microsoft 365 is busy and did not answer after 3 tries/);
      expect(created("tx-never")).toEqual([]);
    } finally {
      sandbox.faults.set([]);
    }
  });

  it("attendees' copies may arrive late: the booking is in the chair's calendar at once, the social worker's copy and free/busy follow", async () => {
    sandbox.behaviour.attendeeCopyDelayMs = 1_500;
    try {
      const calendar = new GraphCalendar(sandbox.graph(IRO));
      const made = await calendar.createBooking(booking("100106", "tx-late", "2026-03-19"));
      expect((await calendar.bookingsForCase("100106" as CaseRef)).map((b) => b.id)).toEqual([made.id]);
      const theirs = async () => (await sandbox.raw(socialWorker, "GET", "/me/calendarView?startDateTime=2026-03-19T00:00:00Z&endDateTime=2026-03-20T00:00:00Z&$top=100")).body.value.filter((e: { subject: string }) => e.subject.endsWith("ref 100106"));
      const busy = async () => (await new GraphCalendar(sandbox.graph(IRO)).freeBusy([socialWorker], at("2026-03-19", 600), at("2026-03-19", 690)))[0]!;
      expect(await theirs()).toEqual([]);
      expect(await busy()).toMatchObject({ known: true, items: [] });
      // Moved before the copy arrived: it arrives at the new time.
      await calendar.updateBooking(made.id, { start: at("2026-03-19", 660), end: at("2026-03-19", 750) });
      await new Promise((r) => setTimeout(r, 1_600));
      const arrived = await theirs();
      expect(arrived).toHaveLength(1);
      expect(arrived[0].start.dateTime).toBe("2026-03-19T11:00:00.0000000");
    } finally {
      sandbox.behaviour.attendeeCopyDelayMs = 0;
    }
  });

  it("an unreachable Microsoft 365 (here the sandbox, stopped) is said in words, never 'fetch failed' or 'sign-in expired'", async () => {
    const calendar = new GraphCalendar(new GraphConnection({ baseUrl: "http://127.0.0.1:9/graph", tokens: { getToken: async () => "t" }, retry: { maxAttempts: 1, timeoutMs: 1_000, maxDelayMs: 0 } }));
    const error = await calendar.bookingsForCase("1" as CaseRef).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toBe("The IRO Desk sandbox at 127.0.0.1:9 could not be reached: is it running (npm start)? Trying again once it is back is safe.");
    const create = await calendar.createBooking(booking("100107", "tx-down", "2026-03-20")).catch((e: unknown) => e);
    expect((create as Error).message).toMatch(/could not be reached/);
    // As the extension signs in to a sandbox that is not running: not "sign-in expired".
    const signedIn = new GraphCalendar(new GraphConnection({ baseUrl: "http://127.0.0.1:9/graph", tokens: sandboxTokens("http://127.0.0.1:9", IRO), retry: { maxAttempts: 1, timeoutMs: 1_000, maxDelayMs: 0 } }));
    const tokenError = await signedIn.bookingsForCase("1" as CaseRef).catch((e: unknown) => e);
    expect(tokenError).toBeInstanceOf(UnreachableError);
    expect((tokenError as Error).message).toBe("The IRO Desk sandbox at http://127.0.0.1:9 could not be reached: is it running (npm start)? Trying again once it is back is safe.");
    // In a tenant, MSAL with no network (its no_network_connectivity) is not a sign-in problem either; a refused sign-in is.
    const offline = Object.assign(new Error("No network connectivity."), { errorCode: "no_network_connectivity" });
    const msalOffline = new GraphCalendar(new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: { getToken: () => Promise.reject(offline) }, retry: SLOW }));
    await expect(msalOffline.bookingsForCase("1" as CaseRef)).rejects.toThrow("Microsoft's sign-in service could not be reached: check this computer's connection, then try again.");
    const refused = new GraphCalendar(new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: { getToken: () => Promise.reject(Object.assign(new Error("consent"), { errorCode: "interaction_required" })) }, retry: SLOW }));
    await expect(refused.bookingsForCase("1" as CaseRef)).rejects.toBeInstanceOf(AuthError);
  }, 30_000);
});

describe("working hours come back in the mailbox's own time zone", () => {
  it("an IRO whose mailbox is on UTC works 09:00–17:00 UTC: 09:00 London before the clock change, 10:00 after", async () => {
    const sam = sandbox.store.user(IRO)!;
    sandbox.store.putUser({ ...sam, workingHours: { ...sam.workingHours, timeZone: "UTC" } });
    try {
      const schedule = await sandbox.raw(IRO, "POST", "/me/calendar/getSchedule", { schedules: [IRO], startTime: { dateTime: "2026-03-26T00:00:00", timeZone: "UTC" }, endTime: { dateTime: "2026-04-01T00:00:00", timeZone: "UTC" } }, { Prefer: 'outlook.timezone="Pacific Standard Time"' });
      expect(schedule.body.value[0].workingHours).toMatchObject({ startTime: "09:00:00.0000000", endTime: "17:00:00.0000000", timeZone: { name: "UTC" } });
      const calendar = new GraphCalendar(sandbox.graph(IRO));
      const [mine] = await calendar.freeBusy([IRO], at("2026-03-26", 0), at("2026-04-01", 0));
      expect(mine).toMatchObject({ known: true, workingHours: { start: 540, end: 1020, timeZone: "UTC" } });
      const found = await findSlots(calendar, { chair: IRO, attendees: [], from: "2026-03-26" as IsoDate, dueBy: "2026-03-31" as IsoDate, lengthMinutes: 90, maxReviewsPerDay: 10, reviewsOnDay: () => 0, calendar: workingCalendar("england"), today: "2026-03-26" as IsoDate, now: instant(0), notice: { familyOrPartners: workingDays(0), staffOnly: workingDays(0) }, council: { domains: ["westmere.example"], caseContacts: [] } });
      const dayBounds = new Map<string, [number, number]>();
      for (const slot of found.slots.filter((s) => !s.afterDueBy)) {
        const { date, minutes } = instantToLondon(slot.start);
        const [first, last] = dayBounds.get(date) ?? [Infinity, -Infinity];
        dayBounds.set(date, [Math.min(first, minutes), Math.max(last, minutes + 90)]);
      }
      expect(Object.fromEntries(dayBounds)).toEqual({ "2026-03-26": [540, 1020], "2026-03-27": [540, 1020], "2026-03-30": [600, 1080], "2026-03-31": [600, 1080] });
    } finally {
      sandbox.store.putUser(sam);
    }
  });
});
