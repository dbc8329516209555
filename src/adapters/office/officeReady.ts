/**
 * Office, once office.js has run and the page is parsed. The task pane's script is loaded `async`
 * (scripts/pages.mjs), so it starts (fetching its view's code, looking for this device's copy)
 * while office.js is still loading, and waits here for it: office.js is a parser-blocking script
 * in the head, so once the page is parsed it has run. Null when office.js could not be loaded or
 * Office gives no answer within `ms` (the page opened outside Outlook).
 */
export async function officeReady(ms: number): Promise<{ host: Office.HostType; platform: Office.PlatformType } | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
  return Promise.race([parsed().then(() => (typeof Office === "undefined" ? null : Office.onReady())), timeout]);
}

function parsed(): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState !== "loading") resolve();
    else document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
  });
}
