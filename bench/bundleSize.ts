import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string }[]; entryPoint?: string }>;
}

const gz = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);

/**
 * What a page downloads before it can show its first content: its entry bundle (`page`, as named
 * before the build adds its hash), the chunks of the
 * views it draws first (`views`: their source modules, loaded by dynamic import), and every chunk
 * those import statically, gzip -9 (as the anchor's README counts), from esbuild's metafile.
 * Everything else reachable by dynamic import (MSAL, other views, the QR generator) loads later
 * and is counted apart. `html`: the page, whose inline scripts (the task pane's kept picture) are
 * counted in the first download too.
 */
export function shippedJs(page: string, views: readonly string[] = [], html?: string): { files: string[]; gzipBytes: number; lazyGzipBytes: number } {
  const meta = JSON.parse(readFileSync("dist/web-meta.json", "utf8")) as Meta;
  const entry = builtEntry(page);
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) {
      if (i.kind === "import-statement") walk(i.path);
      else if (i.kind === "dynamic-import") lazy.add(i.path);
    }
  };
  walk(entry);
  // The views' chunks of this page's own build (each page is built apart, so another page has its own).
  const reachable = new Set<string>();
  const reach = (file: string) => {
    if (reachable.has(file)) return;
    reachable.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) reach(i.path);
  };
  reach(entry);
  for (const view of views) {
    const chunk = [...reachable].find((f) => meta.outputs[f]?.entryPoint === view);
    if (chunk) walk(chunk);
  }
  const first = new Set(seen);
  for (const file of lazy) walk(file);
  const later = [...seen].filter((f) => !first.has(f));
  return { files: [...first], gzipBytes: gz(first) + (html ? inlineJsGzip(html) : 0), lazyGzipBytes: gz(later) };
}

/** The scripts written into a page (not data blocks, not files), gzip -9 each: JavaScript a page's first download carries too. */
export function inlineJsGzip(html: string): number {
  return [...readFileSync(html, "utf8").matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(m[1]!, { level: 9 }).length, 0);
}

/** A page's entry bundle as built ("js/outlook-taskpane.js" is named by its content: dist/web-entries.json). */
function builtEntry(page: string): string {
  const entries = JSON.parse(readFileSync("dist/web-entries.json", "utf8")) as Record<string, string>;
  if (!entries[page]) throw new Error(`no entry ${page} in dist/web-entries.json: npm run build`);
  return `dist/web/${entries[page]}`;
}

/** Every surface's first download, and what it loads later when used. */
export function firstDownloads(): { name: string; gzipBytes: number; laterGzipBytes: number }[] {
  // The Outlook task pane page carries its kept picture's script inline (scripts/pages.mjs).
  const taskpaneHtml = "dist/web/taskpane.html";
  const surfaces: [string, string, string[], string?][] = [
    ["Outlook task pane: book (taskpane.html)", "js/outlook-taskpane.js", ["src/ui/BookingPane.tsx"], taskpaneHtml],
    ["Outlook task pane: templates", "js/outlook-taskpane.js", ["src/ui/TemplatePane.tsx"], taskpaneHtml],
    ["Outlook task pane: disputes", "js/outlook-taskpane.js", ["src/ui/DisputePane.tsx"], taskpaneHtml],
    ["Outlook task pane: caseload", "js/outlook-taskpane.js", ["src/ui/CaseloadPane.tsx"], taskpaneHtml],
    ["Outlook task pane: managers' view", "js/outlook-taskpane.js", ["src/ui/ManagerPane.tsx"], taskpaneHtml],
    ["Teams meeting side panel: checklist", "js/teams-sidepanel.js", ["src/ui/ChecklistPane.tsx"]],
    ["Teams personal tab: caseload", "js/teams-tab.js", ["src/ui/CaseloadPane.tsx"]],
    ["Teams personal tab: managers' view", "js/teams-manager.js", ["src/ui/ManagerPane.tsx"]],
  ];
  const rows = surfaces.map(([name, entry, views, html]) => {
    const s = shippedJs(entry, views, html);
    return { name, gzipBytes: s.gzipBytes, laterGzipBytes: s.lazyGzipBytes };
  });
  // The extension's pages are classic scripts (one file each, everything in it).
  for (const [name, file] of [["Browser extension side panel (Chrome, Edge)", "dist/extension-chrome/js/extension-sidepanel.js"], ["Browser extension sidebar (Firefox)", "dist/extension-firefox/js/extension-sidepanel.js"]] as const) {
    if (existsSync(file)) rows.push({ name, gzipBytes: gz([file]), laterGzipBytes: 0 });
  }
  return rows;
}
