// iro-desk due and iro-desk import at scale: 100,000 and 1,000,000 cases from CSV to CSV, each in
// its own process, measured by /usr/bin/time (elapsed, CPU and peak resident memory), with the
// command that was run. Prints figures; asserts nothing (benchmarks are not tests).
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, openSync, closeSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_TODAY, caseCsvRow, CASE_COLUMNS, syntheticCases } from "./syntheticCases.js";
import { addDays, fromDayNumber, toDayNumber } from "../src/domain/calendar/isoDate.js";
import { formatUkDate } from "../src/domain/calendar/ukDate.js";

const dir = mkdtempSync(join(tmpdir(), "iro-desk-scale-"));
const SIZES = [100_000, 1_000_000];

/** Lines to a file in 1 MiB writes, waiting for the disk. */
async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let buffer = `${header}\n`;
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((drained) => out.once("drain", drained));
      buffer = "";
    }
  }
  await new Promise<void>((done) => out.end(buffer, () => done()));
}

/** An SSDA903 return for `children` children: a header row each, one episode (one child in five has a second), three reviews each. */
async function writeReturn(prefix: string, children: number): Promise<{ header: string; episodes: string; reviews: string }> {
  const files = { header: `${prefix}-header.csv`, episodes: `${prefix}-episodes.csv`, reviews: `${prefix}-reviews.csv` };
  const start = (c: number) => toDayNumber(BENCH_TODAY) - 400 - (c % 1500);
  const born = (c: number) => formatUkDate(fromDayNumber(start(c) - 2000 - (c % 3000)));
  await writeLines(files.header, "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", children, (c) => `${900000 + c},${1 + (c % 2)},${born(c)},WBRI,,,`);
  await writeLines(files.episodes, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", children * 1.2, (i) => {
    const c = i < children ? i : (i - children) * 5;
    const first = formatUkDate(fromDayNumber(start(c)));
    return i < children
      ? `${900000 + c},${first},S,C2,N1,U1,PR1,${c % 5 === 0 ? `${formatUkDate(fromDayNumber(start(c) + 200))},X1` : ","},,,,`
      : `${900000 + c},${formatUkDate(fromDayNumber(start(c) + 200))},P,C2,N1,U2,PR1,,,,,,`;
  });
  await writeLines(files.reviews, "CHILD,DOB,REVIEW,REVIEW_CODE", children * 3, (i) => {
    const c = Math.floor(i / 3);
    const held = formatUkDate(addDays(fromDayNumber(start(c)), 20 + (i % 3) * 150));
    // One review in a thousand breaks a rule (a PN0 for a child over 4), so the problems CSV has rows.
    return `${900000 + c},${born(c)},${held},${i % 1000 === 0 ? "PN0" : `PN${1 + (i % 6)}`}`;
  });
  return files;
}

interface Measured {
  seconds: number;
  cpu: number;
  peakMiB: number;
}

/** One run of the built command, its output to a file, measured by /usr/bin/time. */
function measure(args: readonly string[], outFile: string): Measured {
  const out = openSync(outFile, "w");
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "node", "dist/cli/iro-desk.js", ...args], { stdio: ["ignore", out, "pipe"], encoding: "utf8" });
  closeSync(out);
  const last = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds: last[0]!, cpu: last[1]! + last[2]!, peakMiB: last[3]! / 1024 };
}

/** Runs for each size: the median of five for 100,000 (half a second, where one run can be off by a tenth), one for a million. */
const RUNS = (n: number) => (n <= 100_000 ? 5 : 1);

/** `before`: what each run needs first (the import writes a new register: the last run's is removed). */
function report(what: string, command: (n: number) => string[], outFile: (n: number) => string, before: (n: number) => void = () => undefined): void {
  console.log(`\n${what}`);
  const results = SIZES.map((n) => {
    const runs = Array.from({ length: RUNS(n) }, () => (before(n), measure(command(n), outFile(n)))).sort((a, b) => a.seconds - b.seconds);
    const m = runs[runs.length >> 1]!;
    const spread = runs.length > 1 ? `median of ${runs.length} runs (${runs[0]!.seconds.toFixed(2)}–${runs.at(-1)!.seconds.toFixed(2)} s)` : "one run";
    console.log(`  ${n.toLocaleString("en-GB").padStart(9)} cases: ${m.seconds.toFixed(2)} s elapsed, ${m.cpu.toFixed(2)} s CPU, peak ${m.peakMiB.toFixed(0)} MiB, ${spread} (targets: 100,000 under 0.5 s on an idle machine; peak under 400 MiB)`);
    console.log(`      node dist/cli/iro-desk.js ${command(n).join(" ")} > ${outFile(n)}`);
    return m;
  });
  console.log(`  1,000,000 took ${(results[1]!.seconds / results[0]!.seconds).toFixed(1)}× as long as 100,000 (${(results[1]!.cpu / results[0]!.cpu).toFixed(1)}× the CPU; linear is 10×, target at most 11×)`);
}

