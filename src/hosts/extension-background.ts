import browser from "webextension-polyfill";

/**
 * The extension's background: the toolbar button opens IRO Desk beside the page (Chrome's and
 * Edge's side panel; Firefox's sidebar, which the button toggles), and a context-menu entry on
 * editable fields and a keyboard shortcut open it on the templates view for that tab, with the
 * content script injected while the user's click grants activeTab. Nothing else runs here.
 */
const MENU = "iro-desk-insert";

/**
 * Which browser this build is for, set by scripts/extensionPackage.mjs (esbuild's define): each
 * build keeps only its own browser's code, so Firefox's carries no Chrome-only API for web-ext lint
 * to warn about, and Chrome's no Firefox-only one.
 */
declare const IRO_DESK_BROWSER: "chrome" | "firefox";

/** Firefox's sidebar API (webextension-polyfill's types do not describe it). */
const sidebar = () => (browser as unknown as { sidebarAction: { open(): Promise<void>; toggle(): Promise<void> } }).sidebarAction;

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({ id: MENU, title: "Insert an IRO Desk template…", contexts: ["editable"] });
  if (IRO_DESK_BROWSER === "chrome") void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});

// Firefox: the toolbar button shows and hides the sidebar (sidebarAction.toggle must run in the
// click's own handler: developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/toggle).
if (IRO_DESK_BROWSER === "firefox") browser.action.onClicked.addListener(() => void sidebar().toggle());

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU && tab?.id !== undefined) openFor(tab.id, info.frameId ?? 0);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === "insert-template" && tab?.id !== undefined) openFor(tab.id, 0);
});

function openFor(tabId: number, frameId: number): void {
  // Opening a side panel must happen inside the user's gesture, before anything is awaited.
  if (IRO_DESK_BROWSER === "chrome") void chrome.sidePanel.open({ tabId });
  else void sidebar().open();
  void browser.storage.session.set({ target: { tabId, frameId, at: Date.now() } });
  void browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ["js/extension-content.js"] });
}
