import { describe, expect, it } from "vitest";
import { MemoryCalendar } from "../../src/adapters/memory/memoryCalendar.js";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { bookReview, LateReasonNeeded, proposedAttendees, type BookingChoice } from "../../src/app/bookReview.js";
import { findSlots } from "../../src/app/findSlots.js";
import { loadCaseload } from "../../src/app/loadCaseload.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { instant, londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../../src/domain/calendar/workingCalendar.js";
import type { AppointmentFields } from "../../src/ports/Host.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;
const chair = { address: "sam.okafor@westmere.example", name: "Sam Okafor" };
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
  it("proposes the social worker, team manager, carers and partners (partners optional), not the chair", async () => {
    const { entry } = await setUp();
    expect(proposedAttendees(entry.stored, chair.address)).toEqual([
      { address: "alfie.collins@westmere.example", name: "Alfie Collins", type: "required" },
      { address: "ivy.smith@westmere.example", name: "Ivy Smith", type: "required" },
      { address: "pat@carers.example", name: "Pat Carer (Westmere Fostering)", type: "required" },
      { address: "jo.marsh@partners.example", name: "Jo Marsh (Westmere Academy)", type: "optional" },
    ]);
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

  it("from an open appointment: fills it (subject, times, attendees, body) and books nothing through Graph", async () => {
    const { calendar, choice } = await setUp();
    const filled: AppointmentFields[] = [];
    const outcome = await bookReview({ calendar, cases: new MemoryCaseStore(), appointment: { fill: async (f) => void filled.push(f) } }, choice(), DEFAULT_SETTINGS);
    expect(outcome.kind).toBe("filled");
    expect(calendar.bookings).toHaveLength(0);
    expect(filled[0]).toMatchObject({ subject: "LAC review 2 – ref 104233", caseRef: "104233", eventKind: "lac-review 2", location: "Microsoft Teams meeting" });
    expect(filled[0]!.bodyHtml).toContain("<h3>Agenda</h3>");
  });
});

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
      now: instant(Date.parse("2026-03-02T08:00:00Z")),
    });
    expect(calendar.calls).toEqual(["bookingsBetween", "freeBusy"]);
    expect(finding).toMatchObject({ from: "2026-03-02", to: "2026-05-01", shortened: true });
    expect(finding.best).toHaveLength(5);
    expect(finding.best[0]!.people.find((p) => p.address === "pat@carers.example")?.availability).toBe("unknown");
  });
});

describe("a service's own agenda", () => {
  it("replaces IRO Desk's in the invitation", async () => {
    const { calendar } = await setUp();
    const filled: AppointmentFields[] = [];
    const { entry } = await setUp();
    await bookReview(
      { calendar, cases: new MemoryCaseStore(), appointment: { fill: async (f) => void filled.push(f) } },
      { stored: entry.stored, next: entry.next!, existing: null, start: at("2026-04-20", 600), end: at("2026-04-20", 690), attendees: [], online: true, location: "", lateReason: null, transactionId: "t", chair, bookedBy: chair.address, today },
      { ...DEFAULT_SETTINGS, agendas: { "lac-review": ["Our item one", "Our item two"] } },
    );
    expect(filled[0]!.bodyHtml).toContain("<ol><li>Our item one</li><li>Our item two</li></ol>");
  });
});
