import type { CaseRef } from "../../domain/caseload/caseRef.js";
import type { Reminder, ReminderKind, ReminderRequest, Reminders } from "../../ports/Reminders.js";

/** The Reminders port in memory: the reminders set, with the day each fires, for tests to read. */
export class MemoryReminders implements Reminders {
  readonly reminders: (Reminder & { readonly remindOn: ReminderRequest["remindOn"]; readonly subject: string })[] = [];
  readonly calls: string[] = [];

  async set(request: ReminderRequest): Promise<Reminder> {
    this.calls.push("set");
    await this.clear(request.caseRef, request.kind, request.eventKind);
    const reminder = { id: `reminder-${this.reminders.length + 1}`, caseRef: request.caseRef, kind: request.kind, eventKind: request.eventKind, deadline: request.deadline, remindOn: request.remindOn, subject: request.subject };
    this.reminders.push(reminder);
    return reminder;
  }

  async clear(caseRef: CaseRef, kind: ReminderKind, eventKind: string): Promise<number> {
    this.calls.push("clear");
    const before = this.reminders.length;
    for (let i = this.reminders.length - 1; i >= 0; i--) {
      const r = this.reminders[i]!;
      if (r.caseRef === caseRef && r.kind === kind && r.eventKind === eventKind) this.reminders.splice(i, 1);
    }
    return before - this.reminders.length;
  }
}
