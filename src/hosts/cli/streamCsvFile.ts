import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { csvRecordReader, type CsvCells } from "../../app/csv/parseCsv.js";

/**
 * Reads a CSV file in 64 KiB chunks: its header row's columns, then each record with its line,
 * one at a time (holding only the columns in `only`, when given; plain rows offered to `onCells`
 * first, as csvRecordReader says). Memory stays constant however long the file is. A quote never
 * closed is a CsvSyntaxError at the end; a file that cannot be opened throws its error.
 *
 * Read synchronously: the command has nothing else to do meanwhile, and a stream's chunks arrive
 * by the event loop, each a wait for a thread and a round of promises (a tenth of reading a
 * 100,000-case return, most of it idle).
 */
export function streamCsvFile(
  path: string,
  onColumns: (columns: string[]) => void,
  onRecord: (line: number, record: Record<string, string>) => void,
  only?: readonly string[],
  onCells?: (cells: CsvCells) => boolean,
): void {
  const reader = csvRecordReader(onColumns, onRecord, only, onCells);
  const file = openSync(path, "r");
  try {
    const chunk = Buffer.allocUnsafe(1 << 16);
    // A character whose bytes run over the end of a chunk is held back until the next.
    const utf8 = new StringDecoder("utf8");
    for (let read = readSync(file, chunk); read > 0; read = readSync(file, chunk)) reader.push(utf8.write(chunk.subarray(0, read)));
    reader.push(utf8.end());
  } finally {
    closeSync(file);
  }
  reader.end();
}
