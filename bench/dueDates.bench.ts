// Due dates for 100,000 synthetic cases (issue 3's target: all of them in under 0.5 s on 2 cores).
// Prints figures; never asserts a time (benchmarks are not tests).
import { dueReport } from "../src/app/dueReport.js";
import { timescaleOptions } from "../src/app/timescaleOptions.js";
import { DEFAULT_SETTINGS } from "../src/app/serviceSettings.js";
import { assessTimescale } from "../src/domain/timescales/assessTimescale.js";
import { readCaseRecord } from "../src/app/readCaseRecord.js";
import { BENCH_TODAY, syntheticCases } from "./syntheticCases.js";

const COUNT = 100_000;
const today = BENCH_TODAY;
const syntheticCase = syntheticCases();

const records = Array.from({ length: COUNT }, (_, i) => syntheticCase(i));
const options = timescaleOptions(DEFAULT_SETTINGS);
const parsed = records.map((r) => readCaseRecord(r).timescaleCase!);
dueReport(records.slice(0, 1000), today); // warm-up: the JIT and the holiday tables

/** Median of 5 timed runs of `work` over all the cases. */
function time(work: () => unknown): { median: number; fastest: number; slowest: number } {
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[2]!, fastest: times[0]!, slowest: times[4]! };
}
const line = (label: string, t: { median: number; fastest: number; slowest: number }) =>
  console.log(
    `  ${label}: ${t.median.toFixed(0)} ms per ${COUNT.toLocaleString("en-GB")} cases = ${Math.round(COUNT / (t.median / 1000)).toLocaleString("en-GB")} cases/s` +
      ` (fastest ${t.fastest.toFixed(0)}, slowest ${t.slowest.toFixed(0)} ms; target under 500 ms)`,
  );

const results = dueReport(records, today);
const reviews = records.reduce((n, r) => n + (r.reviews as unknown[]).length, 0);
console.log(`due dates: ${COUNT.toLocaleString("en-GB")} cases (LAC, CP, foster carer; 4 nations; ${(reviews / COUNT).toFixed(1)} past events a case), median of 5 runs`);
line("rules only (assessTimescale on checked cases)", time(() => parsed.map((c) => assessTimescale(c, today, options))));
line("end to end (raw records read, checked and assessed: dueReport)", time(() => dueReport(records, today)));
const byStatus = new Map<string, number>();
for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
console.log(`  statuses: ${[...byStatus].map(([status, n]) => `${status} ${n}`).join(", ")}`);
console.log(`  peak memory (max RSS, including the 100,000 input records): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
