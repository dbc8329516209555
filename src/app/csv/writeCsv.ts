/**
 * Rows to CSV text (RFC 4180, CRLF). A cell that a spreadsheet would run as a formula
 * (starting =, +, -, @, tab or CR) is prefixed with an apostrophe: exported data is opened in
 * Excel by people who trust it (OWASP "CSV injection"). Negative numbers stay numbers.
 */
export function writeCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  let text = "";
  for (const row of rows) text += csvLine(row);
  return text;
}

/** One row and its CRLF: what `writeCsv` writes for each row, for writing rows as they come. */
export function csvLine(row: readonly (string | number | null)[]): string {
  let line = "";
  for (let i = 0; i < row.length; i++) line += (i === 0 ? "" : ",") + csvCell(row[i]!);
  return line + "\r\n";
}

/**
 * One cell as CSV: formula-like text defused, quoted when it holds a quote, comma or line end.
 * Character codes rather than regular expressions: a large export has millions of cells.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (value === "") return "";
  const first = value.charCodeAt(0);
  // = + - @ tab CR
  const safe = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 ? `'${value}` : value;
  if (!needsQuotes(safe)) return safe;
  return `"${safe.indexOf('"') < 0 ? safe : safe.replace(/"/g, '""')}"`;
}

/** A quote, comma, CR or LF. */
function needsQuotes(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return true;
  }
  return false;
}
