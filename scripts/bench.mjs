// `npm run bench`: builds each benchmark in bench/ and runs it in its own Node process, so one
// benchmark's memory does not colour the next one's figures. Prints figures; asserts nothing.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv[2];
const benches = readdirSync("bench").filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)));
console.log(`node ${process.version}, ${(await import("node:os")).cpus().length} cores`);
for (const file of benches) {
  const outfile = `dist/bench/${file.replace(/\.ts$/, ".js")}`;
  await build({ entryPoints: [`bench/${file}`], outfile, bundle: true, packages: "external", platform: "node", format: "esm", target: "node20", logLevel: "warning" });
  console.log(`\n== ${file}`);
  const run = spawnSync("node", [outfile], { stdio: "inherit" });
  if (run.status !== 0) process.exitCode = 1;
}
