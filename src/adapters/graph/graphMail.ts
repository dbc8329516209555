import { instant, type Instant } from "../../domain/calendar/londonTime.js";
import type { DraftMail, Mail, OutgoingMail, ReceivedMail, Recipient, SentMail } from "../../ports/Mail.js";
import { OUTLOOK_CUSTOM_PROPERTIES } from "./extendedProperties.js";
import { graphCall, type GraphConnection } from "./graphClient.js";

interface GraphMessage {
  id: string;
  internetMessageId: string;
  subject?: string;
  from?: { emailAddress: { address: string; name?: string } };
  receivedDateTime: string;
  webLink?: string;
  body?: { content: string };
}

/** The signed-in user's mailbox through Microsoft Graph (Mail.Send, Mail.ReadWrite for replies). */
export class GraphMail implements Mail {
  constructor(private readonly graph: GraphConnection) {}

  /** Not repeatable after a timeout: the mail may already have gone. Throttled answers are still retried. */
  async send(mail: OutgoingMail, signal?: AbortSignal): Promise<void> {
    await graphCall(`Sending "${mail.subject}"`, false, (call) =>
      this.graph.api("/me/sendMail").middlewareOptions([call]).option("signal", signal).post({
        message: {
          subject: mail.subject,
          body: { contentType: "html", content: mail.html },
          toRecipients: mail.to.map(recipient),
          ccRecipients: (mail.cc ?? []).map(recipient),
          ...(mail.headers ? { internetMessageHeaders: Object.entries(mail.headers).map(([name, value]) => ({ name, value })) } : {}),
        },
        saveToSentItems: true,
      }) as Promise<void>,
    );
  }

  /**
   * createReply (threaded: Graph sets In-Reply-To and the conversation), then the letter placed
   * above the quoted original and the recipients replaced by `to`: two calls, as Graph needs for
   * an HTML reply to someone other than the sender (learn.microsoft.com/graph/api/message-createreply).
   */
  async draftReply(messageId: string, html: string, to: readonly Recipient[], signal?: AbortSignal): Promise<DraftMail> {
    const draft = await graphCall("The message", false, (call) =>
      this.graph.api(`/me/messages/${encodeURIComponent(messageId)}/createReply`).middlewareOptions([call]).option("signal", signal).post({}) as Promise<GraphMessage>,
    );
    const content = `${html}${draft.body?.content ?? ""}`;
    await graphCall("The reply", true, (call) =>
      this.graph.api(`/me/messages/${encodeURIComponent(draft.id)}`).middlewareOptions([call]).option("signal", signal).patch({ toRecipients: to.map(recipient), body: { contentType: "html", content } }),
    );
    return { id: draft.id, to, subject: draft.subject ?? "", html: content };
  }

  /** Not repeatable after a timeout: the mail may already have gone. */
  async sendDraft(id: string, signal?: AbortSignal): Promise<void> {
    await graphCall("Sending the reply", false, (call) => this.graph.api(`/me/messages/${encodeURIComponent(id)}/send`).middlewareOptions([call]).option("signal", signal).post({}));
  }

  async message(id: string, signal?: AbortSignal): Promise<ReceivedMail> {
    const m = await graphCall("The message", true, (call) =>
      this.graph.api(`/me/messages/${encodeURIComponent(id)}`).select(FIELDS).middlewareOptions([call]).option("signal", signal).get() as Promise<GraphMessage>,
    );
    return received(m);
  }

  /**
   * Sent Items since an instant ($filter on sentDateTime, every page), each with the add-in's
   * custom properties: Outlook keeps them on the sent item in one named property, "cecp-" and the
   * add-in's id, holding JSON (learn.microsoft.com/office/dev/add-ins/outlook/metadata-for-an-outlook-add-in).
   */
  async sentSince(since: Instant, signal?: AbortSignal): Promise<SentMail[]> {
    const first = this.graph
      .api("/me/mailFolders/sentitems/messages")
      .query({ $filter: `sentDateTime ge ${new Date(since).toISOString().slice(0, 19)}Z`, $expand: `singleValueExtendedProperties($filter=id eq '${OUTLOOK_CUSTOM_PROPERTIES}')`, $select: "id,sentDateTime", $top: "50" });
    const sent: SentMail[] = [];
    let page = await graphCall("Your Sent Items", true, (call) => first.middlewareOptions([call]).option("signal", signal).get() as Promise<SentPage>);
    for (;;) {
      for (const m of page.value) sent.push({ id: m.id, sent: instant(Date.parse(m.sentDateTime)), customProperties: customProperties(m.singleValueExtendedProperties?.[0]?.value ?? null) });
      const next = page["@odata.nextLink"];
      if (!next) return sent;
      page = await graphCall("Your Sent Items", true, (call) => this.graph.follow(next).middlewareOptions([call]).option("signal", signal).get() as Promise<SentPage>);
    }
  }

  async recent(top: number, signal?: AbortSignal): Promise<ReceivedMail[]> {
    const page = await graphCall("Your inbox", true, (call) =>
      this.graph.api("/me/mailFolders/inbox/messages").select(FIELDS).top(top).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphMessage[] }>,
    );
    return page.value.map(received);
  }
}

const FIELDS = "id,internetMessageId,subject,from,receivedDateTime,webLink";

interface SentPage {
  value: { id: string; sentDateTime: string; singleValueExtendedProperties?: { id: string; value: string }[] }[];
  "@odata.nextLink"?: string;
}

/** The add-in's custom properties from their JSON; anything unreadable is none. */
function customProperties(json: string | null): Record<string, string> {
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    return typeof parsed === "object" && parsed !== null ? Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string")) : {};
  } catch {
    return {};
  }
}

function received(m: GraphMessage): ReceivedMail {
  return {
      id: m.id,
      internetMessageId: m.internetMessageId,
      subject: m.subject ?? "",
      from: { address: m.from?.emailAddress.address ?? "", name: m.from?.emailAddress.name ?? m.from?.emailAddress.address ?? "" },
      received: m.receivedDateTime,
      webLink: m.webLink ?? null,
  };
}

export function recipient(r: Recipient): unknown {
  return { emailAddress: { address: r.address, name: r.name } };
}
