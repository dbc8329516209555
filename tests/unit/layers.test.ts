import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers cannot leak (design.md): domain ← app and ports ← adapters ← ui ← hosts, the sandbox
 * apart. Each layer may import only the layers it builds on and only the libraries that belong to
 * it; the domain is also pure (no clock, no randomness, no I/O), so every rule gives the same
 * answer for the same input on any machine, in any zone. Every refusal says what to do instead.
 */
type Layer = "domain" | "app" | "ports" | "adapters" | "ui" | "hosts" | "sandbox";

const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  domain: ["domain"],
  app: ["domain", "app", "ports"],
  ports: ["domain", "app", "ports"],
  adapters: ["domain", "app", "ports", "adapters"],
  ui: ["domain", "app", "ports", "ui"],
  hosts: ["domain", "app", "ports", "adapters", "ui", "hosts"],
  sandbox: ["domain", "app", "ports", "adapters", "sandbox"],
};

const INSTEAD: Readonly<Record<Layer, string>> = {
  domain: "the domain may import only other files in src/domain: move the shared piece into src/domain or pass it in",
  app: "use cases take ports (src/ports) as parameters; the adapters are wired in src/hosts/root/composeEnv.ts",
  ports: "ports are interfaces over the domain and app types; implementations go in src/adapters",
  adapters: "an adapter implements a port; what the user sees goes in src/ui, the wiring in src/hosts",
  ui: "panes get every port from PaneEnv (src/ui/env.ts), built by src/hosts/root/composeEnv.ts: never an adapter or a host directly",
  hosts: "the sandbox is a separate program: pages reach it over HTTP (/graph, /sandbox/users), never by import",
  sandbox: "the sandbox is apart: it may use the domain, app, ports and adapters, never the panes or hosts",
};

/** Libraries a layer may not use, and why. */
const FORBIDDEN_PACKAGES: Readonly<Record<Layer, readonly [RegExp, string][]>> = {
  domain: [[/./, "the domain uses no libraries: put library and host code in src/adapters behind a port"]],
  ports: [[/./, "ports are interfaces: no libraries"]],
  app: [[/^(node:|@microsoft\/|@azure\/|webextension-polyfill|preact|better-sqlite3)/, "use cases do no I/O and draw nothing: reach Microsoft 365, the browser or the disk through a port"]],
  adapters: [[/^preact/, "adapters draw nothing: panes go in src/ui"]],
  ui: [[/^(?!preact)/, "panes use preact only: host SDKs (Office.js, teams-js, Graph, WebExtension) belong in src/adapters behind a port"]],
  hosts: [],
  sandbox: [[/^(preact|@microsoft\/|@azure\/|webextension-polyfill)/, "the sandbox is a Node server: no browser or Microsoft client libraries"]],
};

