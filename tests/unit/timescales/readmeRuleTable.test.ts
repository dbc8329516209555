import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NATION_NAMES, type Nation } from "../../../src/domain/calendar/nation.js";
import { RULE_SETS } from "../../../src/domain/timescales/ruleSets.js";

/** The README's rule table ("| track | nation | first | second | later | source |"), row by row. */
function readmeRuleRows(): { track: string; nation: string; source: string }[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("\n## The rules\n"), readme.indexOf("\n## ", readme.indexOf("\n## The rules\n") + 1));
  const table = section.slice(section.indexOf("| track | nation |"));
  const lines = table.slice(0, table.indexOf("\n\n")).split("\n").slice(2);
  return lines.map((line) => {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    return { track: cells[0]!, nation: cells[1]!, source: cells[5]! };
  });
}

const readmeNation = (nation: Nation) => (nation === "northern-ireland" ? "N. Ireland" : NATION_NAMES[nation]);

describe("the README's rule table", () => {
  const rows = readmeRuleRows();

  it("has one row for every rule set and no other", () => {
    expect(rows.map((r) => `${r.track} ${r.nation}`).sort()).toEqual(RULE_SETS.map((r) => `${r.track} ${readmeNation(r.nation)}`).sort());
  });

  it("marks exactly the unconfirmed rule sets unconfirmed, each with its source", () => {
    for (const set of RULE_SETS) {
      const row = rows.find((r) => r.track === set.track && r.nation === readmeNation(set.nation))!;
      expect(row.source.includes("**unconfirmed**"), `${set.track} ${set.nation}`).toBe(!set.confirmed);
      expect(row.source.length, `${set.track} ${set.nation}`).toBeGreaterThan(10);
    }
  });
});
