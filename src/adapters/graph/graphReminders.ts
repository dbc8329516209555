import { instantToLondon } from "../../domain/calendar/londonTime.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import { reminderSlot } from "../../domain/reminders/reminderSlot.js";
import { reminderTag } from "../../app/eventTags.js";
import { NotFoundError } from "../../ports/errors.js";
import type { Reminder, ReminderKind, ReminderRequest, Reminders } from "../../ports/Reminders.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { createOnce } from "./graphCalendar.js";
import { caseEvents, fromUtc, madeBy, toBooking } from "./graphEvents.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY } from "./extendedProperties.js";

/**
 * Reminders as short entries in the signed-in user's own calendar (Calendars.ReadWrite: no new
 * permission, unlike a To Do task's Tasks.ReadWrite), shown as free so nobody's free/busy changes,
 * with Outlook's reminder (isReminderOn, reminderMinutesBeforeStart) firing on the day to remind.
 * They carry the case reference, so the caseload's one calendar read finds them.
 */
export class GraphReminders implements Reminders {
  constructor(private readonly graph: GraphConnection) {}

  async set(request: ReminderRequest, signal?: AbortSignal): Promise<Reminder> {
    await this.clear(request.caseRef, request.kind, request.eventKind, signal);
    const slot = reminderSlot(request.deadline, request.remindOn);
    // One id per reminder made: a retried create after a lost answer is not made twice.
    const transactionId = crypto.randomUUID();
    const event = await createOnce(
      this.graph,
      `The reminder "${request.subject}"`,
      {
        subject: request.subject,
        bodyHtml: request.bodyHtml,
        start: slot.start,
        end: slot.end,
        showAs: "free",
        sensitivity: "private",
        isReminderOn: true,
        reminderMinutesBeforeStart: slot.minutesBefore,
        transactionId,
        singleValueExtendedProperties: [
          { id: CASE_REF_PROPERTY, value: request.caseRef },
          { id: EVENT_KIND_PROPERTY, value: reminderTag(request.kind, request.eventKind) },
        ],
      },
      () => madeBy(this.graph, request.caseRef, transactionId, signal),
      "this reminder",
      signal,
    );
    return { id: event.id, caseRef: request.caseRef, kind: request.kind, eventKind: request.eventKind, deadline: instantToLondon(fromUtc(event.start.dateTime)).date };
  }

  async clear(caseRef: CaseRef, kind: ReminderKind, eventKind: string, signal?: AbortSignal): Promise<number> {
    const tag = reminderTag(kind, eventKind);
    const matching = (await caseEvents(this.graph, caseRef, signal)).filter((e) => toBooking(e).eventKind === tag);
    for (const e of matching) {
      try {
        await graphCall("The reminder", true, (call) => this.graph.api(`/me/events/${encodeURIComponent(e.id)}`).middlewareOptions([call]).option("signal", signal).delete() as Promise<void>);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return matching.length;
  }
}
