import { describe, expect, it } from "vitest";
import { forTerminal } from "../../src/hosts/cli/forTerminal.js";
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
});
