import type { ItemKind } from "../../ports/Host.js";

/**
 * The kind of item Outlook has the task pane open on, as IRO Desk works on it: an appointment or
 * an email being written (their compose APIs have setAsync), an email being read, or nothing it
 * works on (no item, or one only being read that is not an email).
 */
export function officeItemKind(item: typeof Office.context.mailbox.item): ItemKind {
  if (item?.itemType === Office.MailboxEnums.ItemType.Appointment) return "setAsync" in (item as Office.AppointmentCompose).start ? "appointment" : "none";
  if (item?.itemType !== Office.MailboxEnums.ItemType.Message) return "none";
  return "setSelectedDataAsync" in (item as Office.MessageCompose).body ? "compose" : "internetMessageId" in item ? "message" : "none";
}
