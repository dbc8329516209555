// Builds every shipped artefact into dist/. Run by `npm install` (prepare), `npm start` and `npm test`.
import { build } from "esbuild";
import { chmod, mkdir } from "node:fs/promises";

const started = performance.now();
await mkdir("dist/cli", { recursive: true });

// Node programs: the CLI and the sandbox server. npm packages stay external (better-sqlite3 is native).
await build({
  entryPoints: { "cli/iro-desk": "src/hosts/cli/iro-desk.ts", "sandbox/main": "src/sandbox/main.ts" },
  packages: "external",
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
await chmod("dist/cli/iro-desk.js", 0o755);

console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
