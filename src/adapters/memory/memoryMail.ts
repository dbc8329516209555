import type { Mail, OutgoingMail, ReceivedMail } from "../../ports/Mail.js";
import { NotFoundError } from "../../ports/errors.js";

/** The Mail port in memory: what was sent and replied is kept for tests to read. */
export class MemoryMail implements Mail {
  readonly sent: OutgoingMail[] = [];
  readonly replies: { messageId: string; html: string }[] = [];

  constructor(private readonly received: readonly ReceivedMail[] = []) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }

  async reply(messageId: string, html: string): Promise<void> {
    await this.message(messageId);
    this.replies.push({ messageId, html });
  }

  async recent(top: number): Promise<ReceivedMail[]> {
    return this.received.slice(0, top);
  }

  async message(id: string): Promise<ReceivedMail> {
    const found = this.received.find((m) => m.id === id);
    if (!found) throw new NotFoundError("The message");
    return found;
  }
}
