import type { ComponentChild } from "preact";
import { londonClock } from "../adapters/clock/londonClock.js";
import { msalTokens } from "../adapters/auth/msalTokens.js";
import { sandboxTokens } from "../adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../adapters/graph/graphClient.js";
import { GraphCaseStore } from "../adapters/graph/graphCaseStore.js";
import { GraphDisputeStore } from "../adapters/graph/graphDisputeStore.js";
import { GraphSettingsStore } from "../adapters/graph/graphSettingsStore.js";
import { officeAppointment, officeTheme } from "../adapters/office/officeAppointment.js";
import { officeCompose, officeMessage } from "../adapters/office/officeCompose.js";
import { officeDialogToken } from "../adapters/office/officeDialogToken.js";
import { instant } from "../domain/calendar/londonTime.js";
import { BookingPane } from "../ui/BookingPane.js";
import type { PaneEnv } from "../ui/env.js";
import { errorText, Notice } from "../ui/Notice.js";
import { readConfig } from "./hostConfig.js";
import { showInApp } from "./showInApp.js";

/**
 * taskpane.html: IRO Desk inside Outlook. Opened from an appointment it fills that appointment;
 * from a message or the sidebar it books through Graph. Outside Outlook, Office.onReady answers
 * with no host, and the page says where to open it instead of waiting for ever.
 */
const show = (ui: ComponentChild) => showInApp(<main>{ui}</main>);

const info = await Promise.race([Office.onReady(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
if (!info || info.host !== Office.HostType.Outlook) {
  show(
    <div class="pane">
      <h1>IRO Desk</h1>
      <Notice kind="info">
        This is IRO Desk’s Outlook task pane: open it from Outlook (the IRO Desk buttons on an appointment or a message). To try it without Outlook, use the{" "}
        <a href="preview-outlook.html">Outlook preview</a>.
      </Notice>
    </div>,
  );
} else {
  try {
    const config = await readConfig();
    const mailbox = Office.context.mailbox;
    const me = { address: mailbox.userProfile.emailAddress, name: mailbox.userProfile.displayName };
    const tokens =
      config.auth.kind === "sandbox"
        ? sandboxTokens(new URL(config.graphBaseUrl).origin, me.address)
        : msalTokens(config.auth, () => Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"), officeDialogToken(new URL("auth-dialog.html", location.href).href));
    const graph = new GraphConnection({ baseUrl: config.graphBaseUrl, tokens });
    document.documentElement.dataset.theme = officeTheme();
    const paneFor = (item: typeof mailbox.item): PaneEnv => ({
      calendar: new GraphCalendar(graph),
      cases: new GraphCaseStore(graph, { site: config.site, list: config.list }),
      disputes: new GraphDisputeStore(graph, { site: config.site, list: config.disputesList }),
      serviceSettings: new GraphSettingsStore(graph, { site: config.site, list: config.settingsList }),
      compose: item && item.itemType === Office.MailboxEnums.ItemType.Message && "setSelectedDataAsync" in (item as Office.MessageCompose).body ? officeCompose(item as Office.MessageCompose) : null,
      message: item && item.itemType === Office.MailboxEnums.ItemType.Message && "internetMessageId" in item && !("setSelectedDataAsync" in (item as Office.MessageCompose).body) ? officeMessage(item as Office.MessageRead) : null,
      // Appointment compose has setAsync on its start time; read mode does not.
      appointment: item && item.itemType === Office.MailboxEnums.ItemType.Appointment && "setAsync" in (item as Office.AppointmentCompose).start ? officeAppointment(item as Office.AppointmentCompose) : null,
      me,
      settings: config.settings,
      today: londonClock.today,
      now: () => instant(Date.now()),
    });
    // One page, a view per ribbon button (the manifest's ?view=).
    const view = new URLSearchParams(location.search).get("view");
    // The booking pane is in the first download; the other views load when their button is used.
    const draw = async () => {
      const env = paneFor(Office.context.mailbox.item);
      const key = Math.random();
      if (view === "book" || (env.appointment && view !== "templates" && view !== "dispute")) return show(<BookingPane key={key} env={env} />);
      if (view === "templates") {
        const { TemplatePane } = await import("../ui/TemplatePane.js");
        return show(<TemplatePane key={key} env={env} />);
      }
      if (view === "dispute") {
        const { DisputePane } = await import("../ui/DisputePane.js");
        return show(<DisputePane key={key} env={env} />);
      }
      const { CaseloadPane } = await import("../ui/CaseloadPane.js");
      show(<CaseloadPane key={key} env={env} />);
    };
    await draw();
    // A pinned pane follows the item the user moves to (Mailbox 1.5).
    mailbox.addHandlerAsync(Office.EventType.ItemChanged, () => void draw());
  } catch (error) {
    show(<Notice kind="error">{errorText(error)}</Notice>);
  }
}
