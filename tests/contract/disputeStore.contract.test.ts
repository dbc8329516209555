import { describe, expect, it } from "vitest";
import { GraphDisputeStore } from "../../src/adapters/graph/graphDisputeStore.js";
import { escalateDispute, resolveDispute } from "../../src/app/disputes.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { DEFAULT_LADDER } from "../../src/domain/disputes/dispute.js";
import { ConflictError } from "../../src/ports/errors.js";
import { DEMO_SITE, DISPUTES_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { IRO, MANAGER, TODAY, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
const store = (upn: string, retry?: Parameters<typeof sandbox.graph>[1]) => new GraphDisputeStore(sandbox.graph(upn, retry), { site: DEMO_SITE, list: DISPUTES_LIST });

describe("DisputeStore port against the sandbox (GraphDisputeStore)", () => {
  it("an escalation whose answer was lost is retried; its own 412 is recognised as saved, not as someone else's change", async () => {
    const s = store(IRO, { maxAttempts: 3, timeoutMs: 1_500, maxDelayMs: 1_000 });
    const [open] = (await s.readDisputes()).filter((d) => d.dispute.status === "open");
    sandbox.faults.set([{ kind: "hang", count: 1, method: "PATCH", hangMs: 6_000 }]);
    try {
      const saved = await escalateDispute(s, open!, IRO, TODAY, DEFAULT_LADDER);
      expect(saved.dispute.stage).toBe(open!.dispute.stage + 1);
      expect(saved.version).not.toBe(open!.version);
    } finally {
      sandbox.faults.set([]);
    }
    const stored = (await s.readDisputes()).find((d) => d.id === open!.id)!;
    expect(stored.dispute.history).toHaveLength(open!.dispute.history.length + 1);
  });

  it("someone else's change in between is still refused, and nothing is overwritten", async () => {
    const mine = store(IRO);
    const theirs = store(MANAGER);
    const [, second] = (await mine.readDisputes()).filter((d) => d.dispute.status === "open");
    const theirCopy = (await theirs.readDisputes()).find((d) => d.id === second!.id)!;
    await resolveDispute(theirs, theirCopy, MANAGER, "2026-03-03" as IsoDate, "Agreed at the meeting");
    await expect(escalateDispute(mine, second!, IRO, TODAY, DEFAULT_LADDER)).rejects.toBeInstanceOf(ConflictError);
    const stored = (await mine.readDisputes()).find((d) => d.id === second!.id)!;
    expect(stored.dispute.status).toBe("resolved");
  });
});
