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

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (value === "") return "";
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
