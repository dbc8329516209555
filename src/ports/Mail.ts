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

/** The signed-in user's mailbox. */
export interface Mail {
  send(mail: OutgoingMail, signal?: AbortSignal): Promise<void>;
  /** Replies to a received message with an HTML letter above the quoted original. */
  reply(messageId: string, html: string, signal?: AbortSignal): Promise<void>;
  message(id: string, signal?: AbortSignal): Promise<ReceivedMail>;
  /** The newest messages in the inbox. */
  recent(top: number, signal?: AbortSignal): Promise<ReceivedMail[]>;
}
