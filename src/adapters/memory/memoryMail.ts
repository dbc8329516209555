import type { Instant } from "../../domain/calendar/londonTime.js";
import type { DraftMail, Mail, OutgoingMail, ReceivedMail, Recipient, SentMail } from "../../ports/Mail.js";
import { NotFoundError } from "../../ports/errors.js";

/** The Mail port in memory: what was sent, drafted and sent from Drafts is kept for tests to read. */
export class MemoryMail implements Mail {
  readonly sent: OutgoingMail[] = [];
  readonly drafts: (DraftMail & { readonly replyTo: string })[] = [];
  readonly sentDrafts: DraftMail[] = [];
  /** What the user sent from Outlook itself (the tests put it here), as Sent Items holds it. */
  readonly sentItems: SentMail[] = [];

  constructor(private readonly received: readonly ReceivedMail[] = []) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }

  async draftReply(messageId: string, html: string, to: readonly Recipient[]): Promise<DraftMail> {
    const original = await this.message(messageId);
    const draft = { id: `draft-${this.drafts.length + 1}`, to, subject: `RE: ${original.subject}`, html, replyTo: messageId };
    this.drafts.push(draft);
    return draft;
  }

  async sendDraft(id: string): Promise<void> {
    const at = this.drafts.findIndex((d) => d.id === id);
    if (at < 0) throw new NotFoundError("The draft");
    this.sentDrafts.push(...this.drafts.splice(at, 1));
  }

  async sentSince(since: Instant): Promise<SentMail[]> {
    return this.sentItems.filter((m) => m.sent >= since);
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
