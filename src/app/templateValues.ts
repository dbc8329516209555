import { addWorkingDays } from "../domain/calendar/addWorkingDays.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import { workingDays, type WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import type { ChildNext } from "../domain/caseload/assessChild.js";
import type { ChildCase, RagEntry, RagRating } from "../domain/caseload/childCase.js";
import { ragEntry } from "../domain/rag/ragEntry.js";
import { disputeClock, type Dispute, type LadderStage } from "../domain/disputes/dispute.js";
import { RAG_MEANINGS } from "../domain/rag/ragMeanings.js";
import type { TemplateValues } from "../domain/templates/emailTemplate.js";
import { meetingName } from "../domain/timescales/ruleSets.js";
import { nameFromAddress } from "./bookReview.js";
import type { ServiceSettings } from "./serviceSettings.js";

export interface RagInput {
  readonly rating: RagRating;
  readonly concerns: string;
  readonly actions: readonly { readonly action: string; readonly owner: string; readonly dueInWorkingDays: number }[];
}

export interface ValuesContext {
  readonly child: ChildCase;
  readonly next: ChildNext | null;
  readonly me: { readonly name: string };
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly settings: ServiceSettings;
  readonly rag?: RagInput;
  readonly dispute?: { readonly dispute: Dispute; readonly ladder: readonly LadderStage[] };
  readonly meetingDate?: IsoDate;
}

/**
 * The values a template is filled with, from the case, the signed-in IRO and the timescale engine.
 * Deadlines are counted in the child's nation's working days.
 */
export function templateValues(ctx: ValuesContext): TemplateValues {
  const { child, calendar, today } = ctx;
  const due = (days: number) => addWorkingDays(calendar, today, workingDays(days));
  const held = [...(child.lac?.reviews ?? []), ...(child.cp?.reviews ?? [])].map((r) => r.held).sort();
  const actions = ctx.rag?.actions.map((a) => `${a.action} – ${a.owner}, by ${formatUkDate(due(a.dueInWorkingDays))}`) ?? [];
  const ragResponse = ctx.rag && ctx.rag.actions.length > 0 ? due(Math.max(...ctx.rag.actions.map((a) => a.dueInWorkingDays))) : null;
  const clock = ctx.dispute ? disputeClock(ctx.dispute.dispute, today, calendar, ctx.dispute.ladder) : null;
  const stage = ctx.dispute?.ladder[ctx.dispute.dispute.stage];
  return {
    caseRef: child.ref,
    ...(ctx.settings.showChildNames ? { childName: child.childName } : {}),
    iro: ctx.me.name,
    ...(child.socialWorker ? { socialWorker: nameFromAddress(child.socialWorker) } : {}),
    ...(child.teamManager ? { teamManager: nameFromAddress(child.teamManager) } : {}),
    today: formatUkDate(today),
    ...(held.length > 0 ? { lastReview: formatUkDate(held[held.length - 1]!) } : {}),
    ...(ctx.next ? { nextDue: `${meetingName(ctx.next.event, ctx.next.number)} is due by ${formatUkDate(ctx.next.dueBy)}` } : {}),
    ...(ctx.rag
      ? { rating: ctx.rag.rating.charAt(0).toUpperCase() + ctx.rag.rating.slice(1), ratingMeaning: RAG_MEANINGS[ctx.rag.rating], concerns: ctx.rag.concerns || "No specific concerns.", actions }
      : {}),
    ...(ragResponse ? { responseDue: formatUkDate(ragResponse) } : clock?.due ? { responseDue: formatUkDate(clock.due) } : {}),
    ...(ctx.dispute && stage
      ? { stageName: stage.name, stageNumber: String(ctx.dispute.dispute.stage + 1), disputeIssue: ctx.dispute.dispute.issue, disputeTheme: ctx.dispute.dispute.theme }
      : {}),
    ...(ctx.meetingDate ? { meetingDate: formatUkDate(ctx.meetingDate), decisionsDue: formatUkDate(addWorkingDays(calendar, ctx.meetingDate, workingDays(1))) } : {}),
    ...(ctx.settings.feedbackUrl ? { feedbackUrl: ctx.settings.feedbackUrl } : {}),
  };
}

/** The RAG entry a RAG email records on the case: the rating, the concerns, the actions and when the response is due. */
export function ragEntryFor(input: RagInput, today: IsoDate, calendar: WorkingCalendar): RagEntry {
  return ragEntry(calendar, today, input.rating, input.concerns, input.actions);
}
