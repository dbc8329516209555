import { createReadStream } from "node:fs";
import { csvRecordReader, type CsvCells } from "../../app/csv/parseCsv.js";

/**
 * Reads a CSV file as a stream in 64 KiB chunks: its header row's columns, then each record with
 * its line, one at a time (holding only the columns in `only`, when given; plain rows offered to
 * `onCells` first, as csvRecordReader says). Memory stays constant
 * however long the file is. A quote never closed is a CsvSyntaxError at the end; a file that
 * cannot be opened rejects with its error code.
 */
export async function streamCsvFile(
  path: string,
  onColumns: (columns: string[]) => void,
  onRecord: (line: number, record: Record<string, string>) => void,
  only?: readonly string[],
  onCells?: (cells: CsvCells) => boolean,
): Promise<void> {
  const reader = csvRecordReader(onColumns, onRecord, only, onCells);
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 16 })) reader.push(chunk as string);
  reader.end();
}
