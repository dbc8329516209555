import { describe, expect, it } from "vitest";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { addToCase } from "../../src/app/addToCase.js";
import { NotFoundError } from "../../src/ports/errors.js";
import { lacChild } from "../fixtures/children.js";

describe("adding to a case someone else may be changing", () => {
  it("adds on the version read, or on the fresh version after a conflict, keeping the other person's change", async () => {
    const cases = new MemoryCaseStore([lacChild("104233", "2025-06-02", ["2025-06-27"])]);
    const read = await cases.readCase("1");
    const first = await addToCase(cases, read, (c) => ({ ...c, iro: "sam.okafor@westmere.example" }));
    expect(first.version).toBe("v2");
    // `read` is now stale: the addition is made again on v2, not written over it.
    const second = await addToCase(cases, read, (c) => ({ ...c, socialWorker: "alfie.collins@westmere.example" }));
    expect(second.version).toBe("v3");
    expect(second.childCase.iro).toBe("sam.okafor@westmere.example");
    expect(second.childCase.socialWorker).toBe("alfie.collins@westmere.example");
  });

  it("does not retry other failures: a case that has gone is reported as it is", async () => {
    const cases = new MemoryCaseStore();
    const ghost = { id: "9", version: "v1", childCase: lacChild("104233", "2025-06-02", []) };
    await expect(addToCase(cases, ghost, (c) => c)).rejects.toBeInstanceOf(NotFoundError);
  });
});
