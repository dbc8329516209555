import type { Instant } from "../domain/calendar/londonTime.js";

export interface Recipient {
  readonly address: string;
  readonly name: string;
}

export interface OutgoingMail {
  readonly to: readonly Recipient[];
  readonly cc?: readonly Recipient[];
  readonly subject: string;
  readonly html: string;
  /** Custom headers (X-…), e.g. the service's classification marking. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ReceivedMail {
  readonly id: string;
  readonly internetMessageId: string;
  readonly subject: string;
  readonly from: Recipient;
  readonly received: string;
  readonly webLink: string | null;
}

/** An email the user sent, with the add-in's custom properties it carried (see ComposeForm.tag). */
export interface SentMail {
  readonly id: string;
  readonly sent: Instant;
  readonly customProperties: Readonly<Record<string, string>>;
}

/** A message waiting in Drafts. */
export interface DraftMail {
  readonly id: string;
  readonly to: readonly Recipient[];
  readonly subject: string;
  readonly html: string;
}

/** The signed-in user's mailbox. */
export interface Mail {
  send(mail: OutgoingMail, signal?: AbortSignal): Promise<void>;
  /**
   * A reply to a received message, kept in Drafts for the user to check and send: the HTML letter
   * above the quoted original, addressed to `to` (who the letter is for, not necessarily the sender).
   */
  draftReply(messageId: string, html: string, to: readonly Recipient[], signal?: AbortSignal): Promise<DraftMail>;
  /** Sends a draft (it moves to Sent Items). */
  sendDraft(id: string, signal?: AbortSignal): Promise<void>;
  message(id: string, signal?: AbortSignal): Promise<ReceivedMail>;
  /** What the user has sent since `since`, from Sent Items, with the add-in's custom properties. */
  sentSince(since: Instant, signal?: AbortSignal): Promise<SentMail[]>;
  /** The newest messages in the inbox. */
  recent(top: number, signal?: AbortSignal): Promise<ReceivedMail[]>;
}
