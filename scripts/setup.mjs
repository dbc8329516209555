// Runs before `npm start` and `npm test` so that, on a fresh clone, each of them is the only
// command needed: installs the npm packages from the lockfile when they are missing or stale.
// Uses Node built-ins only, since nothing else is installed yet.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const installed = "node_modules/.package-lock.json";
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs;
if (stale) {
  console.log("Installing npm packages (npm ci)…");
  const run = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
