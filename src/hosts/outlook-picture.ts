import { readGlance } from "../adapters/browser/localGlance.js";
import { officeItemKind } from "../adapters/office/officeItemKind.js";
import { officeTheme } from "../adapters/office/officeTheme.js";
import { showPicture } from "../ui/keptPicture.js";
import { configInPage, copyNameFor } from "./root/hostConfig.js";

/**
 * taskpane.html's inline script: opened again, the pane as it was last drawn for the person Office
 * says is signed in (ui/keptPicture.ts), shown before the task pane's own modules have loaded and
 * run. Only their own picture (the copy's name is their sign-in's), only on the London day it was
 * worked out on, only for the view the ribbon button asked for and on the same kind of item. The
 * build writes it into the page (a classic script, nothing to import or fetch, allowed by its hash
 * in the page's CSP): it runs as the parser reaches it, while the page's modules, many files, are
 * still being read from the cache.
 */
const asked = new URLSearchParams(location.search).get("view");
if (typeof Office !== "undefined" && asked) {
  void Office.onReady((info) => {
    const account = info.host === Office.HostType.Outlook ? Office.context.mailbox?.userProfile?.emailAddress : undefined;
    const config = configInPage();
    // No configuration in the page: the task pane itself says so.
    if (!account || !config) return;
    const glance = readGlance(copyNameFor(config, account), Date.now());
    const item = officeItemKind(Office.context.mailbox.item);
    const picture = glance?.pictures?.find((p) => p.view === asked && p.item === item && Date.now() < p.until);
    if (!picture) return;
    document.documentElement.dataset.theme = officeTheme();
    showPicture(picture.html);
  });
}
