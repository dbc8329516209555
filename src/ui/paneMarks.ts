import { useLayoutEffect } from "preact/hooks";
import { livePaneShown } from "./keptPicture.js";

/**
 * User Timing marks every pane sets, so any harness measures every surface the same way:
 * "iro:content" when the pane first shows real data (from this device's copy or from Microsoft
 * 365), "iro:current" when what it shows is up to date with Microsoft 365. Each is set once per
 * page load (by the first pane drawn), in the commit that puts the data in the DOM (a kept picture
 * of the pane, shown before its code has run, marks "iro:content" itself: ui/keptPicture.ts).
 * A kept picture on the page goes in the commit that shows the pane's own data, or says why it
 * cannot (`failed`): never for the pane's "Reading…" line.
 */
export function usePaneMarks(content: boolean, current: boolean, failed = false): void {
  useLayoutEffect(() => {
    if (content) markOnce("iro:content");
    if (content && current) markOnce("iro:current");
    if (content || failed) livePaneShown();
  }, [content, current, failed]);
}

function markOnce(name: string): void {
  if (typeof performance !== "undefined" && performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}
