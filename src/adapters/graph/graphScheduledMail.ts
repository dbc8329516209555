import type { Instant } from "../../domain/calendar/londonTime.js";
import type { OutgoingMail } from "../../ports/Mail.js";
import { NotFoundError } from "../../ports/errors.js";
import type { ScheduledMail } from "../../ports/ScheduledMail.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { recipient } from "./graphMail.js";

/**
 * PidTagDeferredSendTime (PR_DEFERRED_SEND_TIME, 0x3FEF, PT_SYSTIME): Exchange holds a submitted
 * message until this time and then sends it, server-side (MS-OXOMSG 2.2.3.4; a time already past
 * sends at once). Graph has no property for it, so it is set as an extended property on the draft
 * (learn.microsoft.com/office/client-developer/outlook/mapi/pidtagdeferredsendtime-canonical-property).
 */
export const DEFERRED_SEND_TIME = "SystemTime 0x3FEF";
/** IRO Desk's own tag on a scheduled message, to find it again (to move or withdraw it). */
const SCHEDULED_TAG = "String {6b3f2c1a-8d4e-4f5a-9b7c-2e1d0a9f8c3b} Name IroDeskScheduled";

/**
 * Scheduled sending through Exchange with Mail.ReadWrite and Mail.Send (no new permission): create
 * the draft with the deferred send time, then send it. Mailboxes checked by others report that
 * Exchange keeps the message in Drafts until the time and that deleting it there cancels it
 * (github.com/openonion/connectonion pull 183 and 1221, live-tested 2026), so that is where
 * unschedule looks. Sending with /me/sendMail instead was reported to deliver at once as well as
 * later (the same project's issue 1198): the draft-then-send route is the one used.
 */
export class GraphScheduledMail implements ScheduledMail {
  constructor(private readonly graph: GraphConnection) {}

  async schedule(mail: OutgoingMail, at: Instant, tag: string, signal?: AbortSignal): Promise<void> {
    // Neither call is repeated after a timeout: a second draft, or a second send, could go.
    const draft = await graphCall(`Scheduling "${mail.subject}"`, false, (call) =>
      this.graph.api("/me/messages").middlewareOptions([call]).option("signal", signal).post({
        subject: mail.subject,
        body: { contentType: "html", content: mail.html },
        toRecipients: mail.to.map(recipient),
        ccRecipients: (mail.cc ?? []).map(recipient),
        ...(mail.headers ? { internetMessageHeaders: Object.entries(mail.headers).map(([name, value]) => ({ name, value })) } : {}),
        singleValueExtendedProperties: [
          { id: DEFERRED_SEND_TIME, value: new Date(at).toISOString() },
          { id: SCHEDULED_TAG, value: tag },
        ],
      }) as Promise<{ id: string }>,
    );
    await graphCall(`Scheduling "${mail.subject}"`, false, (call) => this.graph.api(`/me/messages/${encodeURIComponent(draft.id)}/send`).middlewareOptions([call]).option("signal", signal).post({}));
  }

  async unschedule(tag: string, signal?: AbortSignal): Promise<number> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${SCHEDULED_TAG}' and ep/value eq '${tag.replace(/'/g, "''")}')`;
    const waiting = await graphCall("Scheduled email", true, (call) =>
      this.graph.api("/me/mailFolders/drafts/messages").query({ $filter: filter, $select: "id" }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: { id: string }[] }>,
    );
    for (const m of waiting.value) {
      try {
        await graphCall("Scheduled email", true, (call) => this.graph.api(`/me/messages/${encodeURIComponent(m.id)}`).middlewareOptions([call]).option("signal", signal).delete() as Promise<void>);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return waiting.value.length;
  }
}

