import { beforeAll, describe, expect, it } from "vitest";
import { GraphCalendar } from "../../src/adapters/graph/graphCalendar.js";
import { GraphMeetingChats } from "../../src/adapters/graph/graphMeetingChats.js";
import { bookingForMeeting, chatOfJoinUrl } from "../../src/app/bookingForMeeting.js";
import { londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import { IRO, MANAGER, TODAY, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
let socialWorker: string;
beforeAll(() => {
  socialWorker = sandbox.store.users().find((u) => u.roles.includes("social-worker"))!.userPrincipalName;
});

describe("a booking's Teams meeting, as Graph shows it (the sandbox) and as the Teams panel finds it", () => {
  it("gives every online event Graph's onlineMeeting info and a chat whose join link is the event's; only the meeting's members read the chat", async () => {
    const calendar = new GraphCalendar(sandbox.graph(IRO));
    const made = await calendar.createBooking({
      caseRef: "100077" as CaseRef,
      eventKind: "lac-review 3",
      subject: "LAC review 3 – ref 100077",
      start: londonTimeToInstant(TODAY, 15 * 60),
      end: londonTimeToInstant(TODAY, 16 * 60 + 30),
      attendees: [{ address: socialWorker, name: "Social worker", type: "required" }],
      bodyHtml: "<p>Agenda</p>",
      online: true,
      transactionId: "teams-1",
      hideAttendees: false,
    });
    const event = await sandbox.raw(IRO, "GET", `/me/events/${encodeURIComponent(made.id)}`);
    expect(event.body.onlineMeeting).toEqual({ conferenceId: expect.stringMatching(/^\d{9}$/), joinUrl: made.joinUrl, phones: [], quickDial: null, tollFreeNumbers: [], tollNumber: null });
    const chatId = chatOfJoinUrl(made.joinUrl!)!;
    expect(chatId).toMatch(/^19:meeting_[A-Za-z0-9]{48}@thread\.v2$/);

    for (const member of [IRO, socialWorker]) {
      const chat = await sandbox.raw(member, "GET", `/chats/${encodeURIComponent(chatId)}`);
      expect(chat.status).toBe(200);
      expect(chat.body).toMatchObject({ id: chatId, chatType: "meeting", onlineMeetingInfo: { calendarEventId: made.id, joinWebUrl: made.joinUrl, organizer: { userIdentityType: "aadUser" } } });
    }
    expect((await sandbox.raw(MANAGER, "GET", `/me/chats/${encodeURIComponent(chatId)}`)).status).toBe(403);
    expect((await sandbox.raw(IRO, "GET", `/chats/${encodeURIComponent("19:meeting_bm90LWEtbWVldGluZw@thread.v2")}`)).status).toBe(404);

    // The adapter and the use case, with nothing but the chat id Teams gives the panel.
    expect(await new GraphMeetingChats(sandbox.graph(socialWorker)).joinUrl(chatId)).toBe(made.joinUrl);
    const found = await bookingForMeeting(calendar, new GraphMeetingChats(sandbox.graph(IRO)), chatId, TODAY);
    expect(found?.id).toBe(made.id);
    expect(found?.caseRef).toBe("100077");
  });
});
