import type { OpenMessage } from "../../ports/Host.js";

/** The email being read in Outlook; its id converted to the REST form Graph uses. */
export function officeMessage(item: Office.MessageRead): OpenMessage {
  return {
    id: Office.context.mailbox.convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0),
    internetMessageId: item.internetMessageId,
    subject: item.subject,
    from: { address: item.from.emailAddress, name: item.from.displayName },
    webLink: null,
    async openDraft(draft) {
      // Office.js cannot address a reply form (displayReplyForm always answers the sender), so the
      // reply is made and addressed through Graph and opened from Drafts by its id (Mailbox 1.3:
      // convertToEwsId; displayMessageForm, Mailbox 1.0). Whether every Outlook opens a draft from
      // displayMessageForm for editing is to be confirmed on a tenant; the pane also says it is in Drafts.
      const mailbox = Office.context.mailbox;
      mailbox.displayMessageForm(mailbox.convertToEwsId(draft.id, Office.MailboxEnums.RestVersion.v2_0));
    },
  };
}
