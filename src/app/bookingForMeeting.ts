import { addDays, type IsoDate } from "../domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../domain/calendar/londonTime.js";
import type { Booking, Calendar } from "../ports/Calendar.js";
import type { MeetingChats } from "../ports/MeetingChats.js";

/**
 * The booking a Teams meeting belongs to: the chair's tagged event around today that is this
 * meeting. Teams tells a tab which meeting it is in by the meeting's chat, context.chat.id
 * ("19:meeting_…@thread.v2"); the event knows its meeting by its join link, onlineMeeting.joinUrl.
 * The two meet in documented places only: the long join link carries the chat's thread id
 * (…/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…), and Graph's chat gives the join link
 * (onlineMeetingInfo.joinWebUrl). context.meeting.id is Teams' own encoded id and appears in
 * neither (learn.microsoft.com/microsoftteams/platform/graph-api/meeting-transcripts/fetch-id,
 * checked 2026-11). So: a booking whose long link names this chat; failing that, when some link
 * does not name a chat (Teams' short links, https://teams.microsoft.com/meet/…, rolled out from
 * 2025, MC772556), the link Graph gives for the chat. Null when the signed-in person is not the
 * organizer (their copy has no tag) or no booking is this meeting.
 */
export async function bookingForMeeting(calendar: Calendar, chats: MeetingChats, chatId: string, today: IsoDate, signal?: AbortSignal): Promise<Booking | null> {
  const around = await calendar.bookingsBetween(londonTimeToInstant(addDays(today, -1), 0), londonTimeToInstant(addDays(today, 2), 0), signal);
  const online = around.filter((b): b is Booking & { joinUrl: string } => b.joinUrl !== null);
  const named = online.find((b) => chatOfJoinUrl(b.joinUrl) === chatId);
  if (named) return named;
  if (online.every((b) => chatOfJoinUrl(b.joinUrl) !== null)) return null;
  const joinUrl = await chats.joinUrl(chatId, signal);
  return joinUrl === null ? null : (online.find((b) => sameLink(b.joinUrl, joinUrl)) ?? null);
}

/** The chat thread id a long Teams join link names, or null for a link that names none. */
export function chatOfJoinUrl(joinUrl: string): string | null {
  const segment = /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/([^/?#]+)/i.exec(joinUrl)?.[1];
  if (!segment) return null;
  const thread = decodeURIComponent(segment);
  return /^19:meeting_[^@]+@thread\.(v2|skype)$/.test(thread) ? thread : null;
}

/** The same link, whatever case its escapes are written in (%3a or %3A). */
function sameLink(a: string, b: string): boolean {
  return decodeURIComponent(a) === decodeURIComponent(b);
}
