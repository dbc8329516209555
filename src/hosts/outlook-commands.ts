/**
 * commands.html: the manifest's function file. Every IRO Desk button opens a task pane, so there
 * are no function commands yet; Outlook still needs the page to load and call Office.onReady.
 */
await Office.onReady();
