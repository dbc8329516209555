import { grow } from "../stringIndex.js";

/**
 * CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a leading BOM) read a chunk at a time,
 * so a file of any size streams through in constant memory; each row keeps the line it started on
 * so import errors can name it. Hand-written because it is short and the browser bundles that
 * import files must stay small.
 */
export interface CsvRow {
  readonly line: number;
  readonly values: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * A plain row's cells as where they are in the text read (cell c is text.slice(start[c], end[c])),
 * not yet cut into strings. One is used for every row: read it in the call it is given to, never keep it.
 */
export class CsvCells {
  text = "";
  /** The row's line. */
  line = 0;
  /** Cells found (a short row has fewer than the header; cells after the last one read are not looked for). */
  count = 0;
  start = new Int32Array(16);
  end = new Int32Array(16);

  /** Whether cell `c` holds exactly `value`. */
  is(c: number, value: string): boolean {
    return this.end[c]! - this.start[c]! === value.length && this.text.startsWith(value, this.start[c]);
  }

  /** Where the cell is in `codes`, or -1. */
  codeIn(c: number, codes: readonly string[]): number {
    for (let i = 0; i < codes.length; i++) if (this.is(c, codes[i]!)) return i;
    return -1;
  }

  add(start: number, end: number): void {
    if (this.count === this.start.length) {
      this.start = grow(this.start, this.count + 1);
      this.end = grow(this.end, this.count + 1);
    }
    this.start[this.count] = start;
    this.end[this.count++] = end;
  }
}

/** Rows out of CSV text given in chunks of any size: `push` each chunk, then `end`; each row goes to `onRow` as soon as it is complete. */
export class CsvParser {
  private values: string[] = [];
  /** The part of the current field read so far (a field may run over a chunk boundary). */
  private field = "";
  private fieldStarted = false;
  private quoted = false;
  /** A quote at the very end of a chunk inside a quoted field: closing, or the first of a doubled pair. */
  private quoteAtEnd = false;
  /** A CR at the very end of a chunk: a following LF belongs to it. */
  private crAtEnd = false;
  private first = true;
  /**
   * The cells anyone reads, by position, when not all are (see onlyCells): a plain row's other
   * cells are left empty, and it is not cut after the last cell read.
   */
  private read: readonly boolean[] | null = null;
  private line = 1;
  private rowLine = 1;
  private readonly cells = new CsvCells();
  private onCells: ((cells: CsvCells) => boolean) | null = null;

