import { describe, expect, it } from "vitest";
import { ragProblems } from "../../../src/domain/rag/ragProblems.js";

describe("what a RAG rating needs before it goes out", () => {
  it("an Amber or Red rating names its concern and carries at least one action with an owner", () => {
    expect(ragProblems("amber", "", []).map((p) => p.field)).toEqual(["concerns", "actions"]);
    expect(ragProblems("red", "No permanence plan", [{ action: "  ", owner: "SW" }]).map((p) => p.message)).toEqual([
      "Add at least one action with its owner: a Red rating's response date is counted from its actions.",
    ]);
    expect(ragProblems("red", "No permanence plan", [{ action: "Permanence meeting", owner: "" }]).map((p) => p.message)).toEqual(["Give every action an owner."]);
    expect(ragProblems("amber", "PEP overdue", [{ action: "Update the PEP", owner: "Designated teacher" }])).toEqual([]);
  });

  it("a Green rating needs neither", () => {
    expect(ragProblems("green", "", [])).toEqual([]);
  });
});
