import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { workingCalendar } from "../../../src/domain/calendar/workingCalendar.js";
import { assessChild } from "../../../src/domain/caseload/assessChild.js";
import type { CaseRef } from "../../../src/domain/caseload/caseRef.js";
import { DEFAULT_AGENDAS } from "../../../src/domain/checklists/agendas.js";
import { applyRecord, newRecord, recordProblems, type MeetingRecord } from "../../../src/domain/checklists/meetingRecord.js";
import { recordedMeeting } from "../../../src/domain/checklists/recordedMeeting.js";
import { lacChild } from "../../fixtures/children.js";
import { options } from "../timescales/testCases.js";

const d = (s: string) => s as IsoDate;
const england = workingCalendar("england");
const agendaFor = (event: keyof typeof DEFAULT_AGENDAS) => DEFAULT_AGENDAS[event];
const child = lacChild("104233", "2026-01-05", ["2026-01-29"]);
const blank = newRecord("104233" as CaseRef, { track: "lac", event: "lac-review", number: 2 }, DEFAULT_AGENDAS["lac-review"]);
const complete: MeetingRecord = {
  ...blank,
  meetingDate: d("2026-04-20"),
  items: blank.items.map((i) => ({ ...i, done: true })),
  rating: "amber",
  ratingReason: "PEP overdue",
  participation: "PN1",
  seenBeforeReview: true,
  decisions: ["Placement continues"],
  actions: [{ action: "Update the PEP", owner: "Social worker", dueInWorkingDays: 10 }],
};

describe("the chair's record of a review", () => {
  it("a blank record lists every gap, one message each", () => {
    const problems = recordProblems(blank, child, d("2026-04-20"));
    expect(problems).toContain("Enter the date of the meeting.");
    expect(problems).toContain("Not covered yet: Health.");
    expect(problems.filter((p) => p.startsWith("Not covered yet"))).toHaveLength(10);
    expect(problems).toContain("Give the care plan a RAG rating.");
    expect(problems).toContain("Record how the child took part (PN0–PN7).");
    expect(problems).toContain("Say whether you saw or spoke to the child before the review.");
    expect(problems).toContain("Record at least one decision.");
  });

  it("a complete record has no gaps; the participation code must fit the child's age", () => {
    expect(recordProblems(complete, child, d("2026-04-20"))).toEqual([]);
    expect(recordProblems({ ...complete, participation: "PN0" }, child, d("2026-04-20"))).toEqual(["PN0 is only for children under 4: choose how the child took part."]);
    const baby = { ...child, dateOfBirth: d("2024-01-01") };
    expect(recordProblems(complete, baby, d("2026-04-20"))).toEqual(["The child is under 4: the participation code is PN0."]);
    // The fourth birthday itself (child born 20/04/2022): either code, as the DfE's validator and the import accept (rules 440, 441).
    const four = { ...child, dateOfBirth: d("2022-04-20") };
    expect(recordProblems(complete, four, d("2026-04-20"))).toEqual([]);
    expect(recordProblems({ ...complete, participation: "PN0" }, four, d("2026-04-20"))).toEqual([]);
    expect(recordProblems({ ...complete, participation: "PN0" }, { ...four, dateOfBirth: d("2022-04-19") }, d("2026-04-20"))).toEqual(["PN0 is only for children under 4: choose how the child took part."]);
    expect(recordProblems(complete, { ...four, dateOfBirth: d("2022-04-21") }, d("2026-04-20"))).toEqual(["The child is under 4: the participation code is PN0."]);
    expect(recordProblems({ ...complete, meetingDate: d("2026-04-21") }, child, d("2026-04-20"))[0]).toMatch(/after today/);
    expect(recordProblems({ ...complete, actions: [{ action: "", owner: "", dueInWorkingDays: 0 }] }, child, d("2026-04-20"))).toEqual(["Action 1 has no description.", "Action 1 has no owner.", "Action 1 needs a due date of 1 to 130 working days."]);
  });

  it("applying it records the review as held, the RAG with its response date, and moves the next due date", () => {
    const after = applyRecord(child, complete, england);
    expect(after.lac!.reviews.at(-1)).toEqual({ held: "2026-04-20", participation: "PN1", seenBeforeReview: true, decisions: ["Placement continues"] });
    expect(after.rag.at(-1)).toMatchObject({ date: "2026-04-20", rating: "amber", reason: "PEP overdue", respondBy: "2026-05-05" });
    expect(assessChild(after, d("2026-04-20"), options).next).toMatchObject({ event: "lac-review", number: 3, dueBy: "2026-10-20" });
    expect(applyRecord(after, complete, england).lac!.reviews).toHaveLength(2); // the same meeting twice is still one review
  });

  it("a CP review conference that ends the plan closes the CP episode; an ICPC sets the plan and category", () => {
    const cpChild = lacChild("2", "2025-01-06", [], { lac: null, cp: { chair: "x@y.z", strategyDiscussions: [d("2026-02-09")], icpc: null, category: null, reviews: [], ended: null } });
    const icpc = newRecord("2" as CaseRef, { track: "cp", event: "icpc", number: 1 }, DEFAULT_AGENDAS.icpc);
    expect(recordProblems({ ...icpc, meetingDate: d("2026-02-27"), items: icpc.items.map((i) => ({ ...i, done: true })), decisions: ["Plan"], planContinues: true }, cpChild, d("2026-03-02"))).toEqual(["Record the category of harm."]);
    const made = applyRecord(cpChild, { ...icpc, meetingDate: d("2026-02-27"), planContinues: true, category: "Neglect", decisions: ["Plan"] }, england);
    expect(made.cp).toMatchObject({ icpc: "2026-02-27", category: "Neglect", ended: null });
    const review = newRecord("2" as CaseRef, { track: "cp", event: "rcpc", number: 1 }, DEFAULT_AGENDAS.rcpc);
    const ended = applyRecord(made, { ...review, meetingDate: d("2026-05-20"), planContinues: false, decisions: ["Plan ends"] }, england);
    expect(ended.cp).toMatchObject({ reviews: [{ held: "2026-05-20" }], ended: "2026-05-20" });
    expect(assessChild(ended, d("2026-05-21"), options).status).toBe("closed");
  });
});

