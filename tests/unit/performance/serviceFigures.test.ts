import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import type { ChildCase } from "../../../src/domain/caseload/childCase.js";
import { childrenBehind, countWords, percent, type Figure } from "../../../src/domain/performance/figure.js";
import { reportingYear } from "../../../src/domain/performance/reportingPeriod.js";
import { serviceFigures } from "../../../src/domain/performance/serviceFigures.js";
import { lacChild, review } from "../../fixtures/children.js";
import { A, B, C, D, SMALL_SERVICE } from "../../fixtures/smallService.js";
import { options } from "../timescales/testCases.js";

const d = (s: string) => s as IsoDate;

const figures = serviceFigures({
  ...SMALL_SERVICE,
  period: reportingYear(d("2025-11-25")),
  options,
});
const figure = (id: string) => figures.find((f) => f.id === id)!;
const rows = (f: Figure) => f.rows.map((r) => [r.label, r.value, r.of ?? null, [...r.children].sort()]);

describe("service figures for a hand-counted service", () => {
  it("reviews in timescale, first / second / subsequent, counting both periods of care of a child who came back", () => {
    expect(rows(figure("lac-reviews-in-timescale"))).toEqual([
      ["All reviews in timescale", 3, 5, ["1", "2"]],
      ["First reviews in timescale", 2, 3, ["1", "2"]],
      ["Second reviews in timescale", 0, 1, []],
      ["Subsequent reviews in timescale", 1, 1, ["1"]],
    ]);
    expect(percent(figure("lac-reviews-in-timescale").rows[0]!)).toBe(60);
  });

  it("ICPCs within 15 working days, in the census's bands", () => {
    expect(rows(figure("icpc-in-timescale"))).toEqual([
      ["Within 15 working days", 1, 2, ["3"]],
      ["0–10 working days", 0, 2, []],
      ["11–15 working days", 1, 2, ["3"]],
      ["16–20 working days", 1, 2, ["4"]],
      ["21 or more working days", 0, 2, []],
      ["Pre-birth conferences within 15 working days", 0, 0, []],
      ["By the due-by date from the strategy discussion that initiated the s.47 enquiry", 1, 2, ["3"]],
    ]);
    expect(rows(figure("rcpc-in-timescale"))[0]).toEqual(["All review conferences in timescale", 1, 1, ["3"]]);
  });

  it("participation: the rate leaves out children under 4 (PN0)", () => {
    const f = figure("participation");
    expect(f.rows[0]).toEqual({ label: "Participation rate", value: 2, of: 3, counted: "reviews", children: ["1"] });
    expect(f.rows.find((r) => r.label.startsWith("PN0"))).toMatchObject({ value: 2, of: 5, children: ["2"] });
    expect(f.rows.find((r) => r.label.startsWith("PN7"))).toMatchObject({ value: 1, of: 5 });
  });

  it("seen before the review, of those recorded", () => {
    expect(rows(figure("seen-before-review"))).toEqual([["Seen before the review", 2, 3, ["1"]]]);
  });

  it("RAG: the latest rating and its change", () => {
    const f = figure("rag");
    expect(f.rows.map((r) => [r.label, r.value, r.of])).toEqual([
      ["Red", 0, 1], ["Amber", 0, 1], ["Green", 1, 1],
      ["Better than the rating before", 1, 1], ["Same as the rating before", 0, 1], ["Worse than the rating before", 0, 1],
    ]);
  });

  it("disputes raised, resolved by stage, open, by theme", () => {
    const f = figure("disputes");
    expect(f.rows.find((r) => r.label === "Raised")?.value).toBe(2);
    expect(f.rows.find((r) => r.label === "Resolved at stage 2: Team manager")).toMatchObject({ value: 1, of: 1, children: ["1"] });
    expect(f.rows.find((r) => r.label === "Open at the end of the period")).toMatchObject({ value: 1, children: ["2"] });
    expect(f.rows.filter((r) => r.label.startsWith("Theme:")).map((r) => [r.label, r.value])).toEqual([["Theme: Contact", 1], ["Theme: Placement", 1]]);
  });

  it("caseload per IRO FTE, and why reviews were late", () => {
    expect(figure("caseload").rows.map((r) => [r.label, r.value, r.counted])).toEqual([
      ["All IROs (4 children at 1.5 FTE)", 2.7, "children per FTE"],
      ["Sam Okafor (2 children at 1 FTE)", 2, "children per FTE"],
      ["Nadia Hussain (2 children at 0.5 FTE)", 4, "children per FTE"],
    ]);
    expect(figure("caseload").title).toBe("Caseload per IRO FTE, against the guidance of 50–70");
    expect(rows(figure("late-reasons"))).toEqual([
      ["Chair unavailable", 1, 3, ["1"]],
      ["No reason recorded", 2, 3, ["2", "4"]],
    ]);
  });

  it("children on the register at the end of the period", () => {
    expect(rows(figure("on-register"))).toEqual([["Looked after", 2, null, ["1", "2"]], ["On a child protection plan", 2, null, ["3", "4"]], ["Both looked after and on a plan", 0, null, []]]);
    // On 30/06/2025 B was in the earlier period of care that ended 01/07/2025.
    const june = serviceFigures({ children: [A, B, C, D], disputes: [], staff: [], period: { from: d("2025-04-01"), to: d("2025-06-30"), label: "Q1" }, options });
    expect(rows(june.find((f) => f.id === "on-register")!)).toEqual([["Looked after", 2, null, ["1", "2"]], ["On a child protection plan", 1, null, ["3"]], ["Both looked after and on a plan", 0, null, []]]);
  });

  it("children by age band and legal status at the end of the period", () => {
    // A born 01/05/2015 is 10 on 31/03/2026; B born 01/01/2023 is 3; C and D (born 01/05/2015) are 10.
    expect(rows(figure("children-by-age")).filter((r) => r[1] !== 0)).toEqual([
      ["Looked after, aged 1 to 4", 1, 2, ["2"]],
      ["Looked after, aged 10 to 15", 1, 2, ["1"]],
      ["On a plan, aged 10 to 15", 2, 2, ["3", "4"]],
    ]);
    expect(rows(figure("lac-by-legal-status"))).toEqual([["C2 Full care order", 2, 2, ["1", "2"]]]);
  });

  it("disputes: time to resolve in working days, within the Handbook's 20, and Cafcass referrals", () => {
    // Raised 01/06/2025 (a Sunday), resolved 20/06/2025: 15 working days.
    expect(rows(figure("dispute-resolution"))).toEqual([
      ["Resolved within 20 working days", 1, 1, ["1"]],
      ["Median time to resolve", 15, null, ["1"]],
      ["Referred to Cafcass", 0, null, []],
    ]);
  });

  it("each line says what it counts: a line of children has as many children behind it as its value; a line of reviews may have fewer", () => {
    for (const f of figures) {
      for (const r of f.rows) {
        if (r.counted === "children") expect(r.children.length, `${f.id}: ${r.label}`).toBe(r.value);
        else if (r.counted !== "children per FTE" && r.counted !== "working days") expect(r.children.length, `${f.id}: ${r.label}`).toBeLessThanOrEqual(r.value);
      }
    }
    const all = figure("lac-reviews-in-timescale").rows[0]!;
    expect([countWords(all.value, all.counted), childrenBehind(all)]).toEqual(["3 reviews", "3 reviews of 2 children"]);
  });
});

