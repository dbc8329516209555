import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./runCli.js";

const F = "tests/fixtures/ssda903";
const dir = mkdtempSync(join(tmpdir(), "iro-desk-import-"));

describe("iro-desk import and report", () => {
  it("imports the return's files into a register, lists the rows left out, and exits 1", async () => {
    const register = join(dir, "register.json");
    const { code, stdout } = await run("import", "--register", register, "--episodes", `${F}/episodes.csv`, "--reviews", `${F}/reviews.csv`, "--header", `${F}/header.csv`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Imported into .*register\.json: 3 new children, 0 to change, 0 unchanged\./);
    expect(stdout).toContain("13 problems; rows with any problem are left out.");
    expect(stdout).toMatch(/\n\s+2  IRO-DUPLICATE\s+The same child, episode or review is in the file twice\.\n/);
    expect(stdout).toMatch(/\n\s+1  440\s+Participation method indicates child was under 4 years old/);
    expect(stdout).toContain(`${F}/reviews.csv:14 CHILD: [IRO-NO-EPISODES] child 9999 has no episodes in the episodes file`);
    expect(JSON.parse(readFileSync(register, "utf8")).children).toHaveLength(3);

    const problems = join(dir, "problems.csv");
    const again = await run("import", "--register", register, "--episodes", `${F}/episodes.csv`, "--reviews", `${F}/reviews.csv`, "--header", `${F}/header.csv`, "--format", "json", "--problems", problems);
    const report = JSON.parse(again.stdout);
    expect(report).toMatchObject({ created: 0, changed: 0, unchanged: 3 });
    expect(report.problems).toHaveLength(13);
    expect(report.counts[0]).toEqual({ rule: "IRO-DUPLICATE", title: "The same child, episode or review is in the file twice.", count: 2 });
    const lines = readFileSync(problems, "utf8").trim().split("\r\n");
    expect(lines[0]).toBe("file,row,column,rule,reason");
    expect(lines).toHaveLength(14);
    expect(lines).toContain(`${F}/reviews.csv,12,REVIEW_CODE,440,PN0 is for children under 4; the child was 13 on 11/02/2026`);
  });

  it("reports the figures for a reporting year as a table, CSV or JSON", async () => {
    const register = join(dir, "register.json");
    const table = await run("report", register, "--year", "2025");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("IRO service figures, 2025–26 (01/04/2025 to 31/03/2026); 3 children in the register");
    expect(table.stdout).toMatch(/All reviews in timescale\s+2 of 4\s+reviews 50\.0%/);
    const csv = await run("report", register, "--year", "2025", "--format", "csv");
    expect(csv.stdout.split("\r\n")[0]).toBe("period,from,to,figure,line,counted,value,of,percent,children");
    expect(csv.stdout).toContain("2025–26,2025-04-01,2026-03-31,Looked after children's reviews held in timescale,All reviews in timescale,reviews,2,4,50,1001;1002");
    const json = JSON.parse((await run("report", register, "--quarter", "2025-Q3", "--format", "json")).stdout);
    expect(json.period).toEqual({ from: "2025-10-01", to: "2025-12-31", label: "Q3 2025–26" });
  });

  it("the first quarter ends on 30/06 in the heading and the CSV", async () => {
    const register = join(dir, "register.json");
    expect((await run("report", register, "--quarter", "2025-Q1")).stdout).toContain("IRO service figures, Q1 2025–26 (01/04/2025 to 30/06/2025)");
    const csv = (await run("report", register, "--quarter", "2025-Q1", "--format", "csv")).stdout.split("\r\n").slice(1, -1);
    expect(csv.length).toBeGreaterThan(0);
    for (const line of csv) expect(line.startsWith("Q1 2025–26,2025-04-01,2025-06-30,"), line).toBe(true);
  });

  it("says what is wrong with the command line and exits 2", async () => {
    for (const [args, message] of [
      [["import", "--episodes", `${F}/episodes.csv`], /name the register file/],
      [["import", "--register", join(dir, "x.json"), "--episodes", `${F}/episodes.csv`], /give both --episodes and --reviews/],
      [["import", "--register", join(dir, "no-such-folder", "r.json"), "--episodes", `${F}/episodes.csv`, "--reviews", `${F}/reviews.csv`], /r\.json: cannot be written \(ENOENT\)/],
      [["report", join(dir, "missing.json")], /missing\.json: no such file/],
      [["report", `${F}/header.csv`], /not valid JSON/],
      [["report", join(dir, "register.json"), "--quarter", "2025-Q5"], /--quarter takes e.g. 2025-Q3/],
    ] as const) {
      const { code, stderr } = await run(...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(existsSync(join(dir, "x.json"))).toBe(false);
  });
});
