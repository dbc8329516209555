/**
 * How long a browser may keep a built file without asking again. Chunks are named by their content
 * (js/chunks/[name]-[hash].js, scripts/build.mjs), so a changed chunk is a new address: they are
 * kept for a year and never revalidated ("immutable", RFC 8246), and a pane opened again reads them
 * from the browser's cache without a request. Pages, entry scripts and styles keep their names
 * between builds, so they are revalidated every time ("no-cache"): a new build is seen at once.
 * Whoever serves dist/web for a tenant should send the same.
 */
export function cacheControlFor(pathname: string): string {
  return /^\/js\/chunks\/[^/]+-[A-Z0-9]{8}\.js(\.map)?$/.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache";
}