/**
 * The other tracks, counted by hand (2025–26), with the service's default settings:
 * E: strategy discussion Mon 01/09/2025 named as the s.47 one, but the enquiry started Wed 03/09; ICPC
 *   Wed 24/09. From the discussion (the service's anchor) 17 working days, late; from the s.47 start
 *   (the census) 15, within 15 and in the 11–15 band.
 * F: unborn; strategy discussion Mon 06/10/2025, pre-birth conference Fri 24/10 (14 working days).
 * G: moved in on another authority's plan: notice Mon 01/12/2025, transfer-in conference Fri 19/12
 *   (14 working days, within the 15).
 * H: placed for adoption Mon 02/06/2025: review 1 Fri 27/06 (due 30/06, 4 weeks: in time), review 2
 *   Fri 10/10 (due 27/09, 3 months: late).
 * J: placed in secure accommodation Mon 03/11/2025: review 1 Fri 05/12 (due 03/12, a month: late).
 */
describe("service figures for the other tracks", () => {
  const cp = (ref: string, plan: Partial<NonNullable<ChildCase["cp"]>>): ChildCase =>
    lacChild(ref, "2025-01-01", [], { lac: null, cp: { chair: "nadia.hussain@westmere.example", strategyDiscussions: [], icpc: null, category: "Neglect", reviews: [], ended: null, ...plan } });
  const E = cp("E", { strategyDiscussions: [d("2025-09-01")], s47Discussion: d("2025-09-01"), s47Start: d("2025-09-03"), icpc: d("2025-09-24") });
  const F = cp("F", { strategyDiscussions: [d("2025-10-06")], preBirth: true, icpc: d("2025-10-24") });
  const G = cp("G", { transferIn: d("2025-12-01"), icpc: d("2025-12-19") });
  const H = lacChild("H", "2024-03-04", [], { adoption: { placed: d("2025-06-02"), reviews: [review("2025-06-27", { participation: "PN1" }), review("2025-10-10", { participation: "PN2", seenBeforeReview: true })], ended: null } });
  const J = lacChild("J", "2024-03-04", [], { secure: { placed: d("2025-11-03"), reviews: [review("2025-12-05")], ended: null } });
  const other = serviceFigures({ children: [E, F, G, H, J], disputes: [], staff: [], period: reportingYear(d("2025-11-25")), options });
  const of = (id: string) => rows(other.find((f) => f.id === id)!);

  it("ICPCs from the s.47 start as the census counts them; pre-birth conferences on their own line; the service's due-by date apart", () => {
    expect(of("icpc-in-timescale")).toEqual([
      ["Within 15 working days", 2, 2, ["E", "F"]],
      ["0–10 working days", 0, 2, []],
      ["11–15 working days", 2, 2, ["E", "F"]],
      ["16–20 working days", 0, 2, []],
      ["21 or more working days", 0, 2, []],
      ["Pre-birth conferences within 15 working days", 1, 1, ["F"]],
      ["By the due-by date from the strategy discussion that initiated the s.47 enquiry", 1, 2, ["F"]],
    ]);
  });

  it("transfer-in conferences against the service's working days from the notice, not among the ICPCs", () => {
    expect(of("transfer-in-in-timescale")).toEqual([["Within 15 working days of the notice", 1, 1, ["G"]]]);
  });

  it("adoption and secure accommodation reviews against their own timescales; adoption reviews count in participation", () => {
    expect(of("placement-reviews-in-timescale")).toEqual([
      ["Adoption reviews in timescale", 1, 2, ["H"]],
      ["First adoption reviews in timescale", 1, 1, ["H"]],
      ["Secure accommodation reviews in timescale", 0, 1, []],
    ]);
    expect(of("participation")[0]).toEqual(["Participation rate", 2, 2, ["H"]]);
    expect(of("seen-before-review")).toEqual([["Seen before the review", 1, 1, ["H"]]]);
  });
});
