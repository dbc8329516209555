// The annual report for the demo service (Westmere, 548 children): how long `iro-desk report
// --format docx` takes, as a performance officer runs it, and how big the document is. Prints
// figures; never asserts a time (benchmarks are not tests).
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import type { IsoDate } from "../src/domain/calendar/isoDate.js";
import { demoRegister } from "../tests/fixtures/demoRegister.js";

mkdirSync("dist/bench", { recursive: true });
writeFileSync("dist/bench/demo-register.json", JSON.stringify(await demoRegister("2026-03-02" as IsoDate)));
for (const [what, period] of [["annual report 2025–26", ["--year", "2025"]], ["quarterly report Q3 2025–26", ["--quarter", "2025-Q3"]]] as const) {
  const out = `dist/bench/${period[1]}.docx`;
  const args = ["dist/cli/iro-desk.js", "report", "dist/bench/demo-register.json", ...period, "--today", "2026-03-02", "--format", "docx", "--out", out];
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    execFileSync("node", args);
    runs.push(performance.now() - started);
  }
  const median = runs.sort((a, b) => a - b)[1]!;
  console.log(`${what}, demo service: ${(median / 1000).toFixed(2)} s for the whole command (median of 3), ${Math.round(statSync(out).size / 1024)} KB (${out})`);
}
console.log(`command: node ${["dist/cli/iro-desk.js", "report", "dist/bench/demo-register.json", "--year", "2025", "--today", "2026-03-02", "--format", "docx", "--out", "report.docx"].join(" ")}`);
