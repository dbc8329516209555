// Builds every shipped artefact into dist/. Run by `npm install` (prepare), `npm start` and `npm test`.
//   dist/cli, dist/sandbox  Node programs (npm packages stay external: better-sqlite3 is native)
//   dist/web                the pages every host loads, their bundles, styles and icons
import { build } from "esbuild";
import { chmod, cp, mkdir, rm, writeFile } from "node:fs/promises";

const started = performance.now();
await rm("dist/web", { recursive: true, force: true });
await mkdir("dist/cli", { recursive: true });

await build({
  entryPoints: { "cli/iro-desk": "src/hosts/cli/iro-desk.ts", "sandbox/main": "src/sandbox/main.ts" },
  outdir: "dist",
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
await chmod("dist/cli/iro-desk.js", 0o755);

// Browser bundles: ES modules with shared chunks, minified; MSAL is a chunk of its own, loaded
// only when signing in to a real tenant.
const web = await build({
  entryPoints: {
    "js/preview-outlook": "src/hosts/preview/outlookPreview.tsx",
  },
  outdir: "dist/web",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: ["chrome110", "firefox115", "safari16", "edge110"],
  minify: true,
  sourcemap: "linked",
  jsx: "automatic",
  jsxImportSource: "preact",
  metafile: true,
  chunkNames: "js/chunks/[name]-[hash]",
  logLevel: "warning",
});
await writeFile("dist/web-meta.json", JSON.stringify(web.metafile));
await cp("assets/css", "dist/web/css", { recursive: true });
await cp("assets/pages", "dist/web", { recursive: true });
await cp("assets/icons", "dist/web/assets", { recursive: true });

console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
