import type { IsoDate } from "../calendar/isoDate.js";
import type { WorkingCalendar } from "../calendar/workingCalendar.js";
import { workingDaysBetween } from "../calendar/workingDaysBetween.js";
import { reviewsOf, type AgendaNote, type ChildCase, type ChildTrack, type HeldReview } from "../caseload/childCase.js";
import type { StatutoryEvent } from "../timescales/ruleSets.js";
import { initialConference } from "../timescales/timescaleCase.js";
import { ratesCarePlan, type ChecklistItem, type MeetingRecord } from "./meetingRecord.js";

/**
 * The review or conference a Teams meeting recorded on this child's case, read back from the case
 * as a record (to show it, and to correct it): when it was held, the RAG rating and actions of that
 * day, participation, whether the child was seen, the decisions, and for CP the plan and category.
 * The agenda is the meeting type's (every item was covered, or the record could not be finished),
 * with the notes the chair saved against its items; a noted item no longer on the agenda is kept.
 * Null when the meeting recorded nothing on this case.
 */
export function recordedMeeting(child: ChildCase, meetingId: string, calendar: WorkingCalendar, agendaFor: (event: StatutoryEvent) => readonly string[]): MeetingRecord | null {
  const found = (reviews: readonly HeldReview[] | undefined) => {
    const at = (reviews ?? []).findIndex((r) => r.meetingId === meetingId);
    return at < 0 ? null : { review: reviews![at]!, number: at + 1 };
  };
  const icpc = child.cp?.icpc && child.cp.icpcMinutes?.meetingId === meetingId ? { held: child.cp.icpc, decisions: child.cp.icpcMinutes.decisions, notes: child.cp.icpcMinutes.notes } : null;
  const as = (track: ChildTrack, event: StatutoryEvent, number: number, held: IsoDate, review: Partial<HeldReview>): MeetingRecord => {
    const rag = ratesCarePlan(track) ? child.rag.find((r) => r.date === held) : undefined;
    return {
      caseRef: child.ref,
      track,
      event,
      number,
      meetingDate: held,
      items: agendaWithNotes(agendaFor(event), review.notes ?? []),
      rating: rag?.rating ?? null,
      ratingReason: rag?.reason ?? "",
      participation: review.participation ?? null,
      seenBeforeReview: review.seenBeforeReview ?? null,
      decisions: [...(review.decisions ?? [])],
      actions: (rag?.actions ?? []).map((a) => ({ action: a.action, owner: a.owner, dueInWorkingDays: workingDaysBetween(calendar, held, a.due) })),
      planContinues: track === "cp" ? child.cp?.ended !== held : null,
      category: track === "cp" ? (child.cp?.category ?? null) : null,
      meetingId,
    };
  };
  const reviewEvent = { lac: "lac-review", adoption: "adoption-review", secure: "secure-review" } as const;
  for (const track of ["lac", "adoption", "secure"] as const) {
    const review = found(reviewsOf(child, track));
    if (review) return as(track, reviewEvent[track], review.number, review.review.held, review.review);
  }
  // The plan's initial conference: an ICPC, or the pre-birth or transfer-in conference the plan started at.
  if (icpc) return as("cp", initialConference(child.cp!), 1, icpc.held, { ...(icpc.decisions ? { decisions: icpc.decisions } : {}), ...(icpc.notes ? { notes: icpc.notes } : {}) });
  const rcpc = found(child.cp?.reviews);
  if (rcpc) return as("cp", "rcpc", rcpc.number, rcpc.review.held, rcpc.review);
  return null;
}

function agendaWithNotes(agenda: readonly string[], notes: readonly AgendaNote[]): ChecklistItem[] {
  const noteOn = new Map(notes.map((n) => [n.item, n.note]));
  const items = agenda.map((item) => ({ item, done: true, note: noteOn.get(item) ?? "" }));
  return [...items, ...notes.filter((n) => !agenda.includes(n.item)).map((n) => ({ item: n.item, done: true, note: n.note }))];
}
