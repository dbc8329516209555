import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import type { CaseRef } from "../../../src/domain/caseload/caseRef.js";
import { iroLoad, iroLoads, loadPosition, loadWords, perFteWords, serviceLoad } from "../../../src/domain/caseload/iroLoad.js";
import { lacChild } from "../../fixtures/children.js";

const IRO = "claire.dunmore@westmere.example";
const TODAY = "2026-03-02" as IsoDate;
const STAFF = [{ upn: IRO, name: "Claire Dunmore", fte: 0.6 }];
const lac = (n: number, iro = IRO) => Array.from({ length: n }, (_, i) => lacChild(String(1000 + i), "2025-01-06", [], { iro }));
const cp = (ref: string, base = lacChild(ref, "2025-01-06", [], { lac: null })) => ({ ...base, cp: { chair: IRO, strategyDiscussions: ["2025-01-06" as IsoDate], icpc: "2025-01-20" as IsoDate, category: null, reviews: [], ended: null } });

describe("an IRO's load: children per FTE against 50–70 per full-time IRO", () => {
  it("a 0.6 FTE IRO with 38 looked after children and 6 plans (2 of them the same children) counts 42: 70 per FTE, within 50–70", () => {
    const children = lac(38);
    const both = [cp("1000", children[0]), cp("1001", children[1])];
    const all = [...children.slice(2), ...both, cp("2000"), cp("2001"), cp("2002"), cp("2003")];
    expect(iroLoad(all, IRO, STAFF, TODAY)).toMatchObject({ iro: IRO, fte: 0.6, lac: 38, cp: 6, counted: 42, perFte: 70, position: "within" });
    expect(iroLoad(all, IRO, STAFF, TODAY).children).toHaveLength(42);
    expect(iroLoad(all, IRO, STAFF, TODAY, "each-episode")).toMatchObject({ counted: 44, perFte: 73.3, position: "above" });
  });

  it("says one thing in one way: per FTE against 50–70, never a band scaled to 30–42", () => {
    const load = iroLoad(lac(46), IRO, STAFF, TODAY);
    expect(loadWords(load)).toBe("46 children (46 looked after, 0 on CP plans; a child on both counts once) at 0.6 FTE: 76.7 per FTE, above the guidance of 50–70 per full-time IRO.");
    expect(perFteWords(load)).toBe("76.7 per FTE, above 50–70");
    expect(loadWords(load)).not.toMatch(/30–42/);
  });

  it("an IRO missing from the staff settings is not taken to be full time: there is no per-FTE figure, and the words say why", () => {
    const load = iroLoad(lac(46), IRO, [], TODAY);
    expect(load).toMatchObject({ fte: null, counted: 46, perFte: null, position: null });
    expect(loadWords(load)).toBe("46 children (46 looked after, 0 on CP plans; a child on both counts once). The FTE is not in the service's staff settings, so there is no figure per FTE to set against the guidance of 50–70.");
  });

  it("counts children open on the day: not those who left care, not those not yet in care, not other IROs'", () => {
    const children = [...lac(10), lacChild("9", "2025-01-06", [], { iro: "someone.else@westmere.example" })];
    const left = { ...children[0]!, lac: { ...children[0]!.lac!, ended: "2025-06-01" as IsoDate } };
    const notYet = lacChild("8", "2026-03-03", [], { iro: IRO });
    const staff = [{ upn: IRO, name: "C", fte: 1 }];
    expect(iroLoad([left, notYet, ...children.slice(1)], IRO, staff, TODAY)).toMatchObject({ lac: 9, counted: 9, perFte: 9, position: "below" });
    expect(iroLoad([left, ...children.slice(1)], IRO, staff, "2025-05-31" as IsoDate).lac).toBe(10);
    expect(iroLoad(lac(75), IRO.toUpperCase(), staff, TODAY).position).toBe("above");
  });

  it("the position is read from the number shown: 70.0 is within, 70.1 above", () => {
    expect([loadPosition(49.9), loadPosition(50), loadPosition(70), loadPosition(70.1)]).toEqual(["below", "within", "within", "above"]);
  });

  it("every IRO's load in one pass is each IRO's load: addresses in any case, a plan chaired by another IRO, a plan without a chair, children who left", () => {
    const SAM = "sam.okafor@westmere.example";
    const staff = [{ upn: IRO, name: "C", fte: 0.6 }, { upn: "Sam.Okafor@Westmere.example", name: "S", fte: 1 }, { upn: "nobody@westmere.example", name: "N", fte: 0.5 }];
    const mine = lac(12);
    const samsPlans = [cp("1000", mine[0]), cp("1001", mine[1])].map((c) => ({ ...c, cp: { ...c.cp, chair: SAM.toUpperCase() } }));
    const unchaired = { ...cp("3000", lacChild("3000", "2025-01-06", [], { iro: SAM })), cp: { ...cp("3000").cp, chair: null } };
    const left = { ...lac(1, SAM)[0]!, ref: "4000" as CaseRef, lac: { ...lac(1)[0]!.lac!, ended: "2025-06-01" as IsoDate } };
    const children = [...samsPlans, ...mine.slice(2), ...lac(5, IRO.toUpperCase()).map((c, i) => ({ ...c, ref: `U${i}` as CaseRef })), ...lac(7, SAM).map((c, i) => ({ ...c, ref: `S${i}` as CaseRef })), unchaired, left, cp("2000")];
    const each = staff.map((s) => iroLoad(children, s.upn, staff, TODAY));
    expect(iroLoads(children, staff, TODAY)).toEqual(each);
    expect(each.map((l) => [l.lac, l.cp, l.counted])).toEqual([[17, 1, 18], [8, 3, 10], [0, 0, 0]]);
    expect(iroLoads(children, staff, TODAY, "each-episode")).toEqual(staff.map((s) => iroLoad(children, s.upn, staff, TODAY, "each-episode")));
  });

  it("the whole service: every IRO's children over their FTE added up", () => {
    const staff = [{ upn: IRO, name: "C", fte: 0.6 }, { upn: "sam.okafor@westmere.example", name: "S", fte: 1 }];
    const children = [...lac(46), ...lac(30, "sam.okafor@westmere.example").map((c, i) => ({ ...c, ref: `S${i}` as typeof c.ref }))];
    expect(serviceLoad(children, staff, TODAY)).toMatchObject({ fte: 1.6, counted: 76, perFte: 47.5, position: "below" });
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
    expect(chairsByCapacity(children, staff, TODAY).map((c) => [c.member.name, c.load.perFte, c.load.position])).toEqual([
      ["Light", 55, "within"],
      ["Part", 60, "within"],
      ["Busy", 75, "above"],
    ]);
  });
});
