import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAllocation, importCpPlans } from "../../src/app/import/cpPlans.js";
import { allocate, joinByRef, planImport } from "../../src/app/import/planImport.js";
import { importSsda903, readSsda903, type Ssda903Files } from "../../src/app/import/ssda903.js";
import { JsonBytes } from "../../src/app/jsonBytes.js";
import { problemCounts } from "../../src/app/import/importProblem.js";
import { assessChild } from "../../src/domain/caseload/assessChild.js";
import { options } from "../unit/timescales/testCases.js";

const file = (name: string) => ({ name, text: readFileSync(`tests/fixtures/ssda903/${name}`, "utf8") });
const result = importSsda903({ header: file("header.csv"), episodes: file("episodes.csv"), reviews: file("reviews.csv") });
const problems = (f: string) => result.problems.filter((p) => p.file === f).map((p) => [p.row, p.column, p.rule, p.reason]);

describe("importing the SSDA903 return", () => {
  it("reports every bad header and episode row with file, row, column and reason", () => {
    expect(problems("header.csv")).toEqual([[5, "DOB", "102", '"31/02/2011" is not a real date (dd/mm/yyyy)']]);
    expect(problems("episodes.csv")).toEqual([
      [7, "LS", "144", '"Z9" is not a legal status code'],
      [8, "RNE", "143", '"Q" is not a reason for a new episode (S, L, P, T, U, B)'],
      [9, "DECOM", "IRO-DUPLICATE", "child 1001 already has an episode starting 07/04/2025"],
    ]);
  });

  it("reports every bad review row: duplicate, before the episode, impossible date, unknown code, PN0 against age, short breaks only, unknown child", () => {
    expect(problems("reviews.csv")).toEqual([
      [4, "REVIEW", "IRO-DUPLICATE", "child 1001 already has a review on 20/08/2025"],
      [7, "REVIEW", "IRO-OUTSIDE-CARE", "the review (01/09/2025) is not inside any period of care"],
      [8, "CHILD", "399", "child 1003 is only ever on short breaks (V3/V4): the return should have no reviews for them"],
      [9, "REVIEW", "IRO-OUTSIDE-CARE", "the review (01/03/2025) is before the child's first episode (07/04/2025)"],
      [10, "REVIEW", "166", '"30/02/2026" is not a real date (dd/mm/yyyy)'],
      [11, "REVIEW_CODE", "167", '"PN9" is not a participation code (PN0–PN7)'],
      [12, "REVIEW_CODE", "440", "PN0 is for children under 4; the child was 13 on 11/02/2026"],
      [13, "REVIEW_CODE", "441", "the child was under 4 on 12/11/2025: the code should be PN0, not PN1"],
      [14, "CHILD", "IRO-NO-EPISODES", "child 9999 has no episodes in the episodes file"],
    ]);
  });

  it("keeps the good rows: a continuous period across a placement change, and a child who left and came back", () => {
    const byRef = new Map(result.children.map((c) => [c.ref, c]));
    const a = byRef.get("1001" as never)!;
    expect(a.lac).toMatchObject({ periodStart: "2025-04-07", ended: null, legalStatus: "C2", shortBreaks: false, earlierPeriods: [] });
    expect(a.lac!.reviews.map((r) => [r.held, r.participation])).toEqual([["2025-05-01", "PN1"], ["2025-08-20", "PN7"]]);
    const b = byRef.get("1002" as never)!;
    expect(b.lac!.periodStart).toBe("2025-10-06");
    expect(b.lac!.earlierPeriods).toEqual([{ periodStart: "2025-04-14", ended: "2025-07-01", shortBreaks: false, reviews: [{ held: "2025-05-09", participation: "PN0" }] }]);
    expect(b.lac!.reviews).toEqual([{ held: "2025-11-10", participation: "PN0" }]);
    expect(byRef.get("1003" as never)!.lac).toMatchObject({ shortBreaks: true, reviews: [] });
    expect(result.rows).toEqual({ episodes: 8, reviews: 13, kept: { episodes: 5, reviews: 4 } });
  });

  it("writes each child as the return made it exactly as JSON.stringify does (earlier periods, an end, short breaks, no reviews)", () => {
    const shapes = new Set(result.children.map((c) => `${c.lac!.earlierPeriods.length > 0} ${c.lac!.ended !== null} ${c.lac!.shortBreaks} ${c.lac!.reviews.length > 0}`));
    // The fixture has children of every kind the JSON could differ for.
    expect(shapes.size).toBeGreaterThanOrEqual(3);
    expect([...shapes].some((s) => s.startsWith("true"))).toBe(true);
    // What the reader writes as bytes, as text, for each child it keeps, beside JSON.stringify of the same child.
    const jsonOfEach = (files: Ssda903Files) => {
      const reader = readSsda903(files, () => undefined);
      const out = new JsonBytes();
      return [...reader.kept()].map((kept) => {
        out.clear();
        reader.childJson(kept, out);
        return [new TextDecoder().decode(out.view()), JSON.stringify(reader.childCase(kept))];
      });
    };
    const fixture = jsonOfEach({ header: file("header.csv"), episodes: file("episodes.csv"), reviews: file("reviews.csv") });
    expect(fixture.map(([json]) => JSON.parse(json!))).toEqual(result.children);
    for (const [json, stringified] of fixture) expect(json).toBe(stringified);
    // A period that has ended, and reviews listed out of date order (kept in date order).
    const endedFiles = {
      header: { name: "h.csv", text: "CHILD,DOB\n2001,01/02/2015\n" },
      episodes: { name: "e.csv", text: "CHILD,DECOM,RNE,LS,DEC,REC\n2001,01/03/2025,S,C2,30/09/2025,E11\n" },
      reviews: { name: "r.csv", text: "CHILD,REVIEW,REVIEW_CODE\n2001,01/09/2025,PN2\n2001,20/03/2025,PN1\n" },
    };
    const ended = importSsda903(endedFiles).children[0]!;
    expect(ended.lac).toMatchObject({ ended: "2025-09-30", reviews: [{ held: "2025-03-20" }, { held: "2025-09-01" }] });
    expect(jsonOfEach(endedFiles)).toEqual([[JSON.stringify(ended), JSON.stringify(ended)]]);
  });

  it("reports every rule a row breaks, each with its DfE number, and counts them per rule", () => {
    const episodes = { name: "e.csv", text: "CHILD,DECOM,RNE,LS,DEC,REC\n10,01/05/2025,S,V3,05/05/2025,X1\n11,31/04/2025,Q,Z9,01/04/2025,E99\n12,01/05/2025,S,C2,02/04/2025,\n13,01/05/2025,S,C2,,\n" };
    const reviews = {
      name: "r.csv",
      // 10: PN0 at 15 for a child only on short breaks (440 and 399); 13: a blank date and a bad code (166, 167); 13: PN3 at 2 (441).
      text: "CHILD,DOB,REVIEW,REVIEW_CODE\n10,01/01/2010,03/05/2025,PN0\n13,01/01/2010,,PN8\n13,01/01/2023,20/05/2025,PN3\n",
    };
    const got = importSsda903({ episodes, reviews });
    expect(got.problems.map((p) => [p.file, p.row, p.rule])).toEqual([
      ["e.csv", 3, "141"], ["e.csv", 3, "143"], ["e.csv", 3, "144"], ["e.csv", 3, "149"],
      ["e.csv", 4, "148"], ["e.csv", 4, "356"],
      ["r.csv", 2, "440"], ["r.csv", 2, "399"],
      ["r.csv", 3, "166"], ["r.csv", 3, "167"],
      ["r.csv", 4, "441"],
    ]);
    expect(problemCounts(got.problems).slice(0, 3)).toEqual([
      { rule: "141", title: "Date episode began is not a valid date.", count: 1 },
      { rule: "143", title: "The reason for new episode code is not a valid code.", count: 1 },
      { rule: "144", title: "The legal status code is not a valid code.", count: 1 },
    ]);
    // Only good rows are kept: child 13's review of 20/05/2025 broke 441 and is left out.
    expect(got.children.map((c) => [c.ref, c.lac?.reviews.length])).toEqual([["10", 0], ["13", 0]]);
  });

  it("reads a row the same from where its cells are (plain rows) as from a record (every cell quoted), and a first row with no CHILD is reported", () => {
    // Every cell quoted: no row is plain, so each is read as a record (Ssda903Reader.cells is never offered one).
    const quoted = (f: { name: string; text: string }) => ({ name: f.name, text: f.text.replace(/[^,\n]+/g, (cell) => `"${cell}"`) });
    const files = { header: file("header.csv"), episodes: file("episodes.csv"), reviews: file("reviews.csv") };
    expect(importSsda903({ header: quoted(files.header), episodes: quoted(files.episodes), reviews: quoted(files.reviews) })).toEqual(result);
    // Rows with no CHILD, spaces, an ISO date, a code in lower case or with a space, a DOB of 9 characters, short rows: each read as a record, as quoted rows are.
    const odd = {
      header: { name: "h.csv", text: "CHILD,DOB\n,01/02/2015\n 30 ,2015-02-01\n31,1/02/2015\n32\n" },
      episodes: { name: "e.csv", text: "CHILD,DECOM,RNE,LS,DEC,REC\n30,01/03/2025,S,C2, ,\n31,01/03/2025,s,C2,,\n31,01/03/2025,S,C2,,\n30,01/03/2025,S,C2\n" },
      reviews: { name: "r.csv", text: "CHILD,DOB,REVIEW,REVIEW_CODE\n31,01/02/2015,01/04/2025,PN1 \n31,1/02/2015,02/04/2025,PN1\n" },
    };
    const plain = importSsda903(odd);
    expect(importSsda903({ header: quoted(odd.header), episodes: quoted(odd.episodes), reviews: quoted(odd.reviews) })).toEqual(plain);
    expect(plain.problems.map((p) => [p.file, p.row, p.column, p.rule])).toEqual([
      ["h.csv", 2, "CHILD", "IRO-CHILD"],
      ["h.csv", 5, "DOB", "102"],
      ["e.csv", 3, "RNE", "143"],
      ["e.csv", 5, "DECOM", "IRO-DUPLICATE"],
    ]);
    expect(plain.children.map((c) => [c.ref, c.dateOfBirth, c.lac?.reviews.length])).toEqual([["30", "2015-02-01", 0], ["31", "2015-02-01", 2]]);
  });

  it("finds each row's child whatever order the files list children in (the reader tries the row before's child and the next one first)", () => {
    const header = "CHILD,DOB\n40,01/02/2015\n41,01/02/2016\n42,01/02/2017\n43,01/02/2018\n";
    const episode = (c: number) => `${c},01/03/2025,S,C2,,\n`;
    const review = (c: number, day: number) => `${c},,${String(day).padStart(2, "0")}/04/2025,PN1\n`;
    const read = (episodeOrder: number[], reviewOrder: [number, number][]) =>
      importSsda903({
        header: { name: "h.csv", text: header },
        episodes: { name: "e.csv", text: `CHILD,DECOM,RNE,LS,DEC,REC\n${episodeOrder.map(episode).join("")}` },
        reviews: { name: "r.csv", text: `CHILD,DOB,REVIEW,REVIEW_CODE\n${reviewOrder.map(([c, day]) => review(c, day)).join("")}` },
      });
    const inOrder = read([40, 41, 42, 43], [[40, 1], [40, 2], [41, 3], [42, 4], [43, 5], [43, 6]]);
    // Backwards, skipping, returning to a child met before, a child next in the header but not in the row before's file.
    const mixed = read([43, 41, 42, 40], [[42, 4], [43, 6], [41, 3], [40, 2], [43, 5], [40, 1]]);
    const byRef = (children: readonly { ref: string }[]) => [...children].sort((a, b) => a.ref.localeCompare(b.ref));
    expect(mixed.problems).toEqual([]);
    expect(byRef(mixed.children)).toEqual(byRef(inOrder.children));
    expect(inOrder.children.map((c) => [c.ref, c.lac!.reviews.map((r) => r.held)])).toEqual([
      ["40", ["2025-04-01", "2025-04-02"]], ["41", ["2025-04-03"]], ["42", ["2025-04-04"]], ["43", ["2025-04-05", "2025-04-06"]],
    ]);
    // A child's episodes and reviews listed latest first are put in date order: two periods of care, each with its reviews.
    const backwards = importSsda903({
      header: { name: "h.csv", text: header },
      episodes: { name: "e.csv", text: "CHILD,DECOM,RNE,LS,DEC,REC\n40,01/03/2025,S,C2,,\n40,01/01/2024,P,V3,01/06/2024,E11\n40,01/07/2023,S,C2,31/12/2023,X1\n" },
      reviews: { name: "r.csv", text: "CHILD,DOB,REVIEW,REVIEW_CODE\n40,,05/04/2025,PN1\n40,,01/04/2025,PN1\n40,,01/05/2024,PN2\n40,,01/08/2023,PN3\n" },
    });
    expect(backwards.problems).toEqual([]);
    expect(backwards.children[0]!.lac).toMatchObject({
      periodStart: "2025-03-01",
      shortBreaks: false,
      reviews: [{ held: "2025-04-01" }, { held: "2025-04-05" }],
      earlierPeriods: [{ periodStart: "2023-07-01", ended: "2024-06-01", shortBreaks: false, reviews: [{ held: "2023-08-01" }, { held: "2024-05-01" }] }],
    });
  });

  it("on the fourth birthday either PN0 or another code is accepted (DfE rules 440 and 441)", () => {
    const episodes = { name: "e.csv", text: "CHILD,DECOM,RNE,LS,DEC,REC\n20,01/01/2024,S,C2,,\n21,01/01/2024,S,C2,,\n" };
    const reviews = { name: "r.csv", text: "CHILD,DOB,REVIEW,REVIEW_CODE\n20,29/02/2020,29/02/2024,PN0\n21,29/02/2020,29/02/2024,PN1\n20,29/02/2020,01/03/2024,PN0\n21,29/02/2020,28/02/2024,PN1\n" };
    expect(importSsda903({ episodes, reviews }).problems.map((p) => [p.row, p.rule])).toEqual([[4, "440"], [5, "441"]]);
  });

  it("a child with no date of birth anywhere is left out, and says so", () => {
    const noDob = importSsda903({ episodes: { name: "e.csv", text: "CHILD,DECOM,RNE,LS,DEC,REC\n7,01/05/2025,S,C2,,\n" }, reviews: { name: "r.csv", text: "CHILD,REVIEW,REVIEW_CODE\n" } });
    expect(noDob.children).toEqual([]);
    expect(noDob.problems).toEqual([{ file: "e.csv", row: 2, column: "DOB", reason: "no date of birth for child 7 in the header or reviews files: the child is left out", rule: "IRO-NO-DOB" }]);
  });

  it("a file without the return's columns is named as the wrong file", () => {
    const wrong = importSsda903({ episodes: { name: "e.csv", text: "A,B\n1,2\n" }, reviews: { name: "r.csv", text: "CHILD,REVIEW,REVIEW_CODE\n" } });
    expect(wrong.problems[0]).toEqual({ file: "e.csv", row: 1, column: "CHILD, DECOM, RNE, LS, DEC, REC", reason: "the file has no CHILD, DECOM, RNE, LS, DEC, REC columns: is it the right file?", rule: "IRO-FILE" });
  });
});

