import { describe, expect, it } from "vitest";
import { MemoryCalendar } from "../../src/adapters/memory/memoryCalendar.js";
import { meetingChatId } from "../../src/adapters/teams/meetingChat.js";
import { bookingForMeeting, chatOfJoinUrl } from "../../src/app/bookingForMeeting.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import type { Booking } from "../../src/ports/Calendar.js";
import type { MeetingChats } from "../../src/ports/MeetingChats.js";
import { DOCUMENTED_MEETING, SHORT_JOIN_URL, SIDE_PANEL_CONTEXT } from "../fixtures/teamsMeeting.js";

const TODAY = "2026-03-02" as IsoDate;

function booking(ref: string, joinUrl: string | null, hour = 14): Booking {
  return {
    id: `event-${ref}`,
    caseRef: ref as CaseRef,
    eventKind: "lac-review 2",
    subject: `LAC review 2 – ref ${ref}`,
    start: londonTimeToInstant(TODAY, hour * 60),
    end: londonTimeToInstant(TODAY, hour * 60 + 90),
    attendees: [],
    joinUrl,
    webLink: null,
    cancelled: false,
  };
}

function calendarWith(...bookings: Booking[]): MemoryCalendar {
  const calendar = new MemoryCalendar();
  calendar.bookings.push(...bookings);
  return calendar;
}

/** Graph's chat resource for a chat id: its onlineMeetingInfo.joinWebUrl, and every lookup counted. */
function chats(byId: Record<string, string>): MeetingChats & { asked: string[] } {
  const asked: string[] = [];
  return { asked, joinUrl: async (id) => (asked.push(id), byId[id] ?? null) };
}

describe("which booking a Teams meeting's side panel belongs to", () => {
  const chatId = meetingChatId(SIDE_PANEL_CONTEXT);

  it("the panel knows its meeting by the chat Teams names (context.chat.id), not by context.meeting.id, which no join link carries", () => {
    expect(chatId).toBe(DOCUMENTED_MEETING.chatId);
    expect(decodeURIComponent(DOCUMENTED_MEETING.joinUrl)).not.toContain(SIDE_PANEL_CONTEXT.meeting.id);
    expect(atob(SIDE_PANEL_CONTEXT.meeting.id)).toBe(`0#${DOCUMENTED_MEETING.chatId}#0`);
  });

  it("finds the booking whose long join link names the meeting's chat, without asking Graph", async () => {
    const lookups = chats({});
    const found = await bookingForMeeting(calendarWith(booking("104233", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_OTHER%40thread.v2/0?context=%7b%7d", 10), booking("104234", DOCUMENTED_MEETING.joinUrl)), lookups, chatId, TODAY);
    expect(found?.caseRef).toBe("104234");
    expect(lookups.asked).toEqual([]);
  });

  it("finds a booking with a short join link (no chat in it) through the link Graph gives for the meeting's chat", async () => {
    const lookups = chats({ [DOCUMENTED_MEETING.chatId]: SHORT_JOIN_URL });
    const found = await bookingForMeeting(calendarWith(booking("104233", "https://teams.microsoft.com/meet/1111111111111?p=AAAA", 10), booking("104234", SHORT_JOIN_URL)), lookups, chatId, TODAY);
    expect(found?.caseRef).toBe("104234");
    expect(lookups.asked).toEqual([DOCUMENTED_MEETING.chatId]);
  });

  it("is none of today's bookings when every link names another chat, or Graph knows no meeting for the chat", async () => {
    const other = booking("104233", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_OTHER%40thread.v2/0?context=%7b%7d");
    const lookups = chats({});
    expect(await bookingForMeeting(calendarWith(other), lookups, chatId, TODAY)).toBeNull();
    expect(lookups.asked).toEqual([]);
    expect(await bookingForMeeting(calendarWith(other, booking("104234", SHORT_JOIN_URL)), lookups, chatId, TODAY)).toBeNull();
    expect(lookups.asked).toEqual([DOCUMENTED_MEETING.chatId]);
  });

  it("reads the chat from a long link whatever case its escapes are in, and nothing from a short or foreign link", () => {
    expect(chatOfJoinUrl(DOCUMENTED_MEETING.joinUrl)).toBe(DOCUMENTED_MEETING.chatId);
    expect(chatOfJoinUrl(DOCUMENTED_MEETING.joinUrl.replace(/%3a/g, "%3A").replace(/%40/g, "%40"))).toBe(DOCUMENTED_MEETING.chatId);
    expect(chatOfJoinUrl(SHORT_JOIN_URL)).toBeNull();
    expect(chatOfJoinUrl("https://example.com/l/meetup-join/19%3ameeting_X%40thread.v2/0")).toBeNull();
  });
});
