import type { Command } from "./command.js";

/** The table lists this many problems; every one is in the --problems CSV. */
export const LISTED = 1000;

export const importCommand: Command = {
  name: "import",
  summary: "load the register from the SSDA903 return's CSV files, CP plans and IRO allocation",
  usage: `iro-desk import --register REGISTER.json [--episodes FILE --reviews FILE [--header FILE]] [--cp FILE] [--allocation FILE] [--problems FILE.csv] [--yes] [--format table|json]

Reads the SSDA903 episodes, reviews and header CSV files (DfE column names), a CSV of CP plans
(CHILD, DOB, STRATEGY, ICPC, REVIEWS, PLAN_END, CATEGORY, CHAIR; optional S47_DISCUSSION, S47_START,
TRANSFER_IN, PRE_BIRTH, BORN) and an allocation CSV (CHILD, IRO, SOCIAL_WORKER, TEAM_MANAGER). Every rule a row breaks is reported (file, row, column, the DfE
validation rule number where there is one, reason), with a count per rule; a row with any problem
is left out, every good row is kept. --problems writes every problem to a CSV file (the table
lists the first ${LISTED}). New children are added to REGISTER.json; children already in it are
changed only with --yes. Importing the same files again changes nothing. The return's files
stream: a million children import in constant memory.

Exit code: 0 no problems, 1 some rows were left out, 2 a file could not be read.`,

  /** A file of its own (scripts/build.mjs), loaded only when this command runs: `due` starts without its code. */
  async run(args, io) {
    const { runImport } = await import("./importRun.js");
    return runImport(args, io);
  },
};
