import { londonClock } from "../../adapters/clock/londonClock.js";
import { main } from "./main.js";
import { utf8 } from "./utf8.js";

/** The `iro-desk` command: the real console and clock around main(). */
// Piped into head or a pager that closes early: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
// Not a top-level await: the CLI is built as CommonJS (scripts/build.mjs says why).
void main(process.argv.slice(2), {
  stdout: (output) => process.stdout.write(typeof output === "string" ? utf8(output) : output),
  stderr: (text) => process.stderr.write(text),
  clock: londonClock,
}).then((code) => {
  process.exitCode = code;
});
