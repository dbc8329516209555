/**
 * Pages outside Office and Teams (the browser extension's side panel and options) follow the
 * browser's own light or dark setting (prefers-color-scheme), live, as Edge's and Chrome's own
 * side panels do; Windows high contrast is left to forced-colors in the stylesheet.
 */
export function followSystemTheme(): void {
  const dark = matchMedia("(prefers-color-scheme: dark)");
  const apply = () => void (document.documentElement.dataset.theme = dark.matches ? "dark" : "light");
  apply();
  dark.addEventListener("change", apply);
}
