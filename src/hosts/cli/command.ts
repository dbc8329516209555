import type { Clock } from "../../ports/Clock.js";

/** What a command may touch, so tests can run it in-process. */
export interface CommandIo {
  /** Text, or text already encoded as UTF-8 (output too large to gather as one string). */
  readonly stdout: (output: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly clock: Clock;
}

/** One CLI command: one file, registered in iro-desk.ts. Returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CommandIo): Promise<number>;
}

/** Bad use of the command line or an unusable input file: exit code 2 with one line. */
export class UsageError extends Error {
  // Known by name too: each command is built as a file of its own (scripts/build.mjs), with its own copy of this class.
  override readonly name = "UsageError";
}
