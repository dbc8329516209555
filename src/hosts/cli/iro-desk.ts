import { londonClock } from "../../adapters/clock/londonClock.js";
import { main } from "./main.js";

/** The `iro-desk` command: the real console and clock around main(). */
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  clock: londonClock,
});
