import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/**
 * What a page downloads before it can run: its entry bundle and every chunk it imports statically
 * (dynamic imports, such as MSAL, load later and are counted apart), gzipped, from esbuild's metafile.
 */
export function shippedJs(entry: string): { files: string[]; gzipBytes: number; lazyGzipBytes: number } {
  const meta = JSON.parse(readFileSync("dist/web-meta.json", "utf8")) as { outputs: Record<string, { imports: { path: string; kind: string }[] }> };
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
  const first = new Set(seen);
  for (const file of lazy) walk(file);
  const later = [...seen].filter((f) => !first.has(f));
  const gz = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  return { files: [...first], gzipBytes: gz(first), lazyGzipBytes: gz(later) };
}
