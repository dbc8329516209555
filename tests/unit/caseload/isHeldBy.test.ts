import { describe, expect, it } from "vitest";
import { holdersOf, isHeldBy } from "../../../src/domain/caseload/childCase.js";
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

  it("everyone who holds the child, each once, in lower case: exactly the people isHeldBy says hold them", () => {
    const both = { ...planned, iro: "Sam.Okafor@westmere.example" };
    const same = { ...planned, iro: "nadia.hussain@WESTMERE.example" };
    expect(holdersOf(child)).toEqual(["sam.okafor@westmere.example"]);
    expect(holdersOf(planned)).toEqual(["nadia.hussain@westmere.example"]);
    expect(holdersOf(both)).toEqual(["sam.okafor@westmere.example", "nadia.hussain@westmere.example"]);
    expect(holdersOf(same)).toEqual(["nadia.hussain@westmere.example"]);
    expect(holdersOf({ iro: null, cp: null })).toEqual([]);
    const people = ["sam.okafor@westmere.example", "nadia.hussain@westmere.example", "alfie.collins@westmere.example"];
    for (const c of [child, planned, both, same, { iro: null, cp: null }]) {
      for (const p of people) expect(holdersOf(c).includes(p), `${p} of ${c.iro}/${c.cp?.chair}`).toBe(isHeldBy(c, p));
    }
  });
});
