import { describe, expect, it } from "vitest";
import { asciiBytes, JsonBytes } from "../../src/app/jsonBytes.js";
import { fromDayNumber, toDayNumber, type IsoDate } from "../../src/domain/calendar/isoDate.js";

const written = (write: (out: JsonBytes) => void) => {
  const out = new JsonBytes(16);
  write(out);
  return new TextDecoder().decode(out.view());
};

describe("JSON gathered as bytes", () => {
  it("writes a day as JSON.stringify writes its ISO date: month ends, 29 February, either side of the days it keeps the text of, years of fewer and more than four digits", () => {
    const dates = ["2028-02-29", "2026-12-31", "2027-01-01", "1970-01-01", "1899-12-31", "1900-01-01", "2099-12-31", "2100-01-01", "0999-03-01", "0001-01-01", "9999-12-31"];
    const days = dates.map((d) => toDayNumber(d as IsoDate));
    days.push(toDayNumber("0000-01-01" as IsoDate) - 1, toDayNumber("9999-12-31" as IsoDate) + 1);
    // Each twice: once made, once from the text kept.
    for (const day of [...days, ...days]) expect(written((out) => out.isoDay(day))).toBe(JSON.stringify(fromDayNumber(day)));
    expect(written((out) => out.isoDay(toDayNumber("2028-02-29" as IsoDate)))).toBe('"2028-02-29"');
  });

  it("writes fixed parts, plain strings and any text as UTF-8, growing past its first buffer", () => {
    const long = "x".repeat(10_000);
    const value = { a: long, b: "Zoë ☃ 😀", c: true };
    expect(written((out) => {
      out.ascii(asciiBytes('{"a":'));
      out.plainString(long);
      out.ascii(asciiBytes(',"b":'));
      out.text(JSON.stringify(value.b));
      out.ascii(asciiBytes(',"c":true}'));
    })).toBe(JSON.stringify(value));
  });

  it("starts again, in the same buffer, when cleared", () => {
    const out = new JsonBytes(16);
    out.plainString("first");
    const before = out.view();
    out.clear();
    expect(out.size).toBe(0);
    out.plainString("PN1");
    expect(new TextDecoder().decode(out.view())).toBe('"PN1"');
    expect(out.view().buffer).toBe(before.buffer);
  });
});
