import { describe, expect, it } from "vitest";
import { MemoryDisputeStore } from "../../src/adapters/memory/memoryDisputeStore.js";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { escalateDispute, raiseFromMessage, resolveDispute, unresolvedRag } from "../../src/app/disputes.js";
import { recordRag } from "../../src/app/insertTemplate.js";
import { ragEntryFor } from "../../src/app/templateValues.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { workingCalendar } from "../../src/domain/calendar/workingCalendar.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import { DEFAULT_LADDER } from "../../src/domain/disputes/dispute.js";
import { ConflictError } from "../../src/ports/errors.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;
const england = workingCalendar("england");

describe("disputes from email, and RAG kept on the case", () => {
  it("raises linked to the email, escalates and resolves on the version read; a stale edit is refused, never overwritten", async () => {
    const store = new MemoryDisputeStore();
    const raised = await raiseFromMessage(store, { caseRef: "104233" as CaseRef, theme: "Placement", issue: "Placement ending", stage: 1, by: "sam", today, message: { internetMessageId: "<m1@x>", webLink: null } }, DEFAULT_LADDER);
    expect(raised.dispute).toMatchObject({ stage: 1, linkedMessage: { internetMessageId: "<m1@x>" } });
    const up = await escalateDispute(store, raised, "sam", today, DEFAULT_LADDER);
    expect(up.dispute.stage).toBe(2);
    await expect(resolveDispute(store, raised, "priya", today, "Agreed")).rejects.toBeInstanceOf(ConflictError);
    const done = await resolveDispute(store, up, "priya", today, "Agreed");
    expect(done.dispute.history.map((h) => [h.action, h.stage])).toEqual([["raised", 1], ["escalated", 2], ["resolved", 2]]);
  });

  it("records a RAG rating with its response date; an unanswered Red or Amber past that date is offered as a dispute", async () => {
    const cases = new MemoryCaseStore([lacChild("104233", "2025-06-02", ["2025-06-27"])]);
    const entry = ragEntryFor({ rating: "amber", concerns: "PEP overdue", actions: [{ action: "Update the PEP", owner: "Alfie", dueInWorkingDays: 5 }] }, today, england);
    expect(entry).toEqual({ date: today, rating: "amber", reason: "PEP overdue", respondBy: "2026-03-09", actions: [{ action: "Update the PEP", owner: "Alfie", due: "2026-03-09" }] });
    const stored = await cases.readCase("1");
    await cases.updateCase("1", stored.version, { ...stored.childCase, childName: "Changed by someone else" });
    const saved = await recordRag(cases, stored, entry);
    expect(saved.childCase.childName).toBe("Changed by someone else");
    expect(saved.childCase.rag).toHaveLength(1);
    expect(unresolvedRag([saved.childCase], [], "2026-03-09" as IsoDate)).toEqual([]);
    expect(unresolvedRag([saved.childCase], [], "2026-03-10" as IsoDate).map((c) => c.ref)).toEqual(["104233"]);
    const open = await new MemoryDisputeStore().createDispute({ id: "D", caseRef: "104233" as CaseRef, theme: "Education", issue: "x", status: "open", stage: 0, history: [{ at: today, by: "s", action: "raised", stage: 0 }], linkedMessage: null });
    expect(unresolvedRag([saved.childCase], [open], "2026-03-10" as IsoDate)).toEqual([]);
  });
});
