import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { iroLoad } from "../../../src/domain/caseload/iroLoad.js";
import { lacChild } from "../../fixtures/children.js";

const IRO = "claire.dunmore@westmere.example";
const lac = (n: number) => Array.from({ length: n }, (_, i) => lacChild(String(1000 + i), "2025-01-06", [], { iro: IRO }));
const cp = (ref: string, base = lacChild(ref, "2025-01-06", [], { lac: null })) => ({ ...base, cp: { chair: IRO, strategyDiscussions: ["2025-01-06" as IsoDate], icpc: "2025-01-20" as IsoDate, category: null, reviews: [], ended: null } });

describe("an IRO's load against the 50–70 guidance", () => {
  it("a 0.6 FTE IRO with 38 looked after children and 6 plans (2 of them the same children) counts 42: within 30–42", () => {
    const children = lac(38);
    const both = [cp("1000", children[0]), cp("1001", children[1])];
    const all = [...children.slice(2), ...both, cp("2000"), cp("2001"), cp("2002"), cp("2003")];
    expect(iroLoad(all, IRO, 0.6)).toEqual({ iro: IRO, fte: 0.6, lac: 38, cp: 6, counted: 42, perFte: 70, band: { min: 30, max: 42 }, position: "within" });
    expect(iroLoad(all, IRO, 0.6, "each-episode")).toMatchObject({ counted: 44, position: "above" });
  });

  it("closed episodes and other IROs' children do not count; the band scales with FTE", () => {
    const children = [...lac(10), lacChild("9", "2025-01-06", [], { iro: "someone.else@westmere.example" })];
    const closed = { ...children[0]!, lac: { ...children[0]!.lac!, ended: "2025-06-01" as IsoDate } };
    expect(iroLoad([closed, ...children.slice(1)], IRO, 1)).toMatchObject({ lac: 9, counted: 9, band: { min: 50, max: 70 }, position: "below" });
    expect(iroLoad(lac(75), IRO.toUpperCase(), 1).position).toBe("above");
  });
});

describe("choosing a CP chair for an ICPC by capacity", () => {
  it("puts the chair with most room first, those above the band last", async () => {
    const { chairsByCapacity } = await import("../../../src/domain/caseload/chairsByCapacity.js");
    const staff = [
      { upn: "busy@x.example", name: "Busy", fte: 1, cpChair: true },
      { upn: "light@x.example", name: "Light", fte: 1, cpChair: true },
      { upn: "part@x.example", name: "Part", fte: 0.5, cpChair: true },
      { upn: "iro@x.example", name: "Not a chair", fte: 1 },
    ];
    const children = [
      ...Array.from({ length: 75 }, (_, i) => lacChild(String(3000 + i), "2025-01-06", [], { iro: "busy@x.example" })),
      ...Array.from({ length: 55 }, (_, i) => lacChild(String(4000 + i), "2025-01-06", [], { iro: "light@x.example" })),
      ...Array.from({ length: 30 }, (_, i) => lacChild(String(5000 + i), "2025-01-06", [], { iro: "part@x.example" })),
    ];
    expect(chairsByCapacity(children, staff).map((c) => [c.member.name, c.load.perFte, c.load.position])).toEqual([
      ["Light", 55, "within"],
      ["Part", 60, "within"],
      ["Busy", 75, "above"],
    ]);
  });
});
