import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { csvRecordStream, CsvSyntaxError } from "../../app/csv/parseCsv.js";
import { CASE_FIELDS, unknownFieldReason, type CaseRecord } from "../../app/readCaseRecord.js";

/** What a cases file holds: the cases, and optionally the day to compute for and the service settings. */
export interface CasesFile {
  readonly today?: unknown;
  readonly settings?: unknown;
  /** Read as they are needed, a batch at a time: a CSV file streams, so its size is not limited by memory. */
  readonly records: AsyncIterable<readonly CaseRecord[]>;
}

/** The file as a whole cannot be used: missing, unreadable, not JSON or CSV, or the wrong shape. */
export class CasesFileError extends Error {}

/**
 * Opens a JSON file ({ today, settings, cases: [...] } or a bare array of cases), read whole, or a
 * CSV file (one case a row; reviews and strategy discussions separated by ";"), read as a stream. Problems with the CSV header (a column that is not a case field) surface when
 * the first case is read; a broken quote later in the file when it is reached.
 */
export async function openCasesFile(path: string): Promise<CasesFile> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CasesFileError(`${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : "cannot be read"}`);
  }
  // 64 KiB chunks: each makes a batch of cases that is gone before the next (large batches live long and cost the garbage collector).
  const chunks = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 16 })[Symbol.asyncIterator]() as AsyncIterator<string>;
  const first = await chunks.next().catch(() => {
    throw new CasesFileError(`${path}: cannot be read`);
  });
  const head = first.done ? "" : first.value;
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => chunks };
  if (extname(path).toLowerCase() === ".json" || /^\uFEFF?\s*[[{]/.test(head)) {
    let text = head;
    for await (const chunk of rest) text += chunk;
    return fromJson(path, text);
  }
  async function* all() {
    yield head;
    yield* rest;
  }
  return { records: csvCases(path, all()) };
}

function fromJson(path: string, text: string): CasesFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CasesFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(data)) return { records: toAsync(data.map(asRecord)) };
  if (typeof data !== "object" || data === null || !Array.isArray((data as { cases?: unknown }).cases)) {
    throw new CasesFileError(`${path}: expected an object with a "cases" list, or a list of cases`);
  }
  const { today, settings, cases } = data as { today?: unknown; settings?: unknown; cases: unknown[] };
  return { today, settings, records: toAsync(cases.map(asRecord)) };
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<readonly T[]> {
  yield items;
}

/** A list entry that is not an object still gets its own result (with errors), so positions line up. */
function asRecord(entry: unknown): CaseRecord {
  return typeof entry === "object" && entry !== null && !Array.isArray(entry) ? (entry as CaseRecord) : {};
}

async function* csvCases(path: string, chunks: AsyncIterable<string>): AsyncGenerator<readonly CaseRecord[]> {
  const checkColumns = (columns: string[]) => {
    if (!columns.includes("ref") || !columns.includes("track")) {
      throw new CasesFileError(`${path}: not a cases file: a JSON file, or a CSV file whose first row names the columns (ref, track, …)`);
    }
    // A misspelt column would leave every case without that field: refuse the file and say which was meant.
    const unknown = columns.filter((c) => !CASE_FIELDS.includes(c));
    if (unknown.length > 0) throw new CasesFileError(`${path}: column ${unknown.map(unknownFieldReason).join("; column ")}`);
  };
  try {
    for await (const batch of csvRecordStream(chunks, checkColumns)) yield batch.map((r) => r.record);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CasesFileError(`${path}: ${error.message}`);
    throw error;
  }
}
