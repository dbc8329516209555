import type { Instant } from "../domain/calendar/londonTime.js";
import type { OutgoingMail } from "./Mail.js";

/** Email that Exchange sends later, from the signed-in user's mailbox, with no server of ours. */
export interface ScheduledMail {
  /** Exchange sends `mail` at `at` (at once if that has passed); `tag` finds it again. */
  schedule(mail: OutgoingMail, at: Instant, tag: string, signal?: AbortSignal): Promise<void>;
  /** Removes the scheduled messages with this tag that have not gone yet; how many. */
  unschedule(tag: string, signal?: AbortSignal): Promise<number>;
}
