import { describe, expect, it } from "vitest";
import { assessChild } from "../../../src/domain/caseload/assessChild.js";
import type { ChildCase } from "../../../src/domain/caseload/childCase.js";
import { DEFAULT_AGENDAS } from "../../../src/domain/checklists/agendas.js";
import { applyRecord, newRecord, recordProblems } from "../../../src/domain/checklists/meetingRecord.js";
import { withMinutesSent } from "../../../src/domain/records/meetingRecords.js";
import { workingCalendar } from "../../../src/domain/calendar/workingCalendar.js";
import { lacChild } from "../../fixtures/children.js";
import { d, options } from "../timescales/testCases.js";

const england = workingCalendar("england");
const cpChild = (ref: string, plan: Partial<NonNullable<ChildCase["cp"]>>): ChildCase =>
  lacChild(ref, "2026-01-05", [], { lac: null, cp: { chair: "nadia.hussain@westmere.example", strategyDiscussions: [], icpc: null, category: null, reviews: [], ended: null, ...plan } });

describe("a child's tracks in the caseload", () => {
  it("placed for adoption: the adoption review is the child's next review, not the looked after one (AAR 2005 reg. 36)", () => {
    // In care from Mon 05/01/2026, reviewed Thu 29/01; placed for adoption Mon 02/03/2026: review 1 within 4 weeks, Mon 30/03.
    const child = lacChild("A1", "2026-01-05", ["2026-01-29"], { adoption: { placed: d("2026-03-02"), reviews: [], ended: null } });
    const a = assessChild(child, d("2026-03-03"), options);
    expect(a.next).toMatchObject({ track: "adoption", event: "adoption-review", number: 1, dueBy: "2026-03-30" });
    expect(a.lac?.next?.dueBy).toBe("2026-04-29"); // still worked out, for the history and figures
    // Review 1 held Fri 27/03: review 2 within 3 months, Sat 27/06/2026 (the day itself, a weekend: months are calendar months).
    const held = assessChild({ ...child, adoption: { ...child.adoption!, reviews: [{ held: d("2026-03-27") }] } }, d("2026-03-30"), options);
    expect(held.next).toMatchObject({ track: "adoption", number: 2, dueBy: "2026-06-27" });
    // An adoption order ends the placement (and the period of care): nothing more is due on either.
    const order = { ...child, lac: { ...child.lac!, ended: d("2026-06-01") }, adoption: { ...child.adoption!, reviews: [{ held: d("2026-03-27") }], ended: d("2026-06-01") } };
    expect(assessChild(order, d("2026-06-02"), options)).toMatchObject({ next: null, status: "closed" });
  });

  it("in secure accommodation: the secure review runs alongside the looked after reviews, whichever is sooner is next", () => {
    // Placed Fri 30/01/2026: the first review within a month (England, unconfirmed), Sat 28/02/2026; LAC review 2 is due 29/04.
    const child = lacChild("S1", "2026-01-05", ["2026-01-29"], { secure: { placed: d("2026-01-30"), reviews: [], ended: null } });
    const a = assessChild(child, d("2026-02-02"), options);
    expect(a.next).toMatchObject({ track: "secure", event: "secure-review", number: 1, dueBy: "2026-02-28" });
    expect(a.secure?.warnings[0]).toMatch(/^The England secure accommodation review timescales are not yet confirmed/);
    const after = assessChild({ ...child, secure: { ...child.secure!, reviews: [{ held: d("2026-02-27") }] } }, d("2026-03-02"), options);
    expect(after.next).toMatchObject({ track: "lac", event: "lac-review", number: 2, dueBy: "2026-04-29" });
  });

  it("a transfer-in, a pre-birth and an s.47 start each give the plan's first conference and its due-by date", () => {
    // Notice Thu 24/12/2026: 15 working days (Christmas, Boxing Day's substitute and New Year skipped) is Tue 19/01/2027.
    expect(assessChild(cpChild("T1", { transferIn: d("2026-12-24") }), d("2026-12-29"), options).next).toMatchObject({ track: "cp", event: "transfer-in-conference", dueBy: "2027-01-19" });
    // Discussion Mon 09/03/2026: the pre-birth conference by Mon 30/03.
    expect(assessChild(cpChild("P1", { strategyDiscussions: [d("2026-03-09")], preBirth: true }), d("2026-03-10"), options).next).toMatchObject({ event: "pre-birth-conference", dueBy: "2026-03-30" });
    // The discussion that initiated the s.47 enquiry (Mon 02/02/2026) is named: the ICPC by Mon 23/02, whatever day the enquiry's work began.
    expect(assessChild(cpChild("Q1", { strategyDiscussions: [d("2026-02-02"), d("2026-02-09")], s47Discussion: d("2026-02-02"), s47Start: d("2026-02-05") }), d("2026-02-10"), options).next).toMatchObject({ event: "icpc", dueBy: "2026-02-23" });
    // With no discussion named, the enquiry's start (Thu 05/02) anchors it: by Thu 26/02, though the first discussion was on the Monday.
    expect(assessChild(cpChild("Q2", { strategyDiscussions: [d("2026-02-02")], s47Start: d("2026-02-05") }), d("2026-02-10"), options).next).toMatchObject({ event: "icpc", dueBy: "2026-02-26" });
  });

  it("an initial conference's decisions and record are kept on the plan, whichever kind it was", () => {
    // Transfer-in conference Tue 19/01/2027: CP decisions within 1 working day, the record within 15.
    const child = cpChild("T2", { transferIn: d("2026-12-24"), icpc: d("2027-01-19") });
    expect(assessChild(child, d("2027-01-20"), options).minutesDue.map((m) => [m.kind, m.event, m.dueBy, m.late])).toEqual([
      ["decisions", "transfer-in-conference", "2027-01-20", false],
      ["record", "transfer-in-conference", "2027-02-09", false],
    ]);
    const sent = withMinutesSent(child, { track: "cp", held: d("2027-01-19") }, "decisions", d("2027-01-20"));
    expect(sent.cp!.icpcMinutes).toEqual({ decisionsSent: "2027-01-20" });
    expect(assessChild(sent, d("2027-01-20"), options).minutesDue.map((m) => m.kind)).toEqual(["record"]);
  });

  it("an adoption review's record goes on the placement: rated, with participation; a secure review needs its decisions", () => {
    const child = lacChild("A2", "2026-01-05", ["2026-01-29"], { dateOfBirth: d("2021-06-01"), adoption: { placed: d("2026-03-02"), reviews: [], ended: null } });
    const next = assessChild(child, d("2026-03-03"), options).next!;
    const blank = newRecord(child.ref, next, DEFAULT_AGENDAS[next.event]);
    expect(blank.items.map((i) => i.item)).toEqual(DEFAULT_AGENDAS["adoption-review"]);
    const done = { ...blank, meetingDate: d("2026-03-27"), items: blank.items.map((i) => ({ ...i, done: true })), rating: "green" as const, ratingReason: "Settled", participation: "PN1" as const, seenBeforeReview: true, decisions: ["Placement continues"] };
    expect(recordProblems({ ...done, participation: null }, child, d("2026-03-27"))).toEqual(["Record how the child took part (PN0–PN7)."]);
    const after = applyRecord(child, done, england);
    expect(after.adoption!.reviews).toEqual([{ held: "2026-03-27", participation: "PN1", seenBeforeReview: true, decisions: ["Placement continues"] }]);
    expect(after.lac!.reviews).toEqual(child.lac!.reviews);
    expect(assessChild(after, d("2026-03-30"), options).next).toMatchObject({ event: "adoption-review", number: 2 });

    const secure = lacChild("S2", "2026-01-05", [], { secure: { placed: d("2026-01-30"), reviews: [], ended: null } });
    const s = newRecord(secure.ref, { track: "secure", event: "secure-review", number: 1 }, DEFAULT_AGENDAS["secure-review"]);
    const sDone = { ...s, meetingDate: d("2026-02-27"), items: s.items.map((i) => ({ ...i, done: true })) };
    expect(recordProblems(sDone, secure, d("2026-02-27"))).toEqual(["Record at least one decision."]);
    expect(applyRecord(secure, { ...sDone, decisions: ["Criteria still met"] }, england).secure!.reviews).toEqual([{ held: "2026-02-27", decisions: ["Criteria still met"] }]);
  });
});
