import { describe, expect, it } from "vitest";
import { StringIndex } from "../../src/app/stringIndex.js";

describe("a compact numbered set of strings", () => {
  it("numbers keys in the order added, finds them again after growing many times, and gives them back", () => {
    const index = new StringIndex();
    const keys = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? `L${i}` : i % 3 === 1 ? `${900000 + i}` : `ref ${i}/é`));
    keys.forEach((k, i) => expect(index.add(k)).toBe(i));
    expect(index.size).toBe(keys.length);
    for (const i of [0, 1, 2, 4095, 4096, 32768, 49999]) {
      expect(index.indexOf(keys[i]!)).toBe(i);
      expect(index.keyAt(i)).toBe(keys[i]);
      expect(index.add(keys[i]!)).toBe(i);
    }
    expect(index.size).toBe(keys.length);
    expect(index.indexOf("L1")).toBe(-1);
    expect(index.indexOf("")).toBe(-1);
    expect(index.add("")).toBe(keys.length);
    expect(index.keyAt(keys.length)).toBe("");
  });

  it("says whether a key is a stretch of a text, read where it is", () => {
    const index = new StringIndex();
    index.add("900001");
    index.add("A 12");
    const line = "900001,A 12,90000";
    expect([index.keyIs(0, line, 0, 6), index.keyIs(1, line, 7, 11), index.keyIs(0, line, 12, 17), index.keyIs(0, line, 7, 11), index.keyIs(1, line, 6, 11)]).toEqual([true, true, false, false, false]);
  });
});
