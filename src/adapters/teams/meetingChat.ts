import type { app } from "@microsoft/teams-js";

/**
 * Which meeting a tab is in, by the meeting's chat: context.chat.id ("19:meeting_…@thread.v2",
 * learn.microsoft.com/microsoftteams/platform/tabs/how-to/access-teams-context, checked 2026-11),
 * the id the meeting's calendar event shares through its join link and Graph's chat resource.
 * Not context.meeting.id: Teams' own encoded id, which neither carries. Outside a meeting's chat
 * (a tab opened elsewhere), the tab's page id keeps its drafts apart.
 */
export function meetingChatId(context: Pick<app.Context, "chat"> & { readonly page: Pick<app.Context["page"], "id"> }): string {
  return context.chat?.id ?? context.page.id;
}
