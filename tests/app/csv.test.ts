import { describe, expect, it } from "vitest";
import { CsvCells, CsvParser, csvRecordReader, csvRecords, csvRecordStream, CsvSyntaxError, parseCsv, type CsvRow } from "../../src/app/csv/parseCsv.js";
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

  it("reads plain rows around quoted ones and a lone CR, which ends a row (LF, CRLF and CR line ends mixed)", () => {
    const rows = parseCsv('a,b\r\nc\rd,e\n"q",1\nx,,y\n\nlast,"z"\nend');
    expect(rows).toEqual([
      { line: 1, values: ["a", "b"] },
      { line: 2, values: ["c"] },
      { line: 3, values: ["d", "e"] },
      { line: 4, values: ["q", "1"] },
      { line: 5, values: ["x", "", "y"] },
      { line: 7, values: ["last", "z"] },
      { line: 8, values: ["end"] },
    ]);
  });

  it("reads the same however the text is cut into chunks (every cut of every pair of places)", () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\r\nlines",\n3,,z\r\n"",""""\n4\r5,6\n';
    const whole = parseCsv(text);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        const parser = new CsvParser();
        const rows: CsvRow[] = [];
        for (const chunk of [text.slice(0, i), text.slice(i, j), text.slice(j)]) parser.push(chunk, (row) => rows.push(row));
        parser.end((row) => rows.push(row));
        expect(rows, `cut at ${i} and ${j}`).toEqual(whole);
      }
    }
    expect(whole.at(-3)).toEqual({ line: 7, values: ["", '"'] });
    expect(whole.at(-1)).toEqual({ line: 9, values: ["5", "6"] });
  });

  it("streams records, naming the columns first", async () => {
    async function* chunks() {
      yield "ref,tra";
      yield "ck\nA1,lac\nB2";
      yield ",cp\n";
    }
    const seen: string[][] = [];
    const records = [];
    for await (const batch of csvRecordStream(chunks(), (columns) => seen.push(columns))) records.push(...batch);
    expect(seen).toEqual([["ref", "track"]]);
    expect(records).toEqual([{ line: 2, record: { ref: "A1", track: "lac" } }, { line: 3, record: { ref: "B2", track: "cp" } }]);
  });

  it("keeps only the columns asked for, from plain and quoted rows, short rows' missing cells empty", () => {
    const seen: [number, Record<string, string>][] = [];
    const columns: string[][] = [];
    const reader = csvRecordReader((c) => columns.push(c), (line, record) => seen.push([line, record]), ["b", "d"]);
    reader.push("a,b,c,d,e\n1,2,3,4,5\n6,\"7,7\",8,9,10\n11,12\n");
    reader.end();
    expect(columns).toEqual([["a", "b", "c", "d", "e"]]);
    expect(seen).toEqual([
      [2, { b: "2", d: "4" }],
      [3, { b: "7,7", d: "9" }],
      [4, { b: "12", d: "" }],
    ]);
  });

  it("offers each plain row after the header as where its cells are, and makes a record of a row not taken or not plain", () => {
    const offered: [number, string[]][] = [];
    const records: [number, Record<string, string>][] = [];
    const reader = csvRecordReader(
      () => undefined,
      (line, record) => records.push([line, record]),
      ["a", "c"],
      (cells) => {
        const seen: string[] = [];
        for (let c = 0; c < cells.count; c++) seen.push(cells.text.slice(cells.start[c], cells.end[c]));
        offered.push([cells.line, seen]);
        // Taken: rows whose first cell is "take".
        return cells.is(0, "take");
      },
    );
    reader.push("a,b,c,d\ntake,2,3,4\r\nkeep,");
    reader.push("5,6,7\n\"take\",8,9,10\nshort\nkeep,1,2\n");
    reader.end();
    // Cells after the last one read (c) are not looked for; a row cut between two chunks, or quoted, is never offered.
    expect(offered).toEqual([[2, ["take", "2", "3"]], [5, ["short"]], [6, ["keep", "1", "2"]]]);
    expect(records).toEqual([[3, { a: "keep", c: "6" }], [4, { a: "take", c: "9" }], [5, { a: "short", c: "" }], [6, { a: "keep", c: "2" }]]);
  });

  it("finds a cell's code in a list only when it is exactly the code", () => {
    const cells = new CsvCells();
    cells.text = "E4A,X1,x1, X1,";
    for (const [start, end] of [[0, 3], [4, 6], [7, 9], [10, 13], [14, 14]]) cells.add(start!, end!);
    const codes = ["E4A", "X1", ""];
    expect([0, 1, 2, 3, 4].map((c) => cells.codeIn(c, codes))).toEqual([0, 1, -1, -1, 2]);
  });

  it("says where a quote is never closed", () => {
    expect(() => parseCsv('a\n"open,1\n')).toThrow(new CsvSyntaxError(2, "a quoted field is never closed"));
  });

  it("keys rows by a trimmed header", () => {
    expect(csvRecords(" ref , track\nA1,lac\n").records).toEqual([{ line: 2, record: { ref: "A1", track: "lac" } }]);
  });

  it("keys every column of a wide file, a short row's missing cells empty and a long row's extra cells dropped", () => {
    const columns = Array.from({ length: 20 }, (_, c) => `C${c + 1}`);
    const full = columns.map((c) => c.toLowerCase());
    const { records } = csvRecords(`${columns.join(",")}\n${full.join(",")}\n${full.slice(0, 3).join(",")}\n${[...full, "extra"].join(",")}\n`);
    const expected = Object.fromEntries(columns.map((c) => [c, c.toLowerCase()]));
    expect(records.map((r) => r.record)).toEqual([expected, Object.fromEntries(columns.map((c, i) => [c, i < 3 ? c.toLowerCase() : ""])), expected]);
    expect(records.map((r) => Object.keys(r.record))).toEqual([columns, columns, columns]);
  });

  it("writes what it reads, and defuses spreadsheet formulas", () => {
    const text = writeCsv([["ref", "note", "n"], ["=HYPERLINK(\"x\")", "a, \"b\"", -3], ["@SUM(A1)", null, 0]]);
    expect(text).toBe('ref,note,n\r\n"\'=HYPERLINK(""x"")","a, ""b""",-3\r\n\'@SUM(A1),,0\r\n');
    expect(parseCsv(text)[1]?.values).toEqual(["'=HYPERLINK(\"x\")", 'a, "b"', "-3"]);
  });
});