  push(chunk: string, onRow: (row: CsvRow) => void): void {
    let i = 0;
    const n = chunk.length;
    if (this.first && n > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.crAtEnd && i < n) {
      this.crAtEnd = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    if (this.quoteAtEnd && i < n) {
      this.quoteAtEnd = false;
      if (chunk.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else this.quoted = false;
    }
    let start = i;
    let nextQuote = -1;
    let nextCr = -1;
    while (i < n) {
      if (this.quoted) {
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.countLines(chunk, i, end);
        this.field += chunk.slice(start, end);
        if (q < 0) return;
        if (q + 1 === n) {
          this.quoteAtEnd = true;
          return;
        }
        if (chunk.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = start = q + 2;
        } else {
          this.quoted = false;
          i = start = q + 1;
        }
        continue;
      }
      // A whole row with no quotes (most rows of most files).
      if (i === start && !this.fieldStarted && this.values.length === 0) {
        if (nextQuote < i) nextQuote = indexOrEnd(chunk, '"', i);
        if (nextCr < i) nextCr = indexOrEnd(chunk, "\r", i);
        const next = this.plainRow(chunk, i, nextQuote, nextCr, onRow);
        if (next >= 0) {
          i = start = next;
          continue;
        }
      }
      const c = chunk.charCodeAt(i);
      if (c === COMMA) {
        this.endField(chunk.slice(start, i));
        i = start = i + 1;
      } else if (c === LF || c === CR) {
        this.endField(chunk.slice(start, i));
        this.endRow(onRow);
        if (c === CR) {
          if (i + 1 === n) this.crAtEnd = true;
          else if (chunk.charCodeAt(i + 1) === LF) i++;
        }
        this.rowLine = ++this.line;
        i = start = i + 1;
      } else if (c === QUOTE && i === start && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        i = start = i + 1;
      } else i++;
    }
    if (start < n) {
      this.field += chunk.slice(start, n);
      this.fieldStarted = true;
    }
  }

  /**
   * The row starting at `from` when it holds no quote and no lone CR, and ends in this chunk (LF
   * or CRLF): cut at its commas, given to `onRow`; returns where the next row starts, or -1 (nothing
   * read) for a row the general reader must take. Found by indexOf, which is native and fast:
   * `nextQuote` and `nextCr` are the first quote and CR at or after `from` (the chunk's length when
   * there is none), searched for once per chunk rather than once per row.
   */
  private plainRow(chunk: string, from: number, nextQuote: number, nextCr: number, onRow: (row: CsvRow) => void): number {
    const nl = chunk.indexOf("\n", from);
    if (nl < 0 || nextQuote < nl) return -1;
    const end = nl > from && chunk.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    if (nextCr < end) return -1;
    const read = this.read;
    const cells = this.cells;
    cells.text = chunk;
    cells.line = this.line;
    cells.count = 0;
    for (let cell = from; ; ) {
      let comma = chunk.indexOf(",", cell);
      if (comma < 0 || comma > end) comma = end;
      cells.add(cell, comma);
      if (comma === end || (read !== null && cells.count === read.length)) break;
      cell = comma + 1;
    }
    if (end > from && !this.onCells?.(cells)) {
      const values: string[] = [];
      for (let c = 0; c < cells.count; c++) values.push(read === null || read[c] === true ? chunk.slice(cells.start[c], cells.end[c]) : "");
      onRow({ line: this.line, values });
    }
    this.rowLine = ++this.line;
    return nl + 1;
  }

  /**
   * From here on, each plain row (see plainRow) is first offered to `onCells` as where its cells
   * are, no string cut: when it returns true the row is taken, else it goes to `onRow` as usual.
   * Cutting a string for every cell of a million rows, to read a date's digits or compare a code,
   * is most of the work and the garbage of reading a large file.
   */
  offerCells(onCells: (cells: CsvCells) => boolean): void {
    this.onCells = onCells;
  }

  /**
   * Only the cells at these positions (true) are read from here on: a file with more columns
   * than its reader uses (the SSDA903 episodes file has 13, the import reads 6) is read faster.
   * Rows with quotes still have every cell.
   */
  onlyCells(read: readonly boolean[]): void {
    this.read = read.slice(0, read.lastIndexOf(true) + 1);
  }

  end(onRow: (row: CsvRow) => void): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.quoted) throw new CsvSyntaxError(this.rowLine, "a quoted field is never closed");
    if (this.fieldStarted || this.values.length > 0) {
      this.endField("");
      this.endRow(onRow);
    }
  }

  private endField(rest: string): void {
    this.values.push(this.field + rest);
    this.field = "";
    this.fieldStarted = false;
  }

  private endRow(onRow: (row: CsvRow) => void): void {
    const values = this.values;
    this.values = [];
    if (values.length > 1 || values[0] !== "") onRow({ line: this.rowLine, values });
  }

  private countLines(chunk: string, from: number, to: number): void {
    for (let nl = chunk.indexOf("\n", from); nl >= 0 && nl < to; nl = chunk.indexOf("\n", nl + 1)) this.line++;
  }
}

/** Where `text` next holds `char` from `from`, or its length when it does not. */
function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const parser = new CsvParser();
  const keep = (row: CsvRow) => void rows.push(row);
  parser.push(text, keep);
  parser.end(keep);
  return rows;
}

/**
 * Makes rows into records keyed by the header row's column names (a null name: a column left out);
 * a missing cell is empty.
 *
 * Each record starts as a copy of one holding every column (so no store adds a property) and is
 * filled by one store per column position (each meets one column name for the whole file): V8
 * keeps such stores fast, where a store in a loop over the columns meets every name and is slow
 * (for a row of 8 cells, 1,900 instructions this way, 4,300 adding properties in a loop), and a
 * million rows pass here. Columns after the 16th are filled in a loop.
 */
