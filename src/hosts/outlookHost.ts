import { msalTokens } from "../adapters/auth/msalTokens.js";
import { localDrafts } from "../adapters/browser/localDrafts.js";
import { officeMessage } from "../adapters/office/officeMessage.js";
import { officeDialogToken } from "../adapters/office/officeDialogToken.js";
import { officeItemKind } from "../adapters/office/officeItemKind.js";
import type { ComposeForm, HostItem } from "../ports/Host.js";
import type { HostAdapter } from "./root/hostAdapter.js";
import { onFirstUse } from "./root/onFirstUse.js";
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
      tokensFor(
        config,
        user.address,
        IRO_DESK_SIGN_IN !== "sandbox" ? (app) => msalTokens(app, () => Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"), officeDialogToken(new URL("auth-dialog.html", location.href).href)) : null,
      ),
    item: () => itemOf(mailbox.item),
    onItemChanged(listener) {
      // A pinned pane follows the item the user moves to (Mailbox 1.5).
      mailbox.addHandlerAsync(Office.EventType.ItemChanged, listener);
      return () => mailbox.removeHandlerAsync(Office.EventType.ItemChanged);
    },
    drafts: localDrafts(`iro-desk:${user.address.toLowerCase()}:`),
    showsPictures: true,
  };
}

// Writing into the item Outlook has open (an appointment being booked, an email being written) is
// fetched when first done, or shortly after the pane has drawn (composeEnv preloads the open
// item's), not in the pane's first download.
const appointmentCode = () => import("../adapters/office/officeAppointment.js");
const composeCode = () => import("../adapters/office/officeCompose.js");

/** What the pane was opened on: an appointment or email being written, or an email being read. */
function itemOf(item: typeof Office.context.mailbox.item): HostItem {
  const kind = officeItemKind(item);
  return {
    appointment:
      kind === "appointment"
        ? onFirstUse(() => appointmentCode().then((m) => m.officeAppointment(item as Office.AppointmentCompose)), { fillAndSave: true, addAttendees: true })
        : null,
    compose:
      kind === "compose"
        ? {
            targetName: "the email",
            ...onFirstUse<Omit<Required<ComposeForm>, "targetName">>(() => composeCode().then((m) => m.officeCompose(item as Office.MessageCompose)), {
              bodyType: true,
              insert: true,
              subject: true,
              setSubject: true,
              addRecipients: true,
              tag: true,
            }),
          }
        : null,
    message: kind === "message" ? officeMessage(item as Office.MessageRead) : null,
    meeting: null,
  };
}
