import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { csvRecords, CsvSyntaxError } from "../../app/csv/parseCsv.js";
import type { CaseRecord } from "../../app/readCaseRecord.js";

/** What a cases file holds: the cases, and optionally the day to compute for and the service settings. */
export interface CasesFile {
  readonly today?: unknown;
  readonly settings?: unknown;
  readonly records: readonly CaseRecord[];
}

/** The file as a whole cannot be used: missing, unreadable, not JSON or CSV, or the wrong shape. */
export class CasesFileError extends Error {}

/**
 * Reads a JSON file ({ today, settings, cases: [...] } or a bare array of cases) or a CSV file
 * (one case a row; reviews and strategy discussions separated by ";").
 */
export async function readCasesFile(path: string): Promise<CasesFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CasesFileError(`${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : "cannot be read"}`);
  }
  const looksJson = extname(path).toLowerCase() === ".json" || /^\uFEFF?\s*[[{]/.test(text);
  return looksJson ? fromJson(path, text) : fromCsv(path, text);
}

function fromJson(path: string, text: string): CasesFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CasesFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(data)) return { records: data.map(asRecord) };
  if (typeof data !== "object" || data === null || !Array.isArray((data as { cases?: unknown }).cases)) {
    throw new CasesFileError(`${path}: expected an object with a "cases" list, or a list of cases`);
  }
  const { today, settings, cases } = data as { today?: unknown; settings?: unknown; cases: unknown[] };
  return { today, settings, records: cases.map(asRecord) };
}

/** A list entry that is not an object still gets its own result (with errors), so positions line up. */
function asRecord(entry: unknown): CaseRecord {
  return typeof entry === "object" && entry !== null && !Array.isArray(entry) ? (entry as CaseRecord) : {};
}

function fromCsv(path: string, text: string): CasesFile {
  try {
    const { columns, records } = csvRecords(text);
    if (!columns.includes("ref") || !columns.includes("track")) {
      throw new CasesFileError(`${path}: not a cases file: a JSON file, or a CSV file whose first row names the columns (ref, track, …)`);
    }
    return { records: records.map((r) => r.record) };
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CasesFileError(`${path}: ${error.message}`);
    throw error;
  }
}
