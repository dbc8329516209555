import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dir, file, run } from "./runCli.js";

const ISSUE_EXAMPLE = file(
  "cases.json",
  JSON.stringify({
    today: "2026-03-02",
    cases: [
      { ref: "A1", track: "lac", nation: "england", periodStart: "2026-01-05", reviews: ["2026-01-29"] },
      { ref: "B7", track: "cp", strategyDiscussions: ["2026-02-02", "2026-02-09"], s47Discussion: "2026-02-09", icpc: "2026-02-27", reviews: [] },
      { ref: "F3", track: "foster-carer", approved: "2025-03-31", reviews: [], ended: null },
    ],
  }),
);

describe("iro-desk due", () => {
  it("prints the documented JSON, a result per case in input order, and exits 0", async () => {
    const { code, stdout } = await run("due", ISSUE_EXAMPLE, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        ref: "A1",
        status: "on-track",
        next: { event: "lac-review", number: 2, dueBy: "2026-04-29" },
        history: [{ event: "lac-review", number: 1, held: "2026-01-29", dueBy: "2026-02-02", inTime: true }],
        errors: [],
      },
      {
        ref: "B7",
        status: "on-track",
        next: { event: "rcpc", number: 1, dueBy: "2026-05-27" },
        history: [{ event: "icpc", number: 1, held: "2026-02-27", dueBy: "2026-03-02", inTime: true }],
        errors: [],
      },
      { ref: "F3", status: "on-track", next: { event: "foster-carer-review", number: 1, dueBy: "2026-03-31" }, history: [], errors: [] },
    ]);
  });

  it("prints a table with UK dates by default", async () => {
    const { code, stdout } = await run("due", ISSUE_EXAMPLE);
    expect(code).toBe(0);
    expect(stdout).toContain("Statutory timescales on 02/03/2026");
    expect(stdout).toMatch(/A1\s+LAC review 2\s+29\/04\/2026\s+40\s+on track/);
    expect(stdout).toMatch(/B7\s+Review CP conference 1\s+27\/05\/2026/);
  });

  it("--today overrides the file's today: the same case becomes overdue", async () => {
    const { stdout } = await run("due", ISSUE_EXAMPLE, "--today", "2026-04-01", "--format", "csv");
    const lines = stdout.trim().split("\r\n");
    expect(lines[0]).toBe("ref,status,event,number,dueBy,workingDaysLeft,errors,note");
    expect(lines[3]).toBe("F3,overdue,foster-carer-review,1,2026-03-31,-1,,");
  });

  it("CSV output: a note with commas is quoted, each case of an unconfirmed rule set carries its warning, errors in one cell", async () => {
    const csv = file(
      "wales.csv",
      "ref,track,nation,strategyDiscussions,icpc,reviews\n" +
        "W1,cp,wales,2026-02-02,2026-02-20,\n" +
        "W2,cp,wales,2026-01-05,2026-01-23,\n" +
        "W3,cp,wales,,,\n",
    );
    const { stdout } = await run("due", csv, "--today", "2026-03-02", "--format", "csv");
    const lines = stdout.split("\r\n");
    const warning = '"The Wales child protection timescales are not yet confirmed (Wales Safeguarding Procedures (safeguarding.wales): the first review conference “within three months of the initial conference” and later ones “at least every six months” (read, section 4); the initial conference within 15 working days of the strategy discussion has not been read): check them before relying on them."';
    expect(lines[1]).toBe(`W1,on-track,rcpc,1,2026-05-20,54,,${warning}`);
    expect(lines[2]).toBe(`W2,on-track,rcpc,1,2026-04-23,36,,${warning}`);
    expect(lines[3]).toBe("W3,invalid,,,,,strategyDiscussions: strategyDiscussions (the strategy discussion dates) is missing,");
    expect(lines[4]).toBe("");
  });

  it("due loads only its own code: import, report and provision are files of their own, loaded when asked for", async () => {
    type Output = { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> };
    const { outputs } = JSON.parse(readFileSync("dist/cli-meta.json", "utf8")) as { outputs: Record<string, Output> };
    // What starting the CLI loads: its entry and every file that imports statically, not those imported when a command runs.
    const atStart = new Set<string>();
    const walk = (file: string) => {
      if (atStart.has(file)) return;
      atStart.add(file);
      for (const i of outputs[file]!.imports) if (i.kind === "import-statement" && outputs[i.path]) walk(i.path);
    };
    walk("dist/cli/iro-desk.js");
    const loadedLater = Object.keys(outputs).filter((f) => f.endsWith(".js") && !atStart.has(f));
    for (const [source, marker] of [["src/hosts/cli/importRun.ts", "function runImport("], ["src/hosts/cli/reportRun.ts", "function runReport("], ["src/hosts/cli/provisionRun.ts", "function runProvision("]] as const) {
      for (const f of atStart) {
        expect(Object.keys(outputs[f]!.inputs), f).not.toContain(source);
        expect(readFileSync(f, "utf8"), f).not.toContain(marker);
      }
      expect(loadedLater.filter((f) => readFileSync(f, "utf8").includes(marker)), source).toHaveLength(1);
    }
    // Nor does it load a time zone's rules when --today is given (Intl is made on first use).
    for (const f of atStart) expect(readFileSync(f, "utf8"), f).not.toMatch(/^var \w+ = new Intl\.DateTimeFormat/m);
  });

  it("reads CSV input with ;-separated lists and UK dates", async () => {
    const csv = file(
      "cases.csv",
      "ref,track,nation,periodStart,strategyDiscussions,icpc,approved,reviews,ended\r\n" +
        "A1,lac,,05/01/2026,,,,29/01/2026,\r\n" +
        'B7,cp,england,,"2026-02-02;2026-02-09",2026-02-27,,,\r\n',
    );
    const { code, stdout } = await run("due", csv, "--today", "2026-03-02", "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: { next: { dueBy: string } }) => r.next.dueBy)).toEqual(["2026-04-29", "2026-05-27"]);
  });

  it("a bad case gets its errors, the others are still computed, and the exit code is 1", async () => {
    const mixed = file(
      "mixed.json",
      JSON.stringify({
        today: "2026-03-02",
        cases: [
          { ref: "OK", track: "lac", periodStart: "2026-01-05" },
          { ref: "D1", track: "lac", periodStart: "2026-02-30" },
          { ref: "D2", track: "custody", periodStart: "2026-01-05" },
          { ref: "D3", track: "lac", nation: "narnia", periodStart: "2026-01-05" },
          { ref: "D4", track: "lac", periodStart: "2026-01-05", reviews: ["2025-12-01"] },
          { ref: "D5", track: "cp", reviews: [] },
          "not a case",
        ],
      }),
    );
    const { code, stdout } = await run("due", mixed, "--format", "json");
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { ref: string | null; next: unknown; errors: { field: string }[] }[];
    expect(results).toHaveLength(7);
    expect(results[0]?.next).not.toBeNull();
    for (const r of results.slice(1)) {
      expect(r.next).toBeNull();
      expect(r.errors.length).toBeGreaterThan(0);
    }
    expect(results.slice(1).map((r) => r.errors[0]?.field)).toEqual(["periodStart", "track", "nation", "reviews", "strategyDiscussions", "ref"]);
  });

  it("exits 2 with a one-line message naming the file when it cannot be read or parsed", async () => {
    const broken = file("broken.json", '{ "cases": [ ');
    const wrongShape = file("shape.json", '{ "people": [] }');
    for (const [args, message] of [
      [[join(dir, "missing.json")], /missing\.json: no such file/],
      [[broken], /broken\.json: not valid JSON/],
      [[wrongShape], /shape\.json: expected an object with a "cases" list/],
      [[ISSUE_EXAMPLE, "--today", "2026-02-30"], /--today "2026-02-30" is not a real date \(yyyy-mm-dd or dd\/mm\/yyyy\)/],
      [[file("misspelt.csv", "ref,track,periodStart,review\nA1,lac,2026-01-05,2026-01-29\n")], /misspelt\.csv: column "review" is not a case field: did you mean "reviews"\?/],
      [[ISSUE_EXAMPLE, "--format", "xml"], /--format must be one of table, json, csv/],
      [[ISSUE_EXAMPLE, "--colour"], /Unknown option '--colour'/],
    ] as const) {
      const { code, stdout, stderr } = await run("due", ...args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("--today takes dd/mm/yyyy like the file does", async () => {
    const iso = await run("due", ISSUE_EXAMPLE, "--today", "2026-04-01", "--format", "csv");
    const uk = await run("due", ISSUE_EXAMPLE, "--today", "01/04/2026", "--format", "csv");
    expect(uk.code).toBe(0);
    expect(uk.stdout).toBe(iso.stdout);
  });

  it("a misspelt field in JSON is an error on that case naming the field it meant; a duplicate reference is flagged", async () => {
    const cases = file(
      "typos.json",
      JSON.stringify({ today: "2026-03-02", cases: [
        { ref: "A1", track: "lac", periodStart: "2026-01-05", review: ["2026-01-29"] },
        { ref: "B1", track: "cp", strategyDiscussions: ["2026-02-02"], ICPC: "2026-02-20" },
        { ref: "C1", track: "lac", periodStart: "2026-01-05" },
        { ref: "C1", track: "lac", periodStart: "2026-02-05" },
      ] }),
    );
    const { code, stdout } = await run("due", cases, "--format", "json");
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { ref: string; status: string; errors: { field: string; reason: string }[] }[];
    expect(results.map((r) => [r.ref, r.status, r.errors.map((e) => e.reason)])).toEqual([
      ["A1", "invalid", ['"review" is not a case field: did you mean "reviews"?']],
      ["B1", "invalid", ['"ICPC" is not a case field: did you mean "icpc"?']],
      ["C1", "overdue", []],
      ["C1", "invalid", ['the case reference "C1" is already used by case 3 of this file']],
    ]);
  });

  it("a track with no rules for its nation is unsupported with the reason, and the exit code stays 0", async () => {
    const cases = file("scotland.csv", "ref,track,nation,placed\nS1,adoption,scotland,05/01/2026\nS2,lac,scotland,\n");
    const csv = await run("due", cases, "--today", "2026-03-02", "--format", "csv");
    expect(csv.stdout.split("\r\n")[1]).toBe("S1,unsupported,,,,,,IRO Desk has no adoption placement review timescales for Scotland yet");
    expect(csv.code).toBe(1); // S2 has no periodStart: that one is an error
    const only = await run("due", file("scotland2.csv", "ref,track,nation,placed\nS1,adoption,scotland,05/01/2026\n"), "--today", "2026-03-02");
    expect(only.code).toBe(0);
    expect(only.stdout).toMatch(/S1\s+–\s+–\s+–\s+unsupported/);
    expect(only.stdout).toContain("S1: unsupported: IRO Desk has no adoption placement review timescales for Scotland yet");
  });

  it("without a today anywhere, uses today's date in London", async () => {
    const noToday = file("today.json", JSON.stringify({ cases: [{ ref: "A", track: "lac", periodStart: "2020-01-06" }] }));
    const { stdout } = await run("due", noToday);
    const londonToday = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date());
    expect(stdout).toContain(`Statutory timescales on ${londonToday}`);
  });

  it("explains itself", async () => {
    const top = await run("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/due\s+the next statutory review/);
    const due = await run("due", "--help");
    expect(due.stdout).toMatch(/Exit code: 0 no case had errors/);
    const unknown = await run("book");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "book"/);
  });
});
