import { londonClock } from "../../adapters/clock/londonClock.js";
import { main } from "./main.js";

const encoder = new TextEncoder();

/** The `iro-desk` command: the real console and clock around main(). */
// Piped into head or a pager that closes early: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(utf8(text)),
  stderr: (text) => process.stderr.write(text),
  clock: londonClock,
});

/**
 * The text as UTF-8, in one pass: a string given to a stream is measured, then encoded (two
 * passes), and `due` writes hundreds of megabytes for a million cases. A UTF-16 code unit is at
 * most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
 */
function utf8(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafe(text.length * 3);
  return bytes.subarray(0, encoder.encodeInto(text, bytes).written);
}