describe("the record a meeting saved", () => {
  const inMeeting: MeetingRecord = { ...complete, meetingId: "19:meeting_abc@thread.v2" };

  it("is read back from the case as the meeting recorded it: date, rating, actions, participation, decisions", () => {
    const after = applyRecord(child, inMeeting, england);
    expect(after.lac!.reviews.at(-1)).toEqual({ held: "2026-04-20", participation: "PN1", seenBeforeReview: true, meetingId: "19:meeting_abc@thread.v2", decisions: ["Placement continues"] });
    expect(recordedMeeting(after, "19:meeting_abc@thread.v2", england, agendaFor)).toEqual(inMeeting);
    expect(recordedMeeting(after, "19:another@thread.v2", england, agendaFor)).toBeNull();
    expect(recordedMeeting(child, "19:meeting_abc@thread.v2", england, agendaFor)).toBeNull();
  });

  it("keeps the chair's agenda notes with the review and reads them back against the agenda (a noted item since dropped from the agenda stays)", () => {
    const [first, second] = DEFAULT_AGENDAS["lac-review"];
    const noted = { ...inMeeting, items: inMeeting.items.map((i) => (i.item === first ? { ...i, note: "  Carer reports settled  " } : i.item === second ? { ...i, note: "   " } : i)) };
    const after = applyRecord(child, noted, england);
    expect(after.lac!.reviews.at(-1)!.notes).toEqual([{ item: first, note: "Carer reports settled" }]);
    const read = recordedMeeting(after, "19:meeting_abc@thread.v2", england, agendaFor)!;
    expect(read.items.find((i) => i.item === first)).toEqual({ item: first, done: true, note: "Carer reports settled" });
    expect(read.items.filter((i) => i.note)).toHaveLength(1);
    const shorter = recordedMeeting(after, "19:meeting_abc@thread.v2", england, () => [second!])!;
    expect(shorter.items).toEqual([{ item: second, done: true, note: "" }, { item: first, done: true, note: "Carer reports settled" }]);
    // An ICPC keeps its notes with its minutes; correcting it without notes removes them.
    const cpChild = lacChild("2", "2025-01-06", [], { lac: null, cp: { chair: "x@y.z", strategyDiscussions: [d("2026-02-09")], icpc: null, category: null, reviews: [], ended: null } });
    const icpc = { ...newRecord("2" as CaseRef, { track: "cp", event: "icpc", number: 1 }, ["Threshold"], "m-icpc"), meetingDate: d("2026-02-27"), planContinues: true, category: "Neglect", decisions: ["Plan made"] };
    const made = applyRecord(cpChild, { ...icpc, items: [{ item: "Threshold", done: true, note: "Met" }] }, england);
    expect(made.cp!.icpcMinutes).toEqual({ meetingId: "m-icpc", decisions: ["Plan made"], notes: [{ item: "Threshold", note: "Met" }] });
    expect(applyRecord(made, { ...icpc, items: [{ item: "Threshold", done: true, note: "" }] }, england).cp!.icpcMinutes).toEqual({ meetingId: "m-icpc", decisions: ["Plan made"] });
  });

  it("a correction replaces it, even to another date: one review, one RAG entry, and when its decisions went out is kept", () => {
    const sent = { ...applyRecord(child, inMeeting, england) };
    const marked = { ...sent, lac: { ...sent.lac!, reviews: sent.lac!.reviews.map((r) => (r.meetingId ? { ...r, decisionsSent: d("2026-04-21") } : r)) } };
    const corrected = applyRecord(marked, { ...inMeeting, meetingDate: d("2026-04-17"), rating: "green", ratingReason: "Plan on track", actions: [] }, england);
    expect(corrected.lac!.reviews).toHaveLength(2);
    expect(corrected.lac!.reviews.at(-1)).toMatchObject({ held: "2026-04-17", meetingId: "19:meeting_abc@thread.v2", decisionsSent: "2026-04-21" });
    expect(corrected.rag.filter((r) => r.date >= "2026-04-17")).toEqual([{ date: "2026-04-17", rating: "green", reason: "Plan on track", actions: [] }]);
    // A record from an earlier release carries no meeting: it never matches other reviews by a missing id.
    const legacy = applyRecord(child, { ...complete, meetingId: undefined as unknown as null }, england);
    expect(legacy.lac!.reviews.map((r) => r.held)).toEqual(["2026-01-29", "2026-04-20"]);
  });

  it("an ICPC and a review conference are found by their meeting; a correction that no longer ends the plan reopens it", () => {
    const cpChild = lacChild("2", "2025-01-06", [], { lac: null, cp: { chair: "x@y.z", strategyDiscussions: [d("2026-02-09")], icpc: null, category: null, reviews: [], ended: null } });
    const icpc = { ...newRecord("2" as CaseRef, { track: "cp", event: "icpc", number: 1 }, [], "m-icpc"), meetingDate: d("2026-02-27"), planContinues: true, category: "Neglect", decisions: ["Plan made"] };
    const made = applyRecord(cpChild, icpc, england);
    expect(recordedMeeting(made, "m-icpc", england, agendaFor)).toMatchObject({ event: "icpc", meetingDate: "2026-02-27", planContinues: true, category: "Neglect", decisions: ["Plan made"] });
    const review = { ...newRecord("2" as CaseRef, { track: "cp", event: "rcpc", number: 1 }, [], "m-rcpc"), meetingDate: d("2026-05-20"), planContinues: false, decisions: ["Plan ends"] };
    const ended = applyRecord(made, review, england);
    expect(recordedMeeting(ended, "m-rcpc", england, agendaFor)).toMatchObject({ event: "rcpc", number: 1, planContinues: false });
    const reopened = applyRecord(ended, { ...review, planContinues: true, category: "Neglect", decisions: ["Plan continues"] }, england);
    expect(reopened.cp).toMatchObject({ ended: null, reviews: [{ held: "2026-05-20", meetingId: "m-rcpc", decisions: ["Plan continues"] }] });
  });
});
