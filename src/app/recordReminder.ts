import type { IsoDate } from "../domain/calendar/isoDate.js";
import { ukDayAndDate } from "../domain/calendar/ukTimes.js";
import type { WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import { recordDeadlinesFor } from "../domain/caseload/assessChild.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { ChildTrack } from "../domain/caseload/childCase.js";
import { meetingRecords } from "../domain/records/meetingRecords.js";
import { recordReminderDay } from "../domain/reminders/recordReminderDay.js";
import { bookingSubject } from "../domain/templates/bookingInvite.js";
import { escapeHtml } from "../domain/templates/escapeHtml.js";
import type { StatutoryEvent } from "../domain/timescales/ruleSets.js";
import type { Reminders } from "../ports/Reminders.js";
import { timescaleOptions } from "./timescaleOptions.js";
import type { ServiceSettings } from "./serviceSettings.js";

export interface HeldMeeting {
  readonly ref: CaseRef;
  readonly track: ChildTrack;
  readonly event: StatutoryEvent;
  readonly number: number;
  readonly held: IsoDate;
}

/**
 * After a meeting, its full record's due-by date (the service's record deadline, in working days)
 * goes in the chair's own calendar with an Outlook reminder the working day before: the chair is
 * reminded without opening IRO Desk, and nobody else is told. Setting it again replaces it.
 */
export async function remindRecord(reminders: Reminders, meeting: HeldMeeting, settings: ServiceSettings, calendar: WorkingCalendar, today: IsoDate, signal?: AbortSignal): Promise<{ readonly dueBy: IsoDate; readonly remindOn: IsoDate }> {
  const dueBy = meetingRecords(meeting.held, {}, recordDeadlinesFor(meeting.track, timescaleOptions(settings)), calendar, today).find((r) => r.kind === "record")!.dueBy;
  const remindOn = recordReminderDay(calendar, meeting.held, dueBy);
  const eventKind = `${meeting.event} ${meeting.number}`;
  const what = bookingSubject(meeting.event, meeting.number, meeting.ref);
  await reminders.set(
    {
      caseRef: meeting.ref,
      kind: "record",
      eventKind,
      deadline: dueBy,
      remindOn,
      subject: `Full record due: ${what}`,
      bodyHtml: `<p>${escapeHtml(`The full record of ${what}, held on ${ukDayAndDate(meeting.held)}, is due by ${ukDayAndDate(dueBy)}. Mark it sent in IRO Desk's caseload when it has gone; this reminder is then removed.`)}</p>`,
    },
    signal,
  );
  return { dueBy, remindOn };
}

/** The record has gone: its reminder leaves the chair's calendar. */
export function clearRecordReminder(reminders: Reminders, ref: CaseRef, event: StatutoryEvent, number: number, signal?: AbortSignal): Promise<number> {
  return reminders.clear(ref, "record", `${event} ${number}`, signal);
}
