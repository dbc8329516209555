import { describe, expect, it } from "vitest";
import { csvRecords, CsvSyntaxError, parseCsv } from "../../src/app/csv/parseCsv.js";
import { writeCsv } from "../../src/app/csv/writeCsv.js";

describe("CSV", () => {
  it("reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM, keeping line numbers", () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\n3,,z');
    expect(rows).toEqual([
      { line: 1, values: ["a", "b", "c"] },
      { line: 2, values: ["1", "x, y", 'say "hi"'] },
      { line: 4, values: ["2", "two\nlines", ""] },
      { line: 6, values: ["3", "", "z"] },
    ]);
  });

  it("says where a quote is never closed", () => {
    expect(() => parseCsv('a\n"open,1\n')).toThrow(new CsvSyntaxError(2, "a quoted field is never closed"));
  });

  it("keys rows by a trimmed header", () => {
    expect(csvRecords(" ref , track\nA1,lac\n").records).toEqual([{ line: 2, record: { ref: "A1", track: "lac" } }]);
  });

  it("writes what it reads, and defuses spreadsheet formulas", () => {
    const text = writeCsv([["ref", "note", "n"], ["=HYPERLINK(\"x\")", "a, \"b\"", -3], ["@SUM(A1)", null, 0]]);
    expect(text).toBe('ref,note,n\r\n"\'=HYPERLINK(""x"")","a, ""b""",-3\r\n\'@SUM(A1),,0\r\n');
    expect(parseCsv(text)[1]?.values).toEqual(["'=HYPERLINK(\"x\")", 'a, "b"', "-3"]);
  });
});
