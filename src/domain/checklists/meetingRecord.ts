import type { IsoDate } from "../calendar/isoDate.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { WorkingCalendar } from "../calendar/workingCalendar.js";
import type { CaseRef } from "../caseload/caseRef.js";
import { CHILD_TRACKS, reviewsOf, withReviews, type AgendaNote, type ChildCase, type ChildTrack, type HeldReview, type ParticipationCode, type RagRating } from "../caseload/childCase.js";
import { participationAgeRule } from "../caseload/participationAge.js";
import { ragEntry, type AgreedAction } from "../rag/ragEntry.js";
import { ragProblems } from "../rag/ragProblems.js";
import { isInitialConference, type StatutoryEvent } from "../timescales/ruleSets.js";

export interface ChecklistItem {
  readonly item: string;
  readonly done: boolean;
  readonly note: string;
}

/** What the chair records in a review or conference: the checklist, the outcome, and what happens next. */
export interface MeetingRecord {
  readonly caseRef: CaseRef;
  readonly track: ChildTrack;
  readonly event: StatutoryEvent;
  readonly number: number;
  readonly meetingDate: IsoDate | null;
  readonly items: readonly ChecklistItem[];
  readonly rating: RagRating | null;
  readonly ratingReason: string;
  /** A looked after child's review (LAC or adoption): how the child took part (SSDA903 PN0–PN7) and whether the IRO saw them beforehand. */
  readonly participation: ParticipationCode | null;
  readonly seenBeforeReview: boolean | null;
  readonly decisions: readonly string[];
  readonly actions: readonly AgreedAction[];
  /** CP: the plan is made (ICPC) or continues (review) — or not, and then it ends. */
  readonly planContinues: boolean | null;
  readonly category: string | null;
  /** The Teams meeting it is recorded in, when it is; a meeting records at most one review. */
  readonly meetingId: string | null;
}

export const HARM_CATEGORIES = ["Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple"] as const;

/** A blank record for the child's next event, with the agenda as the checklist (its notes are saved with the record). */
export function newRecord(caseRef: CaseRef, next: { track: ChildTrack; event: StatutoryEvent; number: number }, agenda: readonly string[], meetingId: string | null = null): MeetingRecord {
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
    meetingId,
  };
}

/**
 * What is missing before the record can be finished, one message per gap (IRO Handbook ch. 3 for
 * reviews; Working Together for conferences). The participation code must fit the child's age
 * as the DfE's validator judges it (rules 440 and 441: either code on the fourth birthday).
 */
