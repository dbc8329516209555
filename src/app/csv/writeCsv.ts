/**
 * Rows to CSV text (RFC 4180, CRLF). A cell that a spreadsheet would run as a formula
 * (starting =, +, -, @, tab or CR) is prefixed with an apostrophe: exported data is opened in
 * Excel by people who trust it (OWASP "CSV injection"). Negative numbers stay numbers.
 */
export function writeCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
