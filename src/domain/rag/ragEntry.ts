import { addWorkingDays } from "../calendar/addWorkingDays.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";
import type { RagEntry, RagRating } from "../caseload/childCase.js";

export interface AgreedAction {
  readonly action: string;
  readonly owner: string;
  readonly dueInWorkingDays: number;
}

/**
 * The RAG entry kept in a child's history: the rating and reason, the agreed actions with their
 * due dates, and for Red and Amber the date the management response is due (the last action's).
 * ragEntry(england, "2026-03-02", "amber", "PEP overdue", [{ …, dueInWorkingDays: 5 }]).respondBy = "2026-03-09".
 */
export function ragEntry(calendar: WorkingCalendar, on: IsoDate, rating: RagRating, reason: string, actions: readonly AgreedAction[]): RagEntry {
  const due = (days: number) => addWorkingDays(calendar, on, workingDays(days));
  return {
    date: on,
    rating,
    reason,
    ...(rating !== "green" && actions.length > 0 ? { respondBy: due(Math.max(...actions.map((a) => a.dueInWorkingDays))) } : {}),
    actions: actions.map((a) => ({ action: a.action, owner: a.owner, due: due(a.dueInWorkingDays) })),
  };
}
