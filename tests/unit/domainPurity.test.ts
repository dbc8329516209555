import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The domain is pure: it imports nothing outside src/domain and never reads a clock or a random
 * source, so every rule gives the same answer for the same input on any machine, in any zone.
 */
const root = resolve(import.meta.dirname, "../../src/domain");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const IMPURE: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "Date.now() reads the clock: take `today` as a parameter (the host gets it from the Clock port)"],
  [/new\s+Date\s*\(\s*\)/, "new Date() reads the clock: take `today` as a parameter (the host gets it from the Clock port)"],
  [/\bnew\s+Date\s*\(/, "Date objects depend on the machine's time zone: use IsoDate and toDayNumber from calendar/isoDate.ts"],
  [/\bperformance\.now\s*\(/, "performance.now() reads the clock: measure in scripts/bench.mjs, not in the domain"],
  [/\bMath\.random\s*\(/, "Math.random() makes rules unrepeatable: pass values in"],
  [/\b(?:fetch|localStorage|document|window|process)\b\s*[.(]/, "I/O and host objects belong in adapters behind a port (src/ports), not in the domain"],
];

function domainViolations(sourceFiles: readonly string[], domainRoot: string): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles) {
    const text = readFileSync(file, "utf8");
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const name = relative(domainRoot, file);
    for (const match of code.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      if (!spec.startsWith(".")) {
        problems.push(`${name} imports "${spec}": the domain may import only other files in src/domain; put library and host code in src/adapters behind a port`);
      } else if (relative(domainRoot, resolve(dirname(file), spec)).startsWith("..")) {
        problems.push(`${name} imports "${spec}", outside src/domain: move the shared piece into src/domain or pass it in`);
      }
    }
    for (const [pattern, advice] of IMPURE) if (pattern.test(code)) problems.push(`${name}: ${advice}`);
  }
  return problems;
}

describe("the domain layer", () => {
  it("imports nothing outside src/domain and never reads the clock", () => {
    const sourceFiles = files(root);
    expect(sourceFiles.length).toBeGreaterThan(5);
    expect(domainViolations(sourceFiles, root)).toEqual([]);
  });
});

describe("the domain purity check itself", () => {
  it("names each kind of leak and says what to do instead", () => {
    const fake = mkdtempSync(join(tmpdir(), "domain-"));
    mkdirSync(join(fake, "calendar"));
    const write = (name: string, text: string) => {
      writeFileSync(join(fake, name), text);
      return join(fake, name);
    };
    const sources = [
      write("calendar/ok.ts", 'import { x } from "./other.js";\n// Date.now() in a comment is fine\nexport const y = x;'),
      write("graph.ts", 'import { Client } from "@microsoft/microsoft-graph-client";'),
      write("up.ts", 'export { thing } from "../app/thing.js";'),
      write("clock.ts", "export const today = () => new Date();"),
      write("now.ts", "export const t = Date.now();"),
      write("io.ts", "export const v = localStorage.getItem('x');"),
    ];
    const problems = domainViolations(sources, fake);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^graph.ts imports "@microsoft\/microsoft-graph-client".*src\/adapters behind a port/);
    expect(problems[1]).toMatch(/^up.ts imports "..\/app\/thing.js", outside src\/domain/);
    expect(problems.filter((p) => p.startsWith("clock.ts"))).toEqual([
      "clock.ts: new Date() reads the clock: take `today` as a parameter (the host gets it from the Clock port)",
      "clock.ts: Date objects depend on the machine's time zone: use IsoDate and toDayNumber from calendar/isoDate.ts",
    ]);
    expect(problems.some((p) => p.startsWith("now.ts: Date.now()"))).toBe(true);
    expect(problems.some((p) => p.startsWith("io.ts: I/O"))).toBe(true);
  });
});
