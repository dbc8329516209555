import { describe, expect, it } from "vitest";
import { forTerminal, forTerminalBytes } from "../../src/hosts/cli/forTerminal.js";
import { file, run } from "./runCli.js";

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("what the CLI prints is safe in a terminal", () => {
  it("strips escape sequences, C1 controls and bidirectional overrides from values in a file, in every format and in errors", async () => {
    const cases = file(
      "hostile-cases.json",
      JSON.stringify({
        today: "2026-03-02",
        cases: [
          { ref: "A1\u001b[2J\u001b]0;owned\u0007\u202eevil", track: "lac", periodStart: "2026-01-05", reviews: [] },
          { ref: "B\u009b31m\u2066x\u2069", track: "lac", periodStart: "not a date" },
        ],
      }),
    );
    for (const format of ["table", "json", "csv"]) {
      const { stdout, stderr } = await run("due", cases, "--format", format);
      expect(stdout, format).not.toMatch(CONTROLS);
      expect(stderr, format).not.toMatch(CONTROLS);
      // JSON writes control characters as \u escapes, which a terminal shows as text.
      expect(stdout, format).toContain(format === "json" ? "A1\\u001b[2J\\u001b]0;owned\\u0007evil" : "A1[2J]0;ownedevil");
    }
    const missing = await run("due", "no-such-\u001b[31mfile.json");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no-such-[31mfile.json");
    expect(missing.stderr).not.toMatch(CONTROLS);
  });

  it("keeps tabs and line ends, and ordinary text in any script", () => {
    expect(forTerminal("a\tb\r\nc\nÅsa Łukasz 李 مرحبا")).toBe("a\tb\r\nc\nÅsa Łukasz 李 مرحبا");
    expect(forTerminal("x\u202ey\u200fz\u061c")).toBe("xyz");
  });

  it("removes from UTF-8 bytes exactly what it removes from text: every character either side of each unsafe range, in any mix", () => {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const through = (text: string) => decoder.decode(forTerminalBytes(encoder.encode(text)));
    // Every code point up to U+0100, and each unsafe range above it with its neighbours (and
    // characters sharing their first UTF-8 bytes: U+0600–U+063F start D8, U+2000–U+207F start E2 80/81).
    const singles: string[] = [];
    for (let c = 0; c <= 0x100; c++) singles.push(String.fromCodePoint(c));
    for (let c = 0x600; c <= 0x63f; c++) singles.push(String.fromCodePoint(c));
    for (let c = 0x2000; c <= 0x20bf; c++) singles.push(String.fromCodePoint(c));
    singles.push("李", "😀", "Å", "Ł");
    for (const s of singles) expect(through(`a${s}b`), `U+${s.codePointAt(0)!.toString(16)}`).toBe(forTerminal(`a${s}b`));
    // C0 but tab, LF and CR; DEL; C1; U+061C; U+200E–F; U+202A–E; U+2066–9.
    expect(singles.filter((s) => forTerminal(s) === "").length).toBe(29 + 1 + 32 + 1 + 2 + 5 + 4);
    // Random mixes, unsafe characters at the ends and next to each other.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: next() % 12 }, () => singles[next() % singles.length]).join("");
      expect(through(text)).toBe(forTerminal(text));
    }
    const clean = encoder.encode("ref,status\r\nL1,on-track – fine\r\n");
    expect(forTerminalBytes(clean)).toBe(clean);
    // Each unsafe character at every place in a run of printable ASCII (read four bytes at a
    // time), the bytes starting at every offset from a 4-byte boundary, as pieces of a larger buffer do.
    for (const u of singles.filter((s) => forTerminal(s) === "")) {
      for (let offset = 0; offset < 4; offset++) {
        for (let before = 0; before < 8; before++) {
          const text = `${"x".repeat(before)}${u}${"y".repeat(9)}`;
          const encoded = encoder.encode(text);
          const inBuffer = new Uint8Array(encoded.length + 8);
          inBuffer.set(encoded, offset);
          const piece = inBuffer.subarray(offset, offset + encoded.length);
          expect(decoder.decode(forTerminalBytes(piece)), `offset ${offset}: ${JSON.stringify(text)}`).toBe("x".repeat(before) + "y".repeat(9));
        }
      }
    }
  });
});