export function recordProblems(record: MeetingRecord, child: ChildCase, today: IsoDate): string[] {
  const problems: string[] = [];
  if (!record.meetingDate) problems.push("Enter the date of the meeting.");
  else if (record.meetingDate > today) problems.push(`The meeting date (${formatUkDate(record.meetingDate)}) is after today: finish the record once the meeting has happened.`);
  for (const i of record.items) if (!i.done) problems.push(`Not covered yet: ${i.item}.`);
  if (ratesCarePlan(record.track)) {
    if (!record.rating) problems.push("Give the care plan a RAG rating.");
    else {
      if (record.ratingReason.trim() === "") problems.push("Say why the care plan is rated " + record.rating + ".");
      // The same rule as a RAG email: Red and Amber carry agreed actions (each action's own gaps are named below).
      if (record.actions.length === 0) problems.push(...ragProblems(record.rating, record.ratingReason, []).filter((p) => p.field === "actions").map((p) => p.message));
    }
    if (!record.participation) problems.push("Record how the child took part (PN0–PN7).");
    else if (record.meetingDate) {
      const rule = participationAgeRule(record.participation, child.dateOfBirth, record.meetingDate);
      if (rule === "441") problems.push("The child is under 4: the participation code is PN0.");
      if (rule === "440") problems.push("PN0 is only for children under 4: choose how the child took part.");
    }
    if (record.seenBeforeReview === null) problems.push("Say whether you saw or spoke to the child before the review.");
  } else if (record.track === "cp") {
    if (record.planContinues === null) problems.push(isInitialConference(record.event) ? "Record the decision: is the child to be subject to a child protection plan?" : "Record the decision: does the child protection plan continue?");
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
 * on the meeting date, the participation and whether the child was seen, the decisions and the
 * meeting it was recorded in, the RAG rating with its actions; a plan not made or not continued
 * ends on the meeting date. Recording the same meeting again (a correction, or a finish repeated
 * after a lost answer) replaces it rather than adding it twice: the review from the same meeting,
 * or held the same day, and its RAG entry, go; when its decisions and full record went out stays.
 */
export function applyRecord(child: ChildCase, record: MeetingRecord, calendar: WorkingCalendar): ChildCase {
  const date = record.meetingDate!;
  const meetingId = record.meetingId || null; // a draft kept by an earlier release has none
  const sameMeeting = (r: HeldReview) => r.held === date || (meetingId !== null && r.meetingId === meetingId);
  const notes = notesOf(record);
  const link = { ...(meetingId ? { meetingId } : {}), ...(decisionsOf(record).length > 0 ? { decisions: decisionsOf(record) } : {}), ...(notes.length > 0 ? { notes } : {}) };
  const held = (before: HeldReview | undefined): HeldReview => ({
    ...(before?.decisionsSent ? { decisionsSent: before.decisionsSent } : {}),
    ...(before?.recordSent ? { recordSent: before.recordSent } : {}),
    ...(before?.lateReason ? { lateReason: before.lateReason } : {}),
    held: date,
    ...(record.participation ? { participation: record.participation } : {}),
    ...(record.seenBeforeReview !== null ? { seenBeforeReview: record.seenBeforeReview } : {}),
    ...link,
  });
  const withHeld = (reviews: readonly HeldReview[]) => [...reviews.filter((r) => !sameMeeting(r)), held(reviews.find(sameMeeting))].sort((a, b) => (a.held < b.held ? -1 : 1));
  // The dates this meeting was recorded on before (a correction may move it): their RAG entries are replaced.
  const before = new Set([date, ...CHILD_TRACKS.flatMap((t) => reviewsOf(child, t)).filter(sameMeeting).map((r) => r.held), ...(meetingId && child.cp?.icpcMinutes?.meetingId === meetingId && child.cp.icpc ? [child.cp.icpc] : [])]);
  const rag = record.rating ? [...child.rag.filter((r) => !before.has(r.date)), ragEntry(calendar, date, record.rating, record.ratingReason.trim(), record.actions)] : child.rag;
  if (record.track !== "cp") return child[record.track] ? { ...withReviews(child, record.track, withHeld), rag } : child;
  if (child.cp) {
    const cp = child.cp;
    // A plan this meeting had ended is open again unless the record still ends it.
    const reopened = cp.ended !== null && before.has(cp.ended) ? null : cp.ended;
    const ended = record.planContinues === false ? date : reopened;
    const category = record.category ?? cp.category;
    if (isInitialConference(record.event)) {
      const { meetingId: _m, decisions: _d, notes: _n, ...sent } = cp.icpcMinutes ?? {};
      const minutes = { ...sent, ...link };
      const { icpcMinutes: _before, ...rest } = cp;
      return { ...child, cp: { ...rest, icpc: date, ...(Object.keys(minutes).length > 0 ? { icpcMinutes: minutes } : {}), ended, category }, rag };
    }
    return { ...child, cp: { ...cp, reviews: withHeld(cp.reviews), ended, category }, rag };
  }
  return child;
}

/**
 * The reviews where the IRO rates the care plan and records how the child took part: a looked after
 * child's, including a child placed for adoption (their reviews are looked after reviews in the
 * SSDA903 return). Conferences record the plan decision; a secure accommodation review its decisions.
 */
export function ratesCarePlan(track: ChildTrack): boolean {
  return track === "lac" || track === "adoption";
}

function decisionsOf(record: MeetingRecord): string[] {
  return record.decisions.map((d) => d.trim()).filter(Boolean);
}

/** The agenda notes the chair typed: part of the meeting's record, so they go to the case with it. */
function notesOf(record: MeetingRecord): AgendaNote[] {
  return record.items.filter((i) => i.note.trim() !== "").map((i) => ({ item: i.item, note: i.note.trim() }));
}
