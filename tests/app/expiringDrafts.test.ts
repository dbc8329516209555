import { describe, expect, it } from "vitest";
import { memoryDrafts } from "../../src/adapters/memory/memoryDrafts.js";
import { expiringDrafts } from "../../src/app/expiringDrafts.js";
import { instant } from "../../src/domain/calendar/londonTime.js";

const DAY = 86_400_000;
const start = Date.UTC(2026, 2, 2, 14, 0);

describe("drafts kept on a device", () => {
  it("a draft untouched for longer than the service allows is gone; one typed in since is kept", () => {
    const store = memoryDrafts();
    let now = start;
    const drafts = expiringDrafts(store, () => instant(now), 14);
    drafts.save("draft:meeting-1:104233", { notes: "Placement stable" });
    drafts.save("draft:meeting-2:104234", { notes: "Contact" });
    now = start + 13 * DAY;
    drafts.save("draft:meeting-2:104234", { notes: "Contact weekly" });
    expect(drafts.load("draft:meeting-1:104233")).toEqual({ notes: "Placement stable" });
    now = start + 14 * DAY + 1;
    expect(drafts.load("draft:meeting-1:104233")).toBeNull();
    expect(store.keys()).toEqual(["draft:meeting-2:104234"]);
    expect(drafts.load("draft:meeting-2:104234")).toEqual({ notes: "Contact weekly" });
  });

  it("sweep deletes every expired draft at once, and anything kept without a date (an earlier release's)", () => {
    const store = memoryDrafts();
    store.save("meeting:old", "104233");
    let now = start;
    const drafts = expiringDrafts(store, () => instant(now), 7);
    drafts.save("draft:a", 1);
    now = start + 3 * DAY;
    drafts.save("draft:b", 2);
    now = start + 8 * DAY;
    expect(drafts.sweep()).toBe(2);
    expect(store.keys()).toEqual(["draft:b"]);
    expect(drafts.keys()).toEqual(["draft:b"]);
  });
});
