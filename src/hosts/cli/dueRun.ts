import { parseArgs } from "node:util";
import { dueAssessor } from "../../app/dueReport.js";
import { readServiceSettings } from "../../app/readServiceSettings.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { parseUkDate } from "../../domain/calendar/ukDate.js";
import { UsageError, type CommandIo } from "./command.js";
import { dueWriter, FORMATS } from "./formatDue.js";
import { CasesFileError, openCasesFile } from "./readCasesFile.js";

/** `iro-desk due`: see dueCommand.ts for what it does and its options. */
export async function runDue(args: readonly string[], io: CommandIo): Promise<number> {
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
}

function todayFrom(flag: string | undefined, fromFile: unknown, path: string): IsoDate | undefined {
  if (flag !== undefined) return parseUkDate(flag) ?? fail(`--today "${flag}" is not a real date (yyyy-mm-dd or dd/mm/yyyy)`);
  if (fromFile === undefined || fromFile === null) return undefined;
  return (typeof fromFile === "string" ? parseUkDate(fromFile) : undefined) ?? fail(`${path}: "today" ${JSON.stringify(fromFile)} is not a real date (yyyy-mm-dd or dd/mm/yyyy)`);
}

function fail(message: string): never {
  throw new UsageError(message);
}
