/**
 * How long a browser may keep a built file without asking again. Scripts and the style sheet are
 * named by their content (js/[name]-[hash].js, js/chunks/[name]-[hash].js, css/[name]-[hash].css:
 * scripts/build.mjs), so a changed file is a new address: they are kept for a year and never
 * revalidated ("immutable", RFC 8246), and a pane opened again reads all its code and style from
 * the browser's cache without a request. Pages keep their names between builds, so they are
 * revalidated every time ("no-cache"): a new build is seen at once, and it names the new files.
 * Whoever serves dist/web for a tenant should send the same.
 */
export function cacheControlFor(pathname: string): string {
  return /^\/(js(\/chunks)?\/[^/]+-[A-Z0-9]{8}\.js(\.map)?|css\/[^/]+-[A-Z0-9]{8}\.css)$/.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache";
}
