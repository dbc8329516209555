import { describe, expect, it } from "vitest";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { memoryDrafts } from "../../src/adapters/memory/memoryDrafts.js";
import { MemoryMail } from "../../src/adapters/memory/memoryMail.js";
import { awaitSending, confirmSentRatings, pendingRatings, RAG_TAG, type PendingRating } from "../../src/app/ragOnSend.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import { instant } from "../../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../../src/domain/calendar/workingCalendar.js";
import { lacChild } from "../fixtures/children.js";

const calendarFor = () => workingCalendar("england");
const red = (id: string, inserted: string): PendingRating => ({
  id,
  caseId: "1",
  ref: "104233" as CaseRef,
  nation: "england",
  rag: { rating: "red", concerns: "No permanence plan", actions: [{ action: "Permanence meeting", owner: "Team manager", dueInWorkingDays: 5 }] },
  inserted: instant(Date.parse(inserted)),
});

async function setUp() {
  const cases = new MemoryCaseStore([lacChild("104233", "2026-01-05", ["2026-01-29"])]);
  const mail = new MemoryMail();
  const drafts = memoryDrafts();
  const tags: Record<string, string> = {};
  const compose = { tag: async (name: string, value: string) => void (tags[name] = value) };
  const ragCount = async () => (await cases.readCase("1")).childCase.rag.length;
  return { cases, mail, drafts, tags, compose, ragCount };
}

describe("a RAG rating goes on the record when its email is sent", () => {
  it("inserting marks the email and keeps the rating on the device; nothing is written to the case", async () => {
    const { cases, mail, drafts, tags, compose, ragCount } = await setUp();
    const before = await ragCount();
    await awaitSending(compose, drafts, red("r1", "2026-03-02T10:00:00Z"));
    expect(tags).toEqual({ [RAG_TAG]: "r1" });
    expect(pendingRatings(drafts).map((p) => p.id)).toEqual(["r1"]);
    // The draft is discarded: it never reaches Sent Items, and the child's record is as it was.
    expect(await confirmSentRatings({ mail, cases, drafts }, calendarFor)).toMatchObject({ recorded: [], waiting: [{ id: "r1" }] });
    expect(await ragCount()).toBe(before);
  });

  it("once the email is in Sent Items, the rating is recorded dated the day it was sent, and forgotten on the device", async () => {
    const { cases, mail, drafts, compose, ragCount } = await setUp();
    const before = await ragCount();
    await awaitSending(compose, drafts, red("r1", "2026-03-02T10:00:00Z"));
    await awaitSending(compose, drafts, red("r2", "2026-03-02T11:00:00Z"));
    // Sent the next day (Tuesday): the response is due 5 working days after that.
    mail.sentItems.push({ id: "m1", sent: instant(Date.parse("2026-03-03T09:30:00Z")), customProperties: { [RAG_TAG]: "r1" } });
    mail.sentItems.push({ id: "m0", sent: instant(Date.parse("2026-03-03T09:00:00Z")), customProperties: {} });
    const outcome = await confirmSentRatings({ mail, cases, drafts }, calendarFor);
    expect(outcome.recorded).toEqual([{ ref: "104233", rating: "red", sentOn: "2026-03-03" }]);
    expect(outcome.waiting.map((p) => p.id)).toEqual(["r2"]);
    const rag = (await cases.readCase("1")).childCase.rag;
    expect(rag).toHaveLength(before + 1);
    expect(rag.at(-1)).toMatchObject({ date: "2026-03-03", rating: "red", reason: "No permanence plan", respondBy: "2026-03-10" });
    // Checked again: nothing recorded twice.
    expect((await confirmSentRatings({ mail, cases, drafts }, calendarFor)).recorded).toEqual([]);
    expect(await ragCount()).toBe(before + 1);
  });

  it("asks Graph nothing when no rating is waiting", async () => {
    const { cases, drafts } = await setUp();
    const mail = new MemoryMail();
    let asked = 0;
    mail.sentSince = async () => (asked++, []);
    await confirmSentRatings({ mail, cases, drafts }, calendarFor);
    expect(asked).toBe(0);
  });
});
