import { describe, expect, it } from "vitest";
import { parseCaseRef } from "../../../src/domain/caseload/caseRef.js";

describe("case references", () => {
  it("are 1–40 letters, digits, spaces, - _ / or ., starting with a letter or digit, read trimmed", () => {
    expect(parseCaseRef("900001")).toBe("900001");
    expect(parseCaseRef("  LAC/2026-01_a.b c  ")).toBe("LAC/2026-01_a.b c");
    expect(parseCaseRef("a".repeat(40))).toBe("a".repeat(40));
    expect(parseCaseRef("a".repeat(41))).toBeUndefined();
    for (const bad of ["", "   ", "-1", "_a", ".a", "/a", "a,b", "a\"b", "a\tb", "Åsa", "a+b", "a<b"]) expect(parseCaseRef(bad), bad).toBeUndefined();
  });
});
