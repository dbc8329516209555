import { render, type ComponentChild } from "preact";

/**
 * Draws a page in its #app element. The built page puts a "Loading…" line there so a person sees
 * something before the script runs; Preact renders beside what is already there, so it goes first.
 */
export function showInApp(ui: ComponentChild): void {
  const root = document.getElementById("app")!;
  root.textContent = "";
  render(ui, root);
}
