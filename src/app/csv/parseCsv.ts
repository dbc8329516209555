/**
 * Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a leading BOM) into rows.
 * Hand-written because it is 40 lines and the browser bundles that import files must stay small;
 * each row keeps the line it started on so import errors can name it.
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

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let values: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    values.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (values.length > 1 || values[0] !== "") rows.push({ line: rowLine, values });
    values = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      rowLine = ++line;
    } else field += ch;
  }
  if (quoted) throw new CsvSyntaxError(rowLine, "a quoted field is never closed");
  if (field !== "" || values.length > 0) endRow();
  return rows;
}

/** Rows as records keyed by the header row's column names (trimmed). */
export function csvRecords(text: string): { columns: string[]; records: { line: number; record: Record<string, string> }[] } {
  const [header, ...rows] = parseCsv(text);
  const columns = (header?.values ?? []).map((c) => c.trim());
  return {
    columns,
    records: rows.map((row) => ({
      line: row.line,
      record: Object.fromEntries(columns.map((c, i) => [c, row.values[i] ?? ""])),
    })),
  };
}
