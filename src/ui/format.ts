import { formatClock, instant, instantToLondon } from "../domain/calendar/londonTime.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import { ukDayAndDate, ukTimeRange } from "../domain/calendar/ukTimes.js";
import type { ChildStatus } from "../domain/caseload/assessChild.js";
import type { InviteeRole } from "../domain/scheduling/inviteeRole.js";
import type { Deletion } from "../ports/LocalCopy.js";

/** "Tue 10/03/2026": UK date with its weekday. */
export const dayAndDate = ukDayAndDate;

/** "Tue 10/03/2026, 10:00–11:30" in London time. */
export const timeRange = ukTimeRange;

/** Words, not colour alone, for every status (WCAG 1.4.1). */
export const STATUS_WORDS: Readonly<Record<ChildStatus, string>> = {
  overdue: "Overdue",
  "due-soon": "Due soon",
  "on-track": "On track",
  booked: "Booked",
  "booked-late": "Booked late",
  closed: "Closed",
  invalid: "Check data",
  unsupported: "No rules yet",
};

/** Most urgent first: the order of the caseload and the case picker. */
export const STATUS_ORDER: Readonly<Record<ChildStatus, number>> = { overdue: 0, "booked-late": 1, "due-soon": 2, "on-track": 3, booked: 4, invalid: 5, unsupported: 6, closed: 7 };

/**
 * Soonest due date first, none last. ISO dates order as strings: compared plainly, not with
 * localeCompare, whose first use loads the browser's collation tables (about 10 ms of a pane's
 * first content) to compare digits.
 */
export function byDueDate(a: string | null | undefined, b: string | null | undefined): number {
  return plainOrder(a ?? "9999-12-31", b ?? "9999-12-31");
}

/** Text in code-point order (dates, case references): the same order in every browser, without collation tables. */
export function plainOrder(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "40 working days left", "due today", "overdue by 3 working days". */
export function daysLeftWords(workingDaysLeft: number): string {
  if (workingDaysLeft < 0) return `overdue by ${-workingDaysLeft} working day${workingDaysLeft === -1 ? "" : "s"}`;
  if (workingDaysLeft === 0) return "due today";
  return `${workingDaysLeft} working day${workingDaysLeft === 1 ? "" : "s"} left`;
}

/** Who each invitee is, as the invitation list shows it. */
export const ROLE_WORDS: Readonly<Record<InviteeRole, string>> = {
  "social-worker": "Social worker",
  "team-manager": "Team manager",
  colleague: "Colleague",
  carer: "Carer",
  parent: "Parent",
  partner: "Partner",
  outside: "Outside the council",
};

/** "1 person", "6 people", "0 actions": a count with its noun in the right number. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What became of this device's copy of a caseload when the person signed out, as the browser reported it (never "deleted" while it is only queued). */
export function copyDeletionWords(deletion: Deletion): string {
  return deletion === "deleted"
    ? "The copy of your caseload that was kept here is deleted."
    : "The copy of your caseload that was kept here will be deleted as soon as IRO Desk's other windows on this device close (another window still has it open): close them to finish.";
}

/** "02/03/2026 at 08:15", London time: when what a pane shows was last checked with Microsoft 365. */
export function checkedWords(at: number): string {
  const london = instantToLondon(instant(at));
  return `${formatUkDate(london.date)} at ${formatClock(london.minutes)}`;
}

/** What a pane drawn from this device's glance says about it (and its kept picture, keptPicture.ts). */
export function glanceWords(checkedAt: number): string {
  return `Shown: your children as this device last had them, from ${checkedWords(checkedAt)}. Checking for changes…`;
}
