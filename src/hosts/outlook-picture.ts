import { readGlance } from "../adapters/browser/localGlance.js";
import { officeTheme } from "../adapters/office/officeTheme.js";
import { showPicture } from "../ui/keptPicture.js";
import { copyNameFor, pageConfig } from "./root/hostConfig.js";

/**
 * taskpane.html's first script: opened again, the pane as it was last drawn for the person Office
 * says is signed in (ui/keptPicture.ts), shown before the task pane's own modules have loaded and
 * run. Only their own picture (the copy's name is their sign-in's), only on the London day it was
 * worked out on, only for the view the ribbon button asked for. A classic script of its own, with
 * nothing to import: the page's modules are many files, and it runs before they are all read.
 */
const asked = new URLSearchParams(location.search).get("view");
if (typeof Office !== "undefined" && asked) {
  void Office.onReady((info) => {
    const account = info.host === Office.HostType.Outlook ? Office.context.mailbox?.userProfile?.emailAddress : undefined;
    if (!account) return;
    try {
      const glance = readGlance(copyNameFor(pageConfig(), account), Date.now());
      if (glance?.picture?.view !== asked || !(Date.now() < glance.picture.until)) return;
      document.documentElement.dataset.theme = officeTheme();
      showPicture(glance.picture.html);
    } catch {
      // No configuration in the page: the task pane itself says so.
    }
  });
}
