import { describe, expect, it } from "vitest";
import { Utf8Pieces } from "../../src/hosts/cli/utf8.js";

/** What the pieces hold, each decoded on its own (a character split between two would not decode). */
function gathered(size: number, fill: (out: Utf8Pieces) => void): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  const out = new Utf8Pieces(size, (piece) => pieces.push(new TextDecoder("utf-8", { fatal: true }).decode(piece)));
  fill(out);
  out.flush();
  return { text: pieces.join(""), pieces };
}

describe("Utf8Pieces: output gathered as UTF-8", () => {
  it("writes text as Buffer.from would, ASCII or not, short or long, in pieces that never split a character", () => {
    const texts = ["ref,status\r\n", "Åsa Łukasz", "李", "😀", "a😀b", "x".repeat(40), `${"é".repeat(20)}–${"y".repeat(30)}`, "", "L1,on-track"];
    for (const size of [16, 64, 1 << 16]) {
      const { text, pieces } = gathered(size, (out) => texts.forEach((t) => out.add(t)));
      expect(text, `pieces of ${size}`).toBe(texts.join(""));
      if (size === 16) expect(pieces.length).toBeGreaterThan(3);
    }
  });

  it("writes whole numbers as String() does, without making the string", () => {
    const numbers = [0, 7, 9, 10, 99, 100, 101, 999_999, 1_000_000, -1, -10, -250, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, -0.25];
    const { text } = gathered(8, (out) => numbers.forEach((n) => (out.addInteger(n), out.add(","))));
    expect(text).toBe(numbers.map((n) => `${String(n)},`).join(""));
  });

  it("adds bytes already encoded, between texts, larger than a piece too", () => {
    const encoded = new TextEncoder().encode("“a note” – shared\r\n");
    const { text } = gathered(12, (out) => {
      out.add("A1,");
      out.addBytes(encoded);
      out.add("B2,");
      out.addBytes(encoded);
    });
    expect(text).toBe("A1,“a note” – shared\r\nB2,“a note” – shared\r\n");
  });

  it("writes nothing when nothing was added", () => {
    expect(gathered(16, () => undefined).pieces).toEqual([]);
  });
});
