import type { EmailBlock } from "../../domain/templates/emailTemplate.js";

/** The editable element a template goes into: a text field, a text area, or a rich-text (contenteditable) editor. */
export type EditableTarget = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

const TEXT_INPUTS = ["text", "search", "email", "url", ""];

export function editableTarget(node: EventTarget | Element | null): EditableTarget | null {
  if (!(node instanceof HTMLElement)) return null;
  if (node instanceof HTMLTextAreaElement) return node.readOnly || node.disabled ? null : node;
  if (node instanceof HTMLInputElement) return TEXT_INPUTS.includes(node.type) && !node.readOnly && !node.disabled ? node : null;
  const rich = node.closest<HTMLElement>("[contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']");
  return rich;
}

export function isRich(target: EditableTarget): boolean {
  return !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.getAttribute("contenteditable") !== "plaintext-only";
}

/**
 * Puts a template in at the cursor, through the browser's editing commands where it allows, so
 * the page's own undo (Ctrl+Z) takes it out again. Rich text is built from elements and text
 * nodes: no value is ever parsed as HTML.
 */
export function insertIntoField(target: EditableTarget, blocks: readonly EmailBlock[], text: string, savedRange: Range | null): "html" | "text" {
  target.focus();
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    const single = target instanceof HTMLInputElement ? text.replace(/\s*\n+\s*/g, " ").trim() : text;
    // insertText keeps the field's undo history; setRangeText is the fallback where it is not supported.
    if (!document.execCommand("insertText", false, single)) {
      const start = target.selectionStart ?? target.value.length;
      target.setRangeText(single, start, target.selectionEnd ?? start, "end");
      target.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: single }));
    }
    return "text";
  }
  const selection = document.getSelection();
  if (savedRange && selection) {
    selection.removeAllRanges();
    selection.addRange(savedRange);
  }
  if (!isRich(target)) {
    if (!document.execCommand("insertText", false, text)) insertNode(document.createTextNode(text), target);
    return "text";
  }
  const fragment = build(blocks);
  // insertHTML keeps the editor's undo; its input is serialised from the elements built above.
  const holder = document.createElement("div");
  holder.appendChild(fragment.cloneNode(true));
  if (!document.execCommand("insertHTML", false, holder.innerHTML)) insertNode(fragment, target);
  return "html";
}

function build(blocks: readonly EmailBlock[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const b of blocks) {
    if (b.kind === "ul") {
      const list = document.createElement("ul");
      for (const item of b.items) list.appendChild(document.createElement("li")).textContent = item;
      fragment.appendChild(list);
      continue;
    }
    const p = document.createElement("p");
    const holder = b.strong ? p.appendChild(document.createElement("strong")) : p;
    b.lines.forEach((line, i) => {
      if (i > 0) holder.appendChild(document.createElement("br"));
      holder.appendChild(document.createTextNode(line));
    });
    fragment.appendChild(p);
  }
  return fragment;
}

function insertNode(node: Node, target: HTMLElement): void {
  const selection = document.getSelection();
  const range = selection && selection.rangeCount > 0 && target.contains(selection.anchorNode) ? selection.getRangeAt(0) : null;
  if (range) {
    range.deleteContents();
    range.insertNode(node);
  } else target.appendChild(node);
}
