import browser from "webextension-polyfill";
import { editableTarget, insertIntoField, isRich, type EditableTarget } from "../adapters/extension/insertIntoField.js";
import type { EmailBlock } from "../domain/templates/emailTemplate.js";

/**
 * Injected into the page the user asked to insert into (activeTab: only on their click or shortcut).
 * It runs in the extension's isolated world: the page's scripts cannot see its variables or
 * messages. It remembers the field in focus and the cursor, and inserts when the side panel asks.
 */
const state = globalThis as typeof globalThis & { iroDeskContent?: boolean };
if (!state.iroDeskContent) {
  state.iroDeskContent = true;
  let target: EditableTarget | null = editableTarget(document.activeElement);
  let range: Range | null = null;
  const remember = () => {
    const selection = document.getSelection();
    if (target && selection && selection.rangeCount > 0 && target.contains(selection.anchorNode)) range = selection.getRangeAt(0).cloneRange();
  };
  remember();
  document.addEventListener("focusin", (e) => {
    const found = editableTarget(e.target);
    if (found) target = found;
  }, true);
  document.addEventListener("selectionchange", remember);

  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; blocks?: EmailBlock[]; text?: string };
    if (m.type === "iro-desk-target") return Promise.resolve(target ? (isRich(target) ? "html" : "text") : "none");
    if (m.type === "iro-desk-insert" && m.blocks && typeof m.text === "string") {
      if (!target || !target.isConnected) return Promise.resolve({ ok: false, reason: "Click in the field on the page first, then insert." });
      return Promise.resolve({ ok: true, as: insertIntoField(target, m.blocks, m.text, range) });
    }
    return undefined;
  });
}
