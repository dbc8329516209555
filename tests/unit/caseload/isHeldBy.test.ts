import { describe, expect, it } from "vitest";
import { isHeldBy } from "../../../src/domain/caseload/childCase.js";
import { lacChild } from "../../fixtures/children.js";

describe("whether a person holds a child", () => {
  const child = lacChild("100001", "2025-06-02", [], { iro: "Sam.Okafor@westmere.example" });
  const planned = { ...child, iro: null, cp: { ...({} as NonNullable<typeof child.cp>), chair: "NADIA.HUSSAIN@westmere.example" } };

  it("their IRO, or the chair of their CP plan, whatever the case of the register's address", () => {
    expect(isHeldBy(child, "sam.okafor@westmere.example")).toBe(true);
    expect(isHeldBy(planned, "nadia.hussain@westmere.example")).toBe(true);
  });

  it("nobody else: the social worker is not the holder, and a child with no IRO and no plan is nobody's", () => {
    expect(isHeldBy(child, "alfie.collins@westmere.example")).toBe(false);
    expect(isHeldBy(planned, "sam.okafor@westmere.example")).toBe(false);
    expect(isHeldBy({ iro: null, cp: null }, "sam.okafor@westmere.example")).toBe(false);
  });

  it("uses the lower-casing it is given (remembered per address over a large register)", () => {
    const seen: string[] = [];
    expect(isHeldBy(child, "sam.okafor@westmere.example", (a) => (seen.push(a), a.toLowerCase()))).toBe(true);
    expect(seen).toEqual(["Sam.Okafor@westmere.example"]);
  });
});
