// Builds every shipped artefact into dist/. Run by `npm install` (prepare), `npm start` and `npm test`.
//   dist/cli, dist/sandbox  Node programs (npm packages stay external: better-sqlite3 is native)
//   dist/web                the pages every host loads, their bundles, styles and icons
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { chmod, cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { PAGES, renderPage } from "./pages.mjs";
import { addinXmlFor, packageM365 } from "./m365Package.mjs";
import { packageExtension } from "./extensionPackage.mjs";

const started = performance.now();
// Everything in dist/ is made here (or by the bench): start clean, so nothing an earlier build
// or an older layout left behind is served, packaged or tested.
await rm("dist", { recursive: true, force: true });
await mkdir("dist/cli", { recursive: true });

// The command line: CommonJS files in dist/cli (its package.json says so). Each command's code is
// a file of its own, required when that command runs (the command files' import() of it stays
// outside the entry, and becomes require()), so what one command needs (import's and report's
// code, the Graph client for `provision`, the Word document library for `report --format docx`)
// stays out of every other command's start-up: `iro-desk due` over a million cases loads none of
// it. CommonJS rather than ES modules: node starts an ES module program about 10 ms later (its
// module loader, and each of a dozen shared chunks read and linked), a fiftieth of an import of
// 100,000 children.
const COMMAND_FILES = ["src/hosts/cli/dueRun.ts", "src/hosts/cli/importRun.ts", "src/hosts/cli/reportRun.ts", "src/hosts/cli/provisionRun.ts", "src/app/report/reportDocx.ts"];
const commandFile = new RegExp(`^\\./(${COMMAND_FILES.map((f) => basename(f, ".ts")).join("|")})\\.js$`);
const cli = await build({
  entryPoints: Object.fromEntries([["iro-desk", "src/hosts/cli/iro-desk.ts"], ...COMMAND_FILES.map((f) => [basename(f, ".ts"), f])]),
  outdir: "dist/cli",
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "cjs",
  supported: { "dynamic-import": false },
  plugins: [{ name: "command-files", setup: (b) => b.onResolve({ filter: commandFile }, (args) => (args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined)) }],
  sourcemap: true,
  banner: { js: "#!/usr/bin/env node" },
  metafile: true,
  logLevel: "warning",
});
await writeFile("dist/cli/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);
await chmod("dist/cli/iro-desk.js", 0o755);
// What each file imports, statically or when run: the CLI test checks what `due` loads from it.
await writeFile("dist/cli-meta.json", JSON.stringify(cli.metafile));

await build({
  entryPoints: { "sandbox/main": "src/sandbox/main.ts" },
  outdir: "dist",
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});

// Browser bundles: ES modules, minified, one build per page, so a page's first download is its
// entry and the few chunks it shares with the views it loads on demand (built together, pages
// would share dozens of small chunks and fetch most of them before anything shows). MSAL, the
// other views and the QR generator are chunks loaded when used.
const pageEntries = {
  "js/preview-outlook": "src/hosts/preview/outlookPreview.tsx",
  "js/preview-caseload": "src/hosts/preview/caseloadPreview.tsx",
  "js/preview-manager": "src/hosts/preview/managerPreview.tsx",
  "js/preview-mail": "src/hosts/preview/mailPreview.tsx",
  "js/preview-teams": "src/hosts/preview/teamsPreview.tsx",
  "js/preview-outside": "src/hosts/preview/outsidePreview.tsx",
  "js/teams-sidepanel": "src/hosts/teams-sidepanel.tsx",
  "js/teams-tab": "src/hosts/teams-tab.tsx",
  "js/teams-manager": "src/hosts/teams-manager.tsx",
  "js/teams-config": "src/hosts/teams-config.tsx",
  "js/outlook-taskpane": "src/hosts/outlook-taskpane.tsx",
  "js/outlook-commands": "src/hosts/outlook-commands.ts",
  "js/outlook-auth-dialog": "src/hosts/outlook-auth-dialog.ts",
};
// A page's inline script (the task pane's kept picture, src/hosts/outlook-picture.ts): one small
// classic script with nothing to import, written into the page (its hash in the page's CSP), so it
// runs as the parser reaches it, with nothing to fetch: the page's modules are many files, read
// from the cache and compiled while it has already drawn.
const inlineScripts = { "js/outlook-picture": "src/hosts/outlook-picture.ts" };
const config = hostConfig(process.env);
const webOptions = {
  outdir: "dist/web",
  // The sign-in these pages are built for (src/hosts/root/signInBuilt.d.ts): the other's code drops out.
  define: { IRO_DESK_SIGN_IN: JSON.stringify(config.auth.kind) },
  bundle: true,
  platform: "browser",
  target: ["chrome110", "firefox115", "safari16", "edge110"],
  minify: true,
  // Maps beside the files, named by the server's SourceMap header (src/sandbox/server.ts), not by a
  // comment at the end of every file: 40-odd bytes gzipped per file of a pane's first download.
  sourcemap: "external",
  jsx: "automatic",
  jsxImportSource: "preact",
  metafile: true,
  // Every file named by its content, the entries too: a pane opened again takes all its code
  // from the browser's cache without asking (immutable); only the page itself is revalidated.
  entryNames: "[dir]/[name]-[hash]",
  chunkNames: "js/chunks/[name]-[hash]",
  logLevel: "warning",
};
const builds = await Promise.all(Object.entries(pageEntries).map(([out, source]) => build({ ...webOptions, entryPoints: { [out]: source }, splitting: true, format: "esm" })));
const inline = Object.fromEntries(
  await Promise.all(
    Object.entries(inlineScripts).map(async ([out, source]) => {
      const { outputFiles } = await build({ ...webOptions, entryPoints: { [out]: source }, format: "iife", write: false, sourcemap: false, metafile: false });
      const code = outputFiles[0].text.trim();
      // Inside <script>…</script>: nothing in it may close the element (esbuild escapes it in strings).
      if (/<\/script/i.test(code)) throw new Error(`${source} cannot be written into a page: it contains "</script"`);
      return [`${out}.js`, code];
    }),
  ),
);
const webMeta = { inputs: {}, outputs: {} };
for (const { metafile } of builds) Object.assign(webMeta.inputs, metafile.inputs), Object.assign(webMeta.outputs, metafile.outputs);
await writeFile("dist/web-meta.json", JSON.stringify(webMeta));
const stylesheet = await namedByContent("assets/css/iro-desk.css", "css");
const bodies = { index: await readFile("assets/bodies/index.html", "utf8") };
const entries = entryFiles(webMeta, pageEntries);
await writeFile("dist/web-entries.json", JSON.stringify(entries, null, 2));
for (const page of PAGES) {
  const entry = page.script && `dist/web/${entries[page.script]}`;
  await writeFile(`dist/web/${page.file}`, renderPage({ ...page, script: entries[page.script], inline: inline[page.inline] }, bodies, { stylesheet, ...(entry ? { config, preload: staticImports(webMeta, entry), views: viewChunks(webMeta, entry) } : {}) }));
}
await cp("assets/icons", "dist/web/assets", { recursive: true });

// The Outlook manifest, with its URLs pointing where dist/web is served and its version package.json's.
const base = (process.env.IRO_DESK_BASE_URL ?? "https://localhost:3000").replace(/\/+$/, "");
const version = JSON.parse(await readFile("package.json", "utf8")).version;
const addinXml = addinXmlFor(await readFile("addin-manifest.xml", "utf8"), base, version);
await writeFile("dist/addin-manifest.xml", addinXml);

// The Microsoft 365 app package (unified manifest: the add-in above and the Teams tabs). With a
// tenant's app registration it declares nested app authentication with the scopes MSAL asks for.
const env = process.env;
const tenant = env.IRO_DESK_CLIENT_ID && env.IRO_DESK_TENANT_ID;
await packageM365({ addinXml, baseUrl: base, version, ...(tenant ? { entra: { clientId: env.IRO_DESK_CLIENT_ID }, scopes: await graphScopes() } : {}) });

// The browser extension, as a folder to load unpacked and a zip.
await packageExtension();

// Every browser build defines the sign-in it is for (src/hosts/root/signInBuilt.d.ts): one that did
// not would fail in the browser on its first sign-in, so the build fails here instead.
for (const folder of ["dist/web/js", "dist/web/js/chunks", "dist/extension-chrome/js", "dist/extension-firefox/js"]) {
  for (const file of await readdir(folder)) {
    if (file.endsWith(".js") && (await readFile(`${folder}/${file}`, "utf8")).includes("IRO_DESK_SIGN_IN")) throw new Error(`${folder}/${file} was built without IRO_DESK_SIGN_IN defined`);
  }
}

// config.json: the same configuration as in the pages, for the browser extension's sandbox mode
// (it learns the sandbox's site and lists from the sandbox it is pointed at).
await writeFile("dist/web/config.json", JSON.stringify(config, null, 2));

/**
 * Where a pane's data lives and how to sign in, written into every page at build time (no
 * request for it when a pane opens): the sandbox on the pages' own origin unless
 * IRO_DESK_CLIENT_ID and friends name a tenant. The service's settings are not built in: every
 * pane reads them from the service's settings list.
 */
function hostConfig(env) {
  const tenant = env.IRO_DESK_CLIENT_ID && env.IRO_DESK_TENANT_ID;
  return {
    graphBaseUrl: tenant ? "https://graph.microsoft.com" : "/graph",
    auth: tenant ? { kind: "msal", clientId: env.IRO_DESK_CLIENT_ID, tenantId: env.IRO_DESK_TENANT_ID } : { kind: "sandbox" },
    site: env.IRO_DESK_SITE ?? "westmere.sharepoint.example,8f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e,1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    list: env.IRO_DESK_LIST ?? "CaseRegister",
    disputesList: env.IRO_DESK_DISPUTES_LIST ?? "Disputes",
    settingsList: env.IRO_DESK_SETTINGS_LIST ?? "IroDeskSettings",
  };
}

/**
 * Each page entry's file as built ("js/outlook-taskpane.js" → "js/outlook-taskpane-XXXXXXXX.js"),
 * from esbuild's metafile, relative to dist/web.
 */
function entryFiles(meta, sources) {
  const built = Object.entries(meta.outputs).filter(([file, o]) => o.entryPoint && file.endsWith(".js"));
  return Object.fromEntries(
    Object.entries(sources).map(([name, source]) => {
      const file = built.find(([, o]) => o.entryPoint === source)?.[0];
      if (!file) throw new Error(`no bundle was built for ${source}`);
      return [`${name}.js`, file.replace(/^dist\/web\//, "")];
    }),
  );
}

/** A file copied into dist/web/<folder> under a name with its content's hash in it (as esbuild names chunks); returns that path. */
async function namedByContent(source, folder) {
  const text = await readFile(source);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 8).toUpperCase();
  const name = `${folder}/${basename(source, extname(source))}-${hash}${extname(source)}`;
  await mkdir(`dist/web/${folder}`, { recursive: true });
  await writeFile(`dist/web/${name}`, text);
  return name;
}

/** The chunks a page's entry imports statically (for modulepreload), from esbuild's metafile, relative to dist/web. */
function staticImports(meta, entry) {
  const seen = new Set();
  const walk = (file) => {
    for (const i of meta.outputs[file]?.imports ?? []) {
      if (i.kind !== "import-statement" || seen.has(i.path)) continue;
      seen.add(i.path);
      walk(i.path);
    }
  };
  walk(entry);
  return [...seen].map((f) => f.replace(/^dist\/web\//, ""));
}

/**
 * Each view pane the page can load on demand (src/ui/*Pane.tsx), by module name: its chunk and
 * every chunk that imports statically, so the page can fetch them all at once (preloadView).
 */
function viewChunks(meta, entry) {
  const views = {};
  const seen = new Set();
  const reach = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const pane = /^src\/ui\/(\w+Pane)\.tsx$/.exec(meta.outputs[file]?.entryPoint ?? "")?.[1];
    if (pane && file !== entry) views[pane] = [file.replace(/^dist\/web\//, ""), ...staticImports(meta, file)];
    for (const i of meta.outputs[file]?.imports ?? []) reach(i.path);
  };
  reach(entry);
  return views;
}

/** GRAPH_SCOPES from the TypeScript source (one list for MSAL and the manifest), bundled on the fly. */
async function graphScopes() {
  const { outputFiles } = await build({ entryPoints: ["src/adapters/auth/graphScopes.ts"], bundle: true, format: "esm", write: false, logLevel: "warning" });
  return (await import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`)).GRAPH_SCOPES;
}

console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
