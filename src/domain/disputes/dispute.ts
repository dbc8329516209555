import { ErrorForPeople } from "../errorForPeople.js";
import { addWorkingDays } from "../calendar/addWorkingDays.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";
import type { CaseRef } from "../caseload/caseRef.js";

/**
 * Who a stage's letter goes to: someone on the child's case (their social worker or team manager),
 * or a named person (a head of service, an assistant director, the DCS, Cafcass's local office),
 * whom the case does not name.
 */
export type LetterTo = { readonly role: "social-worker" | "team-manager" } | { readonly address: string; readonly name: string };

/** A step of the Dispute Resolution Protocol: who is asked, and how many working days they have to answer. */
export interface LadderStage {
  readonly name: string;
  /** null for the last resort (Cafcass), which has no response deadline of the council's. */
  readonly responseDays: number | null;
  /** Who the stage's letter goes to; absent until the service names them in its ladder. */
  readonly letterTo?: LetterTo;
}

/**
 * The ladder most councils use (IRO Handbook 2010, ch. 5; domain.md): informal resolution with the
 * social worker, then team manager, service manager, assistant director, Director of Children's
 * Services, and referral to Cafcass. A service replaces it in its settings.
 */
export const DEFAULT_LADDER: readonly LadderStage[] = [
  { name: "Informal resolution with the social worker", responseDays: 5, letterTo: { role: "social-worker" } },
  { name: "Team manager", responseDays: 5, letterTo: { role: "team-manager" } },
  { name: "Service manager / head of service", responseDays: 5 },
  { name: "Assistant director", responseDays: 5 },
  { name: "Director of Children's Services", responseDays: 5 },
  { name: "Referral to Cafcass", responseDays: null },
];

export const DISPUTE_THEMES = ["Contact", "Placement", "Permanence", "Education", "Health", "Care plan drift", "Other"] as const;

export interface DisputeEvent {
  readonly at: IsoDate;
  readonly by: string;
  readonly action: "raised" | "escalated" | "resolved";
  /** The stage the dispute is at after this event (0 is the first rung of the ladder). */
  readonly stage: number;
  readonly note?: string;
}

export interface Dispute {
  readonly id: string;
  readonly caseRef: CaseRef;
  readonly theme: string;
  readonly issue: string;
  readonly status: "open" | "resolved";
  readonly stage: number;
  /** Every change, oldest first: nothing is ever overwritten. */
  readonly history: readonly DisputeEvent[];
  readonly linkedMessage: { readonly internetMessageId: string; readonly webLink: string | null } | null;
}

export class DisputeRuleError extends ErrorForPeople {}

/**
 * A new dispute at the given rung (the IRO may start above informal resolution). The issue and the
 * theme are required: the service reports disputes by theme (domain.md), and a dispute with no
 * issue cannot be answered.
 */
export function raiseDispute(fields: { id: string; caseRef: CaseRef; theme: string; issue: string; by: string; on: IsoDate; stage?: number; linkedMessage?: Dispute["linkedMessage"] }, ladder: readonly LadderStage[] = DEFAULT_LADDER): Dispute {
  const stage = fields.stage ?? 0;
  if (!Number.isInteger(stage) || stage < 0 || stage >= ladder.length) throw new DisputeRuleError(`There is no stage ${stage + 1} on this ladder (it has ${ladder.length}).`);
  if (fields.issue.trim() === "") throw new DisputeRuleError("Say what the dispute is about.");
  if (fields.theme.trim() === "") throw new DisputeRuleError("Choose the dispute's theme: the service reports disputes by theme.");
  return {
    id: fields.id,
    caseRef: fields.caseRef,
    theme: fields.theme.trim(),
    issue: fields.issue.trim(),
    status: "open",
    stage,
    history: [{ at: fields.on, by: fields.by, action: "raised", stage }],
    linkedMessage: fields.linkedMessage ?? null,
  };
}

/**
 * Moves an open dispute up the ladder: to the next rung, or further (the IRO may skip stages).
 * Past the last rung, or on a resolved dispute, it is refused with the reason.
 */
export function escalate(d: Dispute, by: string, on: IsoDate, ladder: readonly LadderStage[] = DEFAULT_LADDER, toStage = d.stage + 1, note?: string): Dispute {
  if (d.status !== "open") throw new DisputeRuleError("This dispute is resolved; raise a new one if the issue has come back.");
  if (toStage <= d.stage) throw new DisputeRuleError(`It is already at stage ${d.stage + 1} (${ladder[d.stage]?.name}); escalation goes up the ladder.`);
  if (toStage >= ladder.length) throw new DisputeRuleError(`It is already at the last stage (${ladder[ladder.length - 1]?.name}): there is nowhere further to escalate.`);
  return { ...d, stage: toStage, history: [...d.history, { at: on, by, action: "escalated", stage: toStage, ...(note ? { note } : {}) }] };
}

/** Records the outcome; the stage it was resolved at is kept for the figures. */
export function resolve(d: Dispute, by: string, on: IsoDate, outcome: string): Dispute {
  if (d.status !== "open") throw new DisputeRuleError("This dispute is already resolved.");
  if (outcome.trim() === "") throw new DisputeRuleError("Record the outcome before resolving.");
  return { ...d, status: "resolved", history: [...d.history, { at: on, by, action: "resolved", stage: d.stage, note: outcome.trim() }] };
}

/** When the current stage's answer is due: its response days in working days from the day it reached that stage. */
export function responseDue(d: Dispute, calendar: WorkingCalendar, ladder: readonly LadderStage[] = DEFAULT_LADDER): IsoDate | null {
  const days = ladder[d.stage]?.responseDays;
  if (d.status !== "open" || days === null || days === undefined) return null;
  const since = [...d.history].reverse().find((e) => e.stage === d.stage && e.action !== "resolved")!.at;
  return addWorkingDays(calendar, since, workingDays(days));
}

/**
 * The address a stage's letter goes to for this child: the case's social worker or team manager
 * for a role, the named person otherwise; null when the ladder names no one for the stage or the
 * case has no one in that role. Never the sender of the email by default: a stage 3 letter to a
 * head of service must not open as a reply to the social worker.
 */
export function letterAddress(stage: LadderStage | undefined, child: { readonly socialWorker: string | null; readonly teamManager: string | null }): { readonly address: string; readonly name: string | null } | null {
  const to = stage?.letterTo;
  if (!to) return null;
  if ("address" in to) return { address: to.address, name: to.name };
  const address = to.role === "social-worker" ? child.socialWorker : child.teamManager;
  return address ? { address, name: null } : null;
}

/** "Response due by Mon 09/03/2026" words for a dispute's clock, overdue when today is after. */
export function disputeClock(d: Dispute, today: IsoDate, calendar: WorkingCalendar, ladder: readonly LadderStage[] = DEFAULT_LADDER): { due: IsoDate | null; overdue: boolean; words: string } {
  const due = responseDue(d, calendar, ladder);
  if (!due) return { due: null, overdue: false, words: d.status === "resolved" ? "Resolved" : "No response deadline at this stage" };
  return { due, overdue: today > due, words: `${today > due ? "Response overdue: it was due by" : "Response due by"} ${formatUkDate(due)}` };
}
