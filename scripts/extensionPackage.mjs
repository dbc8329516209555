// The browser extension: a loadable folder (dist/extension) and a zip of it. The manifest at the
// top of the repository is the one source; its version follows package.json. Extension pages get
// their Content Security Policy from the manifest, so they carry no CSP meta tag of their own.
import { build } from "esbuild";
import { zipSync } from "fflate";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { renderPage } from "./pages.mjs";

export async function packageExtension() {
  const out = "dist/extension";
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const result = await build({
    entryPoints: {
      "js/extension-background": "src/hosts/extension-background.ts",
      "js/extension-content": "src/hosts/extension-content.ts",
      "js/extension-sidepanel": "src/hosts/extension-sidepanel.tsx",
      "js/extension-options": "src/hosts/extension-options.tsx",
    },
    outdir: out,
    bundle: true,
    // Classic scripts: the same files run as Chrome's service worker and Firefox's background scripts.
    format: "iife",
    platform: "browser",
    target: ["chrome120", "firefox140"],
    minify: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    metafile: true,
    logLevel: "warning",
  });
  await writeFile("dist/extension-meta.json", JSON.stringify(result.metafile));
  const manifest = JSON.parse(await readFile("manifest.json", "utf8"));
  manifest.version = JSON.parse(await readFile("package.json", "utf8")).version;
  await writeFile(join(out, "manifest.json"), JSON.stringify(manifest, null, 2));
  await cp("assets/css", join(out, "css"), { recursive: true });
  await mkdir(join(out, "assets"));
  for (const size of [16, 32, 64, 128]) await cp(`assets/icons/icon-${size}.png`, join(out, `assets/icon-${size}.png`));
  for (const page of [
    { file: "sidepanel.html", title: "IRO Desk", script: "js/extension-sidepanel.js", loading: "Loading IRO Desk…", csp: false, classic: true },
    { file: "options.html", title: "IRO Desk settings", script: "js/extension-options.js", loading: "Loading…", csp: false, classic: true },
  ]) {
    await writeFile(join(out, page.file), renderPage(page, {}));
  }
  const files = {};
  for (const file of await walk(out)) files[relative(out, file)] = await readFile(file);
  await writeFile("dist/iro-desk-extension.zip", zipSync(files, { level: 9 }));
}

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  return (await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])))).flat();
}
