import browser from "webextension-polyfill";
import { PortError } from "../../ports/errors.js";
import type { ComposeForm } from "../../ports/Host.js";

/** The page has no field to insert into: said to the user as it is. */
export class NoFieldError extends PortError {
  constructor(message: string) {
    super(message, false);
  }
}

/**
 * The field in focus on a browser tab, as a place to insert a template. The content script is
 * injected on demand (activeTab or the extension's own hosts), never into every page.
 */
export function pageCompose(tabId: number, frameId = 0): ComposeForm {
  const inject = () => browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ["js/extension-content.js"] });
  return {
    targetName: "the field on the page",
    async bodyType() {
      await inject();
      const kind = (await browser.tabs.sendMessage(tabId, { type: "iro-desk-target" }, { frameId })) as "html" | "text" | "none";
      if (kind === "none") throw new NoFieldError("Click in the field on the page where the template should go, then insert.");
      return kind;
    },
    async insert(email, type) {
      const answer = (await browser.tabs.sendMessage(tabId, { type: "iro-desk-insert", blocks: type === "html" ? email.blocks : [], text: email.text }, { frameId })) as { ok: boolean; reason?: string };
      if (!answer.ok) throw new NoFieldError(answer.reason ?? "The page's field could not take the template.");
    },
  };
}
