import { lookForCopies } from "../adapters/browser/indexedDbCopy.js";
import { officeTheme } from "../adapters/office/officeTheme.js";
import { officeReady } from "../adapters/office/officeReady.js";
import { errorText, Notice } from "../ui/Notice.js";
import { outlookHost } from "./outlookHost.js";
import { pageConfig } from "./root/hostConfig.js";
import { PaneHost } from "./root/PaneHost.js";
import { preloadView } from "./root/view.js";
import { showInApp } from "./showInApp.js";
import { bookView } from "./views/bookView.js";
import { caseloadView } from "./views/caseloadView.js";
import { disputeView } from "./views/disputeView.js";
import { managerView } from "./views/managerView.js";
import { templatesView } from "./views/templatesView.js";

/**
 * taskpane.html: IRO Desk inside Outlook, a view per ribbon button (the manifest's ?view=): book
 * on an appointment, templates on an email being written, disputes and the caseload on an email
 * being read; managers also reach the managers' view from the caseload. Outside Outlook,
 * Office.onReady answers with no host, and the page says where to open it instead of waiting.
 */
const VIEWS = [bookView, templatesView, disputeView, caseloadView, managerView];
const asked = new URLSearchParams(location.search).get("view");
// The ribbon button's view is fetched, and this device's copies looked for, while Office starts, not after.
preloadView(VIEWS.find((v) => v.id === asked));
lookForCopies();
const info = await officeReady(5_000);
if (!info || info.host !== Office.HostType.Outlook) {
  showInApp(
    <main class="pane">
      <h1>IRO Desk</h1>
      <Notice kind="info">
        This is IRO Desk’s Outlook task pane: open it from Outlook (the IRO Desk buttons on an appointment or a message). To try it without Outlook, use the{" "}
        <a href="preview-outlook.html">Outlook preview</a>.
      </Notice>
    </main>,
  );
} else {
  document.documentElement.dataset.theme = officeTheme();
  try {
    const config = pageConfig();
    showInApp(
      <main>
        <PaneHost config={config} host={outlookHost()} views={VIEWS} asked={asked} tabs={asked === "caseload" || asked === "manager" ? [caseloadView, managerView] : []} />
      </main>,
    );
  } catch (error) {
    showInApp(<main class="pane"><Notice kind="error">{errorText(error)}</Notice></main>);
  }
}