const DOMAIN_IMPURE: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "Date.now() reads the clock: take `today` as a parameter (the host gets it from the Clock port)"],
  [/new\s+Date\s*\(\s*\)/, "new Date() reads the clock: take `today` as a parameter (the host gets it from the Clock port)"],
  [/\bnew\s+Date\s*\(/, "Date objects depend on the machine's time zone: use IsoDate and toDayNumber from calendar/isoDate.ts"],
  [/\bperformance\.now\s*\(/, "performance.now() reads the clock: measure in scripts/bench.mjs, not in the domain"],
  [/\bMath\.random\s*\(/, "Math.random() makes rules unrepeatable: pass values in"],
  [/\b(?:fetch|localStorage|document|window|process)\b\s*[.(]/, "I/O and host objects belong in adapters behind a port (src/ports), not in the domain"],
];

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;
const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

function layerOf(srcRoot: string, file: string): Layer | null {
  const top = relative(srcRoot, file).split(sep)[0];
  return LAYERS.find((l) => l === top) ?? null;
}

function layerViolations(sourceFiles: readonly string[], srcRoot: string): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles) {
    const layer = layerOf(srcRoot, file);
    if (!layer) continue;
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const name = relative(srcRoot, file).split(sep).join("/");
    for (const match of code.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (!spec.startsWith(".")) {
        const refused = FORBIDDEN_PACKAGES[layer].find(([pattern]) => pattern.test(spec));
        if (refused) problems.push(`${name} imports "${spec}": ${refused[1]}`);
        continue;
      }
      const target = resolve(dirname(file), spec);
      const targetLayer = layerOf(srcRoot, target);
      if (targetLayer === null || !MAY_IMPORT[layer].includes(targetLayer)) problems.push(`${name} imports "${spec}" (${targetLayer ?? "outside src"}): ${INSTEAD[layer]}`);
    }
    if (layer === "domain") for (const [pattern, advice] of DOMAIN_IMPURE) if (pattern.test(code)) problems.push(`${name}: ${advice}`);
  }
  return problems;
}

describe("the layers", () => {
  const srcRoot = resolve(import.meta.dirname, "../../src");
  it("import only the layers and libraries they build on, and the domain never reads the clock", () => {
    const sourceFiles = files(srcRoot);
    for (const layer of LAYERS) expect(sourceFiles.filter((f) => layerOf(srcRoot, f) === layer).length, layer).toBeGreaterThan(0);
    expect(layerViolations(sourceFiles, srcRoot)).toEqual([]);
  });
});

describe("the layer check itself", () => {
  it("names each kind of leak and says what to do instead", () => {
    const fake = mkdtempSync(join(tmpdir(), "layers-"));
    for (const dir of ["domain/calendar", "app", "ui", "hosts", "adapters", "sandbox"]) mkdirSync(join(fake, dir), { recursive: true });
    const write = (name: string, text: string) => {
      writeFileSync(join(fake, name), text);
      return join(fake, name);
    };
    const sources = [
      write("domain/calendar/ok.ts", 'import { x } from "./other.js";\n// Date.now() in a comment is fine\nexport const y = x;'),
      write("domain/graph.ts", 'import { Client } from "@microsoft/microsoft-graph-client";'),
      write("domain/up.ts", 'export { thing } from "../app/thing.js";'),
      write("domain/clock.ts", "export const today = () => new Date();"),
      write("domain/now.ts", "export const t = Date.now();"),
      write("domain/io.ts", "export const v = localStorage.getItem('x');"),
      write("app/fine.ts", 'import type { Calendar } from "../ports/Calendar.js";\nimport { x } from "../domain/calendar/ok.js";'),
      write("app/office.ts", 'import "@microsoft/teams-js";'),
      write("ui/Pane.tsx", 'import { GraphCalendar } from "../adapters/graph/graphCalendar.js";\nimport { useState } from "preact/hooks";\nimport browser from "webextension-polyfill";'),
      write("hosts/page.tsx", 'import { DEMO_SITE } from "../sandbox/demo/demoTenant.js";\nimport { PaneHost } from "./root/PaneHost.js";'),
      write("sandbox/server.ts", 'import { BookingPane } from "../ui/BookingPane.js";\nconst m = await import("../domain/calendar/ok.js");'),
    ];
    const problems = layerViolations(sources, fake);
    expect(problems).toEqual([
      'domain/graph.ts imports "@microsoft/microsoft-graph-client": the domain uses no libraries: put library and host code in src/adapters behind a port',
      'domain/up.ts imports "../app/thing.js" (app): the domain may import only other files in src/domain: move the shared piece into src/domain or pass it in',
      "domain/clock.ts: new Date() reads the clock: take `today` as a parameter (the host gets it from the Clock port)",
      "domain/clock.ts: Date objects depend on the machine's time zone: use IsoDate and toDayNumber from calendar/isoDate.ts",
      "domain/now.ts: Date.now() reads the clock: take `today` as a parameter (the host gets it from the Clock port)",
      "domain/io.ts: I/O and host objects belong in adapters behind a port (src/ports), not in the domain",
      'app/office.ts imports "@microsoft/teams-js": use cases do no I/O and draw nothing: reach Microsoft 365, the browser or the disk through a port',
      'ui/Pane.tsx imports "../adapters/graph/graphCalendar.js" (adapters): panes get every port from PaneEnv (src/ui/env.ts), built by src/hosts/root/composeEnv.ts: never an adapter or a host directly',
      'ui/Pane.tsx imports "webextension-polyfill": panes use preact only: host SDKs (Office.js, teams-js, Graph, WebExtension) belong in src/adapters behind a port',
      'hosts/page.tsx imports "../sandbox/demo/demoTenant.js" (sandbox): the sandbox is a separate program: pages reach it over HTTP (/graph, /sandbox/users), never by import',
      'sandbox/server.ts imports "../ui/BookingPane.js" (ui): the sandbox is apart: it may use the domain, app, ports and adapters, never the panes or hosts',
    ]);
  });
});
