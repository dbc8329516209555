import type { Clipboard } from "../../ports/Clipboard.js";
import { PortError } from "../../ports/errors.js";

/**
 * The page's clipboard (the async Clipboard API): HTML for editors that keep formatting, plain
 * text for fields that do not. Writing needs a secure context and a click (transient activation),
 * which a pane's Copy button gives; "clipboard-write" is granted to the active page
 * (developer.mozilla.org/docs/Web/API/Clipboard/write). Where ClipboardItem is missing (Firefox
 * before 127) plain text is written.
 */
export function browserClipboard(): Clipboard {
  return {
    async copy(html, text) {
      const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
      if (!clipboard) throw new PortError("This window cannot use the clipboard. Select the text in the preview and copy it instead.", false);
      try {
        if (typeof ClipboardItem === "function" && clipboard.write) {
          await clipboard.write([new ClipboardItem({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([text], { type: "text/plain" }) })]);
        } else {
          await clipboard.writeText(text);
        }
      } catch {
        throw new PortError("The clipboard could not be written: the browser did not allow it. Click Copy again, or select the text in the preview and copy it.", true);
      }
    },
  };
}