function recordMaker(header: readonly (string | null)[]): (values: readonly string[]) => Record<string, string> {
  // The names as V8 keeps property names (interned): a store given a name read from the file, a
  // different string with the same text, misses and is slow whatever its position.
  const columns: string[] = [];
  /** Where each column's cell is in a row. */
  const at: number[] = [];
  header.forEach((name, position) => {
    if (name === null) return;
    columns.push(Object.keys({ [name]: 0 })[0]!);
    at.push(position);
  });
  const blank: Record<string, string> = {};
  for (const c of columns) blank[c] = "";
  const n = columns.length;
  return (values) => {
    const record = { ...blank };
    if (n > 0) record[columns[0]!] = values[at[0]!] ?? "";
    if (n > 1) record[columns[1]!] = values[at[1]!] ?? "";
    if (n > 2) record[columns[2]!] = values[at[2]!] ?? "";
    if (n > 3) record[columns[3]!] = values[at[3]!] ?? "";
    if (n > 4) record[columns[4]!] = values[at[4]!] ?? "";
    if (n > 5) record[columns[5]!] = values[at[5]!] ?? "";
    if (n > 6) record[columns[6]!] = values[at[6]!] ?? "";
    if (n > 7) record[columns[7]!] = values[at[7]!] ?? "";
    if (n > 8) record[columns[8]!] = values[at[8]!] ?? "";
    if (n > 9) record[columns[9]!] = values[at[9]!] ?? "";
    if (n > 10) record[columns[10]!] = values[at[10]!] ?? "";
    if (n > 11) record[columns[11]!] = values[at[11]!] ?? "";
    if (n > 12) record[columns[12]!] = values[at[12]!] ?? "";
    if (n > 13) record[columns[13]!] = values[at[13]!] ?? "";
    if (n > 14) record[columns[14]!] = values[at[14]!] ?? "";
    if (n > 15) record[columns[15]!] = values[at[15]!] ?? "";
    for (let c = 16; c < n; c++) record[columns[c]!] = values[at[c]!] ?? "";
    return record;
  };
}

/** Rows as records keyed by the header row's column names (trimmed). */
export function csvRecords(text: string): { columns: string[]; records: { line: number; record: Record<string, string> }[] } {
  const [header, ...rows] = parseCsv(text);
  const columns = (header?.values ?? []).map((c) => c.trim());
  const record = recordMaker(columns);
  return { columns, records: rows.map((row) => ({ line: row.line, record: record(row.values) })) };
}

/**
 * Records from CSV text arriving in chunks (a file read as a stream), each given to `onRecord` as
 * soon as its row is complete: the first row names the columns, given to `onColumns` before any
 * record (it may throw to refuse the file). Nothing is held between rows. `onCells`, when given,
 * is offered each plain row after the header first (CsvParser.offerCells): a row it takes is not
 * made into a record.
 */
export function csvRecordReader(
  onColumns: (columns: string[]) => void,
  onRecord: (line: number, record: Record<string, string>) => void,
  only?: readonly string[],
  onCells?: (cells: CsvCells) => boolean,
): { push(chunk: string): void; end(): void } {
  const parser = new CsvParser();
  let record: ((values: readonly string[]) => Record<string, string>) | null = null;
  const row = ({ line, values }: CsvRow) => {
    if (record === null) {
      const columns = values.map((c) => c.trim());
      // Records hold only the columns asked for (`only`), when it is given: fewer cells cut, smaller records.
      const kept = only ? columns.map((c) => only.includes(c)) : null;
      record = recordMaker(kept ? columns.map((c, i) => (kept[i] ? c : null)) : columns);
      if (kept) parser.onlyCells(kept);
      onColumns(columns);
      if (onCells) parser.offerCells(onCells);
    } else onRecord(line, record(values));
  };
  return {
    push: (chunk) => parser.push(chunk, row),
    end() {
      parser.end(row);
      if (record === null) onColumns([]);
    },
  };
}

/**
 * The same as batches from an async stream of chunks: a batch per chunk (keep chunks small, so a
 * batch is short-lived).
 */
export async function* csvRecordStream(chunks: AsyncIterable<string>, onColumns: (columns: string[]) => void): AsyncGenerator<{ line: number; record: Record<string, string> }[]> {
  let batch: { line: number; record: Record<string, string> }[] = [];
  const reader = csvRecordReader(onColumns, (line, record) => void batch.push({ line, record }));
  for await (const chunk of chunks) {
    reader.push(chunk);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  reader.end();
  if (batch.length > 0) yield batch;
}