if (!existsSync("/usr/bin/time")) console.log("scale: /usr/bin/time is not installed (apt-get install -y time); skipped");
else {
  const load = (await import("node:os")).loadavg()[0]!;
  // What node itself takes to start here, before any of IRO Desk runs (every figure below includes it):
  // NODE_EXTRA_CA_CERTS, where set, makes node read and parse that certificate file at every start.
  const nodeAlone = Math.min(...[1, 2, 3].map(() => Number(spawnSync("/usr/bin/time", ["-f", "%e", "node", "-e", "0"], { encoding: "utf8" }).stderr.trim().split("\n").pop())));
  console.log(`node alone starts in ${nodeAlone.toFixed(2)} s here${process.env.NODE_EXTRA_CA_CERTS ? " (NODE_EXTRA_CA_CERTS is set: node reads that file at every start)" : ""}: node -e 0`);
  // How fast the processor is now: a virtual machine shares its host's, and the same build's figures
  // move from one sitting to the next by a third or more. A rough guide only: the loop reads no
  // memory, and the commands' times move with the host's memory traffic too.
  const loop = [1, 2, 3, 4, 5].map(() => Number(spawnSync("node", ["-e", "const t=process.hrtime.bigint();let x=0;for(let i=0;i<3e8;i++)x+=i%7;console.log(Number(process.hrtime.bigint()-t)/1e6)"], { encoding: "utf8" }).stdout)).sort((a, b) => a - b);
  console.log(`the processor now: a fixed loop of 300 million steps takes ${loop[2]!.toFixed(0)} ms (${loop[0]!.toFixed(0)}–${loop[4]!.toFixed(0)}, five runs)`);
  console.log(`scale: generating ${SIZES.map((n) => n.toLocaleString("en-GB")).join(" and ")} cases in ${dir}; load average ${load.toFixed(1)} (times on a busy machine are longer: CPU time is the steadier figure)`);
  for (const n of SIZES) {
    const next = syntheticCases();
    await writeLines(join(dir, `cases-${n}.csv`), CASE_COLUMNS.join(","), n, (i) => caseCsvRow(next(i)));
    await writeReturn(join(dir, `return-${n}`), n);
  }
  // The files just written (about 400 MiB) are still going to the disk: the commands are timed
  // once they are there, not while the system writes them out alongside.
  spawnSync("sync");
  const mib = (f: string) => (statSync(f).size / 2 ** 20).toFixed(0);
  console.log(`  cases CSV ${mib(join(dir, "cases-1000000.csv"))} MiB for 1,000,000; the return ${["header", "episodes", "reviews"].map((k) => `${k} ${mib(join(dir, `return-1000000-${k}.csv`))} MiB`).join(", ")}`);
  report("iro-desk due, CSV in and out", (n) => ["due", join(dir, `cases-${n}.csv`), "--today", BENCH_TODAY, "--format", "csv"], (n) => join(dir, `due-${n}.csv`));
  report(
    "iro-desk import of the SSDA903 return into a new register, every problem to a CSV",
    (n) => ["import", "--register", join(dir, `register-${n}.json`), "--header", join(dir, `return-${n}-header.csv`), "--episodes", join(dir, `return-${n}-episodes.csv`), "--reviews", join(dir, `return-${n}-reviews.csv`), "--problems", join(dir, `problems-${n}.csv`)],
    (n) => join(dir, `import-${n}.txt`),
    (n) => rmSync(join(dir, `register-${n}.json`), { force: true }),
  );
  rmSync(dir, { recursive: true, force: true });
}
