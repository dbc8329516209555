import type { Command } from "./command.js";

export const dueCommand: Command = {
  name: "due",
  summary: "the next statutory review or conference of every case in a file, and its due-by date",
  usage: `iro-desk due FILE [--today DATE] [--format table|json|csv]

FILE is JSON ({ "today", "settings", "cases": [...] }) or CSV with the same columns
(ref, track, nation, periodStart, earlyReviews, strategyDiscussions, s47Discussion, s47Start,
icpc, transferIn, preBirth, born, approved, placed, reviews, ended; lists separated by ";").
Tracks: lac, cp, foster-carer, short-breaks, adoption, secure. Nation defaults to england.
A field IRO Desk does not know is an error (with the field it most likely meant).
--today (yyyy-mm-dd or dd/mm/yyyy) overrides the file's "today"; without either, today in
Europe/London is used. A CSV file streams: any number of cases, in constant memory.

Status: overdue, due-soon, on-track, closed, invalid (the case's data is wrong), or unsupported
(IRO Desk has no rules for that track in that nation yet).
Exit code: 0 no case had errors, 1 some cases had errors (the others are still shown),
2 the file could not be read or the command line is wrong.`,

  /**
   * A file of its own (scripts/build.mjs), loaded only when this command runs, as the others are:
   * `import` starts without the timescale rules and the cases file reader.
   */
  async run(args, io) {
    const { runDue } = await import("./dueRun.js");
    return runDue(args, io);
  },
};
