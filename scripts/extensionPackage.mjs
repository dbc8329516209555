// The browser extension, one build per browser from one source: manifest.json at the top of the
// repository holds every key; each browser's manifest drops the keys the other browser owns.
//   dist/extension-chrome   Chrome and Edge: side_panel, a service worker   (+ dist/iro-desk-chrome.zip)
//   dist/extension-firefox  Firefox: sidebar_action, background scripts   (+ dist/iro-desk-firefox.zip)
//   dist/extension-dev      Chrome with the sandbox's localhost as a host permission, for local
//                           development and the browser tests: a shipped build only asks for
//                           localhost at run time, when the user chooses the sandbox in the options.
// Its version follows package.json. Extension pages get their Content Security Policy from the
// manifest, so they carry no CSP meta tag of their own.
import { build } from "esbuild";
import { zipSync } from "fflate";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { renderPage } from "./pages.mjs";

/** Each browser's manifest from the one source. */
export function browserManifest(source, browser, { dev = false } = {}) {
  const manifest = structuredClone(source);
  if (browser === "chrome") {
    delete manifest.sidebar_action;
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: manifest.background.service_worker };
  } else {
    delete manifest.side_panel;
    manifest.permissions = manifest.permissions.filter((p) => p !== "sidePanel");
    manifest.background = { scripts: manifest.background.scripts };
  }
  if (dev) {
    manifest.host_permissions = [...manifest.host_permissions, ...manifest.optional_host_permissions];
    delete manifest.optional_host_permissions;
  }
  return manifest;
}

export async function packageExtension() {
  const source = JSON.parse(await readFile("manifest.json", "utf8"));
  source.version = JSON.parse(await readFile("package.json", "utf8")).version;
  for (const [folder, browser, options] of [
    ["extension-chrome", "chrome", {}],
    ["extension-firefox", "firefox", {}],
    ["extension-dev", "chrome", { dev: true }],
  ]) {
    const out = join("dist", folder);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    await build({
      entryPoints: {
        "js/extension-background": "src/hosts/extension-background.ts",
        "js/extension-content": "src/hosts/extension-content.ts",
        "js/extension-sidepanel": "src/hosts/extension-sidepanel.tsx",
        "js/extension-options": "src/hosts/extension-options.tsx",
      },
      outdir: out,
      bundle: true,
      // Classic scripts: Chrome's service worker and Firefox's background scripts load them alike.
      format: "iife",
      platform: "browser",
      target: ["chrome120", "firefox140"],
      minify: true,
      // Which browser this build is for: the other browser's code paths drop out of the bundle.
      // Its sign-in (the sandbox or a tenant) is chosen in its options, at run time: both are kept (src/hosts/root/signInBuilt.d.ts).
      define: { IRO_DESK_BROWSER: JSON.stringify(browser), IRO_DESK_SIGN_IN: JSON.stringify("any") },
      jsx: "automatic",
      jsxImportSource: "preact",
      logLevel: "warning",
    });
    await writeFile(join(out, "manifest.json"), JSON.stringify(browserManifest(source, browser, options), null, 2));
    await cp("assets/css", join(out, "css"), { recursive: true });
    await mkdir(join(out, "assets"));
    for (const size of [16, 32, 64, 128]) await cp(`assets/icons/icon-${size}.png`, join(out, `assets/icon-${size}.png`));
    for (const page of [
      { file: "sidepanel.html", title: "IRO Desk", script: "js/extension-sidepanel.js", loading: "Loading IRO Desk…", csp: false, classic: true },
      { file: "options.html", title: "IRO Desk settings", script: "js/extension-options.js", loading: "Loading…", csp: false, classic: true },
    ]) {
      // An extension's files come from its package, never a server: nothing to name by content.
      await writeFile(join(out, page.file), renderPage(page, {}, { stylesheet: "css/iro-desk.css" }));
    }
    if (options.dev) continue;
    const files = {};
    for (const file of await walk(out)) files[relative(out, file)] = await readFile(file);
    await writeFile(`dist/iro-desk-${browser}.zip`, zipSync(files, { level: 9 }));
  }
}

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  return (await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])))).flat();
}
