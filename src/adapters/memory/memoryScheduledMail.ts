import type { Instant } from "../../domain/calendar/londonTime.js";
import type { OutgoingMail } from "../../ports/Mail.js";
import type { ScheduledMail } from "../../ports/ScheduledMail.js";

/** The ScheduledMail port in memory: what is waiting to go, and when, for tests to read. */
export class MemoryScheduledMail implements ScheduledMail {
  readonly waiting: { readonly mail: OutgoingMail; readonly at: Instant; readonly tag: string }[] = [];

  async schedule(mail: OutgoingMail, at: Instant, tag: string): Promise<void> {
    this.waiting.push({ mail, at, tag });
  }

  async unschedule(tag: string): Promise<number> {
    const before = this.waiting.length;
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.tag === tag) this.waiting.splice(i, 1);
    return before - this.waiting.length;
  }
}
