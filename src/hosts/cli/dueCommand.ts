import { parseArgs } from "node:util";
import { dueReport } from "../../app/dueReport.js";
import { readServiceSettings } from "../../app/readServiceSettings.js";
import { parseIsoDate, type IsoDate } from "../../domain/calendar/isoDate.js";
import { UsageError, type Command } from "./command.js";
import { FORMATS, formatDue } from "./formatDue.js";
import { CasesFileError, readCasesFile } from "./readCasesFile.js";

export const dueCommand: Command = {
  name: "due",
  summary: "the next statutory review or conference of every case in a file, and its due-by date",
  usage: `iro-desk due FILE [--today YYYY-MM-DD] [--format table|json|csv]

FILE is JSON ({ "today", "settings", "cases": [...] }) or CSV with the same columns
(ref, track, nation, periodStart, strategyDiscussions, icpc, approved, reviews, ended;
lists separated by ";"). Tracks: lac, cp, foster-carer, short-breaks. Nation defaults to england.
--today overrides the file's "today"; without either, today in Europe/London is used.

Exit code: 0 every case was valid, 1 some cases had errors (the others are still shown),
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

    let file;
    try {
      file = await readCasesFile(positionals[0]!);
    } catch (error) {
      if (error instanceof CasesFileError) throw new UsageError(error.message);
      throw error;
    }
    const today = todayFrom(values.today, file.today, positionals[0]!) ?? io.clock.today();
    const { settings, errors } = readServiceSettings(file.settings);
    if (errors.length > 0) throw new UsageError(`${positionals[0]}: ${errors.join("; ")}`);

    const results = dueReport(file.records, today, settings);
    io.stdout(formatDue(results, format, today));
    return results.some((r) => r.errors.length > 0) ? 1 : 0;
  },
};

function todayFrom(flag: string | undefined, fromFile: unknown, path: string): IsoDate | undefined {
  if (flag !== undefined) return parseIsoDate(flag) ?? fail(`--today "${flag}" is not a real yyyy-mm-dd date`);
  if (fromFile === undefined || fromFile === null) return undefined;
  return (typeof fromFile === "string" ? parseIsoDate(fromFile) : undefined) ?? fail(`${path}: "today" ${JSON.stringify(fromFile)} is not a real yyyy-mm-dd date`);
}

function fail(message: string): never {
  throw new UsageError(message);
}
