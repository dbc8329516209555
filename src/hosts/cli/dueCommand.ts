import { parseArgs } from "node:util";
import { dueAssessor } from "../../app/dueReport.js";
import { readServiceSettings } from "../../app/readServiceSettings.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { parseUkDate } from "../../domain/calendar/ukDate.js";
import { UsageError, type Command } from "./command.js";
import { dueWriter, FORMATS } from "./formatDue.js";
import { CasesFileError, openCasesFile } from "./readCasesFile.js";

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

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { today: { type: "string" }, format: { type: "string", default: "table" } },
    });
    if (positionals.length !== 1) throw new UsageError("give one cases file: iro-desk due FILE");
    const format = FORMATS.find((f) => f === values.format);
    if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${values.format}"`);
    const path = positionals[0]!;

    try {
      const file = await openCasesFile(path);
      const today = todayFrom(values.today, file.today, path) ?? io.clock.today();
      const { settings, errors } = readServiceSettings(file.settings);
      if (errors.length > 0) throw new UsageError(`${path}: ${errors.join("; ")}`);

      // Only the JSON output shows each case's history: the table and CSV need just what is next.
      const assess = dueAssessor(today, settings, format === "json" ? "history" : "next");
      let writer: ReturnType<typeof dueWriter> | null = null;
      let anyErrors = false;
      for await (const batch of file.records) {
        // The writer starts with the first case, so a file refused at its header prints nothing.
        writer ??= dueWriter(format, today, io.stdout);
        for (const record of batch) {
          const result = assess(record);
          if (result.errors.length > 0) anyErrors = true;
          writer.row(result);
        }
      }
      (writer ?? dueWriter(format, today, io.stdout)).end();
      return anyErrors ? 1 : 0;
    } catch (error) {
      if (error instanceof CasesFileError) throw new UsageError(error.message);
      throw error;
    }
  },
};

function todayFrom(flag: string | undefined, fromFile: unknown, path: string): IsoDate | undefined {
  if (flag !== undefined) return parseUkDate(flag) ?? fail(`--today "${flag}" is not a real date (yyyy-mm-dd or dd/mm/yyyy)`);
  if (fromFile === undefined || fromFile === null) return undefined;
  return (typeof fromFile === "string" ? parseUkDate(fromFile) : undefined) ?? fail(`${path}: "today" ${JSON.stringify(fromFile)} is not a real date (yyyy-mm-dd or dd/mm/yyyy)`);
}

function fail(message: string): never {
  throw new UsageError(message);
}
