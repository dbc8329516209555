import type { MeetingChats } from "../../ports/MeetingChats.js";
import { NotFoundError } from "../../ports/errors.js";
import { graphCall, type GraphConnection } from "./graphClient.js";

/**
 * A Teams meeting's chat through Microsoft Graph (GET /chats/{chat-id}, Chat.ReadBasic delegated):
 * its onlineMeetingInfo.joinWebUrl is the meeting's join link, the one its calendar event carries
 * as onlineMeeting.joinUrl (learn.microsoft.com/graph/api/resources/chat and
 * .../teamworkonlinemeetinginfo, checked 2026-11).
 */
export class GraphMeetingChats implements MeetingChats {
  constructor(private readonly graph: GraphConnection) {}

  async joinUrl(chatId: string, signal?: AbortSignal): Promise<string | null> {
    try {
      const chat = await graphCall("The meeting's chat", true, (call) =>
        this.graph.api(`/chats/${encodeURIComponent(chatId)}`).middlewareOptions([call]).option("signal", signal).get() as Promise<{ onlineMeetingInfo?: { joinWebUrl?: string | null } | null }>,
      );
      return chat.onlineMeetingInfo?.joinWebUrl ?? null;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
