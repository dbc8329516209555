// `npm test`: build, type-check, run every test (time zone Europe/London), run the domain tests
// again under a far-off zone (Pacific/Kiritimati, UTC+14) to prove no rule depends on the
// machine's zone, then print the closing line CI reads: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tally } from "./testTally.mjs";

const results = ".test-results";
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;

function step(name, command, args, env = {}) {
  console.log(`\n== ${name}`);
  const run = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return run.status === 0;
}

function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    console.log(`FAILED: ${name}`);
  }
}

function vitest(name, files, tz) {
  const out = `${results}/${tz.replace("/", "-")}.json`;
  const ok = step(name, "npx", ["vitest", "run", ...files, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { TZ: tz });
  let report = null;
  try {
    report = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    // tally() counts a missing report as a failure
  }
  const counted = tally(report, ok);
  passed += counted.passed;
  failed += counted.failed;
  if (counted.why && counted.failed > 0) console.log(`FAILED: ${name}: ${counted.why}`);
}

// Browser tests drive Debian's Chromium; the report tests open the Word documents in LibreOffice
// (headless, no GUI) and read the PDFs with poppler. Install what is missing when we may (root, as
// in CI); otherwise those tests fail with a message saying how to install it.
const install = (what, pkgs, flags = "") => {
  const apt = `apt-get install -y ${flags} ${pkgs} >/dev/null`;
  step(`install ${what}`, "sh", ["-c", `${apt} 2>&1 || (apt-get update >/dev/null && ${apt})`]);
};
if (process.getuid?.() === 0) {
  if (!existsSync("/usr/bin/chromium")) install("Chromium for the browser tests", "chromium");
  if (!existsSync("/usr/bin/soffice") || !existsSync("/usr/bin/pdftotext")) install("LibreOffice and poppler for the report tests", "libreoffice-writer-nogui poppler-utils", "--no-install-recommends");
}

check("build", "node", ["scripts/build.mjs"]);
check("type-check (tsc, strict)", "npx", ["tsc", "-p", "."]);
vitest("all tests, TZ=Europe/London", [], "Europe/London");
vitest("domain tests, TZ=Pacific/Kiritimati", ["tests/unit"], "Pacific/Kiritimati");

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
