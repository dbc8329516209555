/**
 * A pane's picture: opened again, the task pane shows the person's pane as it was last drawn (up
 * to date then, today) the moment Office says who is signed in, before the pane's own code has
 * loaded and run; the pane takes its place once it shows its own data. On a warm open the page's modules take tens
 * of milliseconds to be read from the cache and run, which is most of the time to first content.
 *
 * The picture is inert while it is shown (nothing in it can be pressed or typed into: its code is
 * not here yet) and says that it is being checked. It is the pane's own HTML as the browser made
 * it from the pane's components, every value escaped then; it is kept beside the glance (same
 * name, same days, deleted with the copy), and shown by the page's own script under a Content
 * Security Policy that runs no other script (the page's files, and its one inline script by its
 * hash): no handler or script in a picture's HTML would run.
 */
const PICTURE_ID = "kept-picture";

/** Shows a kept picture in place of the page's "Loading" line, unless the pane has begun to draw; marks the first content. */
export function showPicture(html: string): void {
  const app = document.getElementById("app");
  if (!app || app.dataset.drawn !== undefined || document.getElementById(PICTURE_ID)) return;
  const picture = document.createElement("main");
  picture.id = PICTURE_ID;
  picture.inert = true;
  picture.setAttribute("aria-busy", "true");
  picture.innerHTML = html;
  app.before(picture);
  app.hidden = true;
  performance.mark("iro:content");
}

/** The page's pane is drawing in #app (hidden while a picture is shown). */
export function drawingIn(app: HTMLElement): void {
  app.dataset.drawn = "";
}

/** The pane shows its own data, or why it cannot (usePaneMarks; PaneHost when it cannot draw the view at all): its picture goes, before the browser paints, and the pane is shown. */
export function livePaneShown(): void {
  const picture = document.getElementById(PICTURE_ID);
  if (!picture) return;
  picture.remove();
  document.getElementById("app")!.hidden = false;
  performance.mark("iro:live");
}
