import { msalTokens } from "../adapters/auth/msalTokens.js";
import { localDrafts } from "../adapters/browser/localDrafts.js";
import { officeAppointment } from "../adapters/office/officeAppointment.js";
import { officeCompose, officeMessage } from "../adapters/office/officeCompose.js";
import { officeDialogToken } from "../adapters/office/officeDialogToken.js";
import type { HostItem } from "../ports/Host.js";
import type { HostAdapter } from "./root/hostAdapter.js";
import { tokensFor } from "./root/tokensFor.js";

/**
 * Outlook as a host: the mailbox's user, Office's sign-in (nested app authentication, or the
 * Office dialog where Outlook lacks it), and the item the task pane was opened on.
 */
export function outlookHost(): HostAdapter {
  const mailbox = Office.context.mailbox;
  const user = { address: mailbox.userProfile.emailAddress, name: mailbox.userProfile.displayName };
  return {
    user,
    account: user.address,
    tokens: (config) =>
      tokensFor(config, user.address, (app) => msalTokens(app, () => Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"), officeDialogToken(new URL("auth-dialog.html", location.href).href))),
    item: () => itemOf(mailbox.item),
    onItemChanged(listener) {
      // A pinned pane follows the item the user moves to (Mailbox 1.5).
      mailbox.addHandlerAsync(Office.EventType.ItemChanged, listener);
      return () => mailbox.removeHandlerAsync(Office.EventType.ItemChanged);
    },
    drafts: localDrafts(`iro-desk:${user.address.toLowerCase()}:`),
  };
}

/** What the pane was opened on: an appointment or email being written (compose APIs have setAsync), or an email being read. */
function itemOf(item: typeof Office.context.mailbox.item): HostItem {
  const message = item?.itemType === Office.MailboxEnums.ItemType.Message;
  const appointment = item?.itemType === Office.MailboxEnums.ItemType.Appointment;
  const composing = message && "setSelectedDataAsync" in (item as Office.MessageCompose).body;
  return {
    appointment: appointment && "setAsync" in (item as Office.AppointmentCompose).start ? officeAppointment(item as Office.AppointmentCompose) : null,
    compose: composing ? officeCompose(item as Office.MessageCompose) : null,
    message: message && !composing && "internetMessageId" in item ? officeMessage(item as Office.MessageRead) : null,
    meeting: null,
  };
}
