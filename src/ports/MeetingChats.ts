/** The Teams meeting chats the signed-in user is in (Graph's chat resource). */
export interface MeetingChats {
  /**
   * The join link of the online meeting whose chat this is (Graph: chat.onlineMeetingInfo.joinWebUrl,
   * the same link as the meeting's calendar event's onlineMeeting.joinUrl), or null when the chat
   * is not a meeting's.
   */
  joinUrl(chatId: string, signal?: AbortSignal): Promise<string | null>;
}
