import browser from "webextension-polyfill";

/**
 * The extension's background: a context-menu entry on editable fields and a keyboard shortcut,
 * both opening the side panel on the templates view for that tab, with the content script
 * injected while the user's click grants activeTab. Nothing else runs in the background.
 */
const MENU = "iro-desk-insert";

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({ id: MENU, title: "Insert an IRO Desk template…", contexts: ["editable"] });
  // Chrome and Edge: the toolbar button opens the side panel.
  void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU && tab?.id !== undefined) openFor(tab.id, info.frameId ?? 0);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === "insert-template" && tab?.id !== undefined) openFor(tab.id, 0);
});

function openFor(tabId: number, frameId: number): void {
  // Opening a side panel must happen inside the user's gesture, before anything is awaited.
  if (typeof chrome !== "undefined" && chrome.sidePanel) void chrome.sidePanel.open({ tabId });
  else void (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
  void browser.storage.session.set({ target: { tabId, frameId, at: Date.now() } });
  void browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ["js/extension-content.js"] });
}
