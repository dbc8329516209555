import { addCalendarMonths } from "../calendar/addCalendarMonths.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { WorkingCalendar } from "../calendar/workingCalendar.js";
import type { CaseRef } from "../caseload/caseRef.js";
import type { ChildCase, HeldReview, ParticipationCode, RagRating } from "../caseload/childCase.js";
import { ragEntry, type AgreedAction } from "../rag/ragEntry.js";
import { ragProblems } from "../rag/ragProblems.js";
import type { StatutoryEvent } from "../timescales/ruleSets.js";

export interface ChecklistItem {
  readonly item: string;
  readonly done: boolean;
  readonly note: string;
}

/** What the chair records in a review or conference: the checklist, the outcome, and what happens next. */
export interface MeetingRecord {
  readonly caseRef: CaseRef;
  readonly track: "lac" | "cp";
  readonly event: StatutoryEvent;
  readonly number: number;
  readonly meetingDate: IsoDate | null;
  readonly items: readonly ChecklistItem[];
  readonly rating: RagRating | null;
  readonly ratingReason: string;
  /** LAC: how the child took part (SSDA903 PN0–PN7) and whether the IRO saw them beforehand. */
  readonly participation: ParticipationCode | null;
  readonly seenBeforeReview: boolean | null;
  readonly decisions: readonly string[];
  readonly actions: readonly AgreedAction[];
  /** CP: the plan is made (ICPC) or continues (review) — or not, and then it ends. */
  readonly planContinues: boolean | null;
  readonly category: string | null;
}

export const HARM_CATEGORIES = ["Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple"] as const;

/** A blank record for the child's next event, with the agenda as the checklist. */
export function newRecord(caseRef: CaseRef, next: { track: "lac" | "cp"; event: StatutoryEvent; number: number }, agenda: readonly string[]): MeetingRecord {
  return {
    caseRef,
    track: next.track,
    event: next.event,
    number: next.number,
    meetingDate: null,
    items: agenda.map((item) => ({ item, done: false, note: "" })),
    rating: null,
    ratingReason: "",
    participation: null,
    seenBeforeReview: null,
    decisions: [],
    actions: [],
    planContinues: null,
    category: null,
  };
}

/**
 * What is missing before the record can be finished, one message per gap (IRO Handbook ch. 3 for
 * reviews; Working Together for conferences). The participation code must fit the child's age:
 * PN0 if and only if under 4 on the day (SSDA903 rule).
 */
export function recordProblems(record: MeetingRecord, child: ChildCase, today: IsoDate): string[] {
  const problems: string[] = [];
  if (!record.meetingDate) problems.push("Enter the date of the meeting.");
  else if (record.meetingDate > today) problems.push(`The meeting date (${formatUkDate(record.meetingDate)}) is after today: finish the record once the meeting has happened.`);
  for (const i of record.items) if (!i.done) problems.push(`Not covered yet: ${i.item}.`);
  if (record.track === "lac") {
    if (!record.rating) problems.push("Give the care plan a RAG rating.");
    else {
      if (record.ratingReason.trim() === "") problems.push("Say why the care plan is rated " + record.rating + ".");
      // The same rule as a RAG email: Red and Amber carry agreed actions (each action's own gaps are named below).
      if (record.actions.length === 0) problems.push(...ragProblems(record.rating, record.ratingReason, []).filter((p) => p.field === "actions").map((p) => p.message));
    }
    if (!record.participation) problems.push("Record how the child took part (PN0–PN7).");
    else if (record.meetingDate) {
      const under4 = addCalendarMonths(child.dateOfBirth, 48) > record.meetingDate;
      if (under4 && record.participation !== "PN0") problems.push("The child is under 4: the participation code is PN0.");
      if (!under4 && record.participation === "PN0") problems.push("PN0 is only for children under 4: choose how the child took part.");
    }
    if (record.seenBeforeReview === null) problems.push("Say whether you saw or spoke to the child before the review.");
  } else {
    if (record.planContinues === null) problems.push(record.event === "icpc" ? "Record the decision: is the child to be subject to a child protection plan?" : "Record the decision: does the child protection plan continue?");
    else if (record.planContinues && !record.category) problems.push("Record the category of harm.");
  }
  if (record.decisions.filter((d) => d.trim()).length === 0) problems.push("Record at least one decision.");
  record.actions.forEach((a, i) => {
    if (a.action.trim() === "") problems.push(`Action ${i + 1} has no description.`);
    if (a.owner.trim() === "") problems.push(`Action ${i + 1} has no owner.`);
    if (!Number.isInteger(a.dueInWorkingDays) || a.dueInWorkingDays < 1 || a.dueInWorkingDays > 130) problems.push(`Action ${i + 1} needs a due date of 1 to 130 working days.`);
  });
  return problems;
}

/**
 * The child's case with the meeting recorded: the review (or ICPC, or review conference) as held
 * on the meeting date, the participation and whether the child was seen, the RAG rating with its
 * actions; a plan not made or not continued ends on the meeting date. Recording the same meeting
 * again replaces it rather than adding it twice.
 */
export function applyRecord(child: ChildCase, record: MeetingRecord, calendar: WorkingCalendar): ChildCase {
  const date = record.meetingDate!;
  const held: HeldReview = {
    held: date,
    ...(record.participation ? { participation: record.participation } : {}),
    ...(record.seenBeforeReview !== null ? { seenBeforeReview: record.seenBeforeReview } : {}),
  };
  const withHeld = (reviews: readonly HeldReview[]) => [...reviews.filter((r) => r.held !== date), held].sort((a, b) => (a.held < b.held ? -1 : 1));
  const rag = record.rating ? [...child.rag.filter((r) => r.date !== date), ragEntry(calendar, date, record.rating, record.ratingReason.trim(), record.actions)] : child.rag;
  if (record.track === "lac" && child.lac) return { ...child, lac: { ...child.lac, reviews: withHeld(child.lac.reviews) }, rag };
  if (record.track === "cp" && child.cp) {
    const cp = child.cp;
    const ended = record.planContinues === false ? date : cp.ended;
    const category = record.category ?? cp.category;
    return record.event === "icpc" ? { ...child, cp: { ...cp, icpc: date, ended, category }, rag } : { ...child, cp: { ...cp, reviews: withHeld(cp.reviews), ended, category }, rag };
  }
  return child;
}