describe("CP plans, allocation and planning the import", () => {
  const plans = importCpPlans({ name: "cp.csv", text: "CHILD,DOB,STRATEGY,ICPC,REVIEWS,PLAN_END,CATEGORY,CHAIR\n1001,15/03/2012,02/06/2025;09/06/2025,20/06/2025,15/09/2025,,Neglect,nadia@x.example\n2001,01/01/2020,,20/06/2025,,,,\n2002,01/01/2020,02/06/2025,,01/07/2025,,,\n" });
  it("reads plans and reports bad ones", () => {
    expect(plans.children.map((c) => [c.ref, c.cp?.icpc, c.cp?.strategyDiscussions])).toEqual([["1001", "2025-06-20", ["2025-06-02", "2025-06-09"]]]);
    expect(plans.problems.map((p) => [p.row, p.column])).toEqual([[3, "STRATEGY"], [4, "ICPC"]]);
  });

  it("reads the s.47 start, the initiating discussion, pre-birth and transfer-in conferences from their optional columns", () => {
    const text =
      "CHILD,DOB,STRATEGY,S47_DISCUSSION,S47_START,ICPC,REVIEWS,PRE_BIRTH,BORN,TRANSFER_IN\n" +
      "3001,01/01/2015,01/09/2025;08/09/2025,08/09/2025,09/09/2025,26/09/2025,,,,\n" +
      "3002,20/01/2026,06/10/2025,,,24/10/2025,,Y,,\n" +
      "3003,,06/10/2025,,,24/10/2025,,yes,12/01/2026,\n" +
      "3004,01/01/2019,,,,19/12/2025,,,,01/12/2025\n" +
      "3005,01/01/2019,01/09/2025,02/09/2025,,,,,,\n" +
      "3006,01/01/2019,01/09/2025,,,,,maybe,,\n" +
      "3007,01/01/2019,01/09/2025,,,,,N,03/03/2026,\n";
    const read = importCpPlans({ name: "cp.csv", text });
    expect(read.children.map((c) => [c.ref, c.dateOfBirth, c.cp])).toEqual([
      ["3001", "2015-01-01", { chair: null, strategyDiscussions: ["2025-09-01", "2025-09-08"], s47Discussion: "2025-09-08", s47Start: "2025-09-09", icpc: "2025-09-26", category: null, reviews: [], ended: null }],
      ["3002", "2026-01-20", { chair: null, strategyDiscussions: ["2025-10-06"], preBirth: true, icpc: "2025-10-24", category: null, reviews: [], ended: null }],
      ["3003", "2026-01-12", { chair: null, strategyDiscussions: ["2025-10-06"], preBirth: true, born: "2026-01-12", icpc: "2025-10-24", category: null, reviews: [], ended: null }],
      ["3004", "2019-01-01", { chair: null, strategyDiscussions: [], transferIn: "2025-12-01", icpc: "2025-12-19", category: null, reviews: [], ended: null }],
    ]);
    expect(read.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [6, "S47_DISCUSSION", "02/09/2025 is not one of the strategy discussions in STRATEGY"],
      [7, "PRE_BIRTH", '"maybe" should be Y or N'],
      [8, "BORN", "BORN is for a child whose initial conference was pre-birth: set PRE_BIRTH to Y"],
    ]);
    // The engine takes them as they are: the pre-birth conference is the plan's first meeting, the transfer-in conference runs from the notice.
    const assessed = read.children.map((c) => assessChild(c, "2025-12-22" as never, options).cp!.history[0]!.event);
    expect(assessed).toEqual(["icpc", "pre-birth-conference", "pre-birth-conference", "transfer-in-conference"]);
    // A file of plans that all start from an s.47 start or a notice may leave STRATEGY out; one with neither still needs it.
    expect(importCpPlans({ name: "t.csv", text: "CHILD,DOB,ICPC,TRANSFER_IN\n4001,01/01/2019,,01/12/2025\n" }).children).toHaveLength(1);
    expect(importCpPlans({ name: "t.csv", text: "CHILD,DOB,ICPC\n4001,01/01/2019,\n" }).problems[0]).toMatchObject({ row: 1, column: "STRATEGY", rule: "IRO-FILE" });
  });

  it("joins a child's LAC and CP episodes, allocates the IRO, and re-importing the same data changes nothing", () => {
    const { allocation, problems: allocationProblems } = importAllocation({ name: "a.csv", text: "CHILD,IRO,SOCIAL_WORKER\n1001,sam@x.example,\n1002,not-an-email,\n" });
    expect(allocationProblems).toEqual([{ file: "a.csv", row: 3, column: "IRO", reason: '"not-an-email" is not an email address', rule: "IRO-ALLOCATION" }]);
    const imported = allocate(joinByRef(result.children, plans.children), allocation);
    const a = imported.find((c) => c.ref === "1001")!;
    expect(a.lac).not.toBeNull();
    expect(a.cp?.chair).toBe("nadia@x.example");
    expect(a.iro).toBe("sam@x.example");

    const first = planImport([], imported);
    expect(first.create).toHaveLength(imported.length);
    const stored = first.create.map((childCase, i) => ({ id: String(i), version: "v1", childCase: { ...childCase, childName: "Kept Name", rag: [{ date: "2025-05-01" as never, rating: "amber" as const, reason: "kept" }] } }));
    expect(planImport(stored, imported)).toEqual({ create: [], change: [], unchanged: imported.length, heldBack: [] });

    const moved = imported.map((c) => (c.ref === "1001" ? { ...c, lac: { ...c.lac!, reviews: [...c.lac!.reviews, { held: "2026-02-10" as never, participation: "PN1" as const }] } } : c));
    const plan = planImport(stored, moved);
    expect(plan.change.map((c) => [c.stored.childCase.ref, c.fields])).toEqual([["1001", ["lac"]]]);
    expect(plan.change[0]!.proposed.childName).toBe("Kept Name");
    expect(plan.change[0]!.proposed.rag).toHaveLength(1);
  });

  it("holds back a child whose register entry cannot be read, rather than adding a second record", () => {
    const imported = joinByRef(result.children, plans.children);
    const broken = { id: "item-7", ref: "1001", problems: ['DateOfBirth: "31/02/2012" is not a date'] };
    const plan = planImport([], imported, [broken, { id: "item-8", ref: null, problems: ["Title: no case reference"] }]);
    expect(plan.heldBack).toEqual([{ ref: "1001", problems: ['DateOfBirth: "31/02/2012" is not a date'] }]);
    expect(plan.create.map((c) => c.ref)).not.toContain("1001");
    expect(plan.create).toHaveLength(imported.length - 1);
  });
});
