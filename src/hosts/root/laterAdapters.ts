/**
 * The adapters no pane needs for its first content (booking and free/busy, sending mail, holding
 * times, reminders, disputes, meeting chats, the clipboard, the templates and dispute ladder with
 * the settings editor), in one module: the composition root imports it when one
 * is first used, so their code is one fetch, not in the first download (see onFirstUse.ts).
 */
export { browserClipboard } from "../../adapters/browser/browserClipboard.js";
export { GraphCalendar } from "../../adapters/graph/graphCalendar.js";
export { GraphDisputeStore } from "../../adapters/graph/graphDisputeStore.js";
export { GraphHolds } from "../../adapters/graph/graphHolds.js";
export { GraphMail } from "../../adapters/graph/graphMail.js";
export { GraphMeetingChats } from "../../adapters/graph/graphMeetingChats.js";
export { GraphReminders } from "../../adapters/graph/graphReminders.js";
export { GraphScheduledMail } from "../../adapters/graph/graphScheduledMail.js";
export { GraphSettingsStore } from "../../adapters/graph/graphSettingsStore.js";
