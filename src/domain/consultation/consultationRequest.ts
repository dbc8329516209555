import type { IsoDate } from "../calendar/isoDate.js";
import type { Instant } from "../calendar/londonTime.js";
import { subtractWorkingDays } from "../calendar/subtractWorkingDays.js";
import { workingDays, type WorkingCalendar } from "../calendar/workingCalendar.js";

/**
 * The consultation request for a meeting (forms for the child, parents and carers): the Children
 * Act 1989 s.26(2)(d) requires their views to be sought before a review. Kept on the case so the
 * caseload and colleagues see when it goes, or went.
 */
export interface ConsultationRequest {
  /** e.g. "lac-review 3". */
  readonly eventKind: string;
  readonly meetingStart: Instant;
  readonly sendOn: IsoDate;
  readonly to: readonly { readonly address: string; readonly name: string }[];
  /** Scheduled in Exchange to go on sendOn, or sent at once because that day had come. */
  readonly how: "scheduled" | "sent";
  readonly recorded: IsoDate;
  readonly by: string;
}

/**
 * The day the consultation request goes: `leadWorkingDays` working days before the meeting (a
 * service setting, default 10), or today when that day has already come. A review on Fri
 * 17/04/2026 with 10 working days' lead has its request go on Wed 01/04 (Good Friday and Easter
 * Monday skipped); booked on 08/04 for that review, it goes at once.
 */
export function consultationSendDay(calendar: WorkingCalendar, meetingDate: IsoDate, leadWorkingDays: number, today: IsoDate): { readonly sendOn: IsoDate; readonly now: boolean } {
  const sendOn = subtractWorkingDays(calendar, meetingDate, workingDays(leadWorkingDays));
  return sendOn <= today ? { sendOn: today, now: true } : { sendOn, now: false };
}

/** The consultation request kept for a meeting of the child's, if any (the latest recorded). */
export function consultationFor(requests: readonly ConsultationRequest[] | undefined, eventKind: string): ConsultationRequest | null {
  return [...(requests ?? [])].reverse().find((r) => r.eventKind === eventKind) ?? null;
}
