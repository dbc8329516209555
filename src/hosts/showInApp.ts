import { render, type ComponentChild } from "preact";
import { drawingIn } from "../ui/keptPicture.js";

/**
 * Draws a page in its #app element. The built page puts a "Loading…" line there so a person sees
 * something before the script runs; Preact renders beside what is already there, so it goes first.
 * Where the page shows a kept picture of the pane (ui/keptPicture.ts), #app is drawn hidden
 * behind it until the pane has its content.
 */
export function showInApp(ui: ComponentChild): void {
  const root = document.getElementById("app")!;
  drawingIn(root);
  root.textContent = "";
  render(ui, root);
}
