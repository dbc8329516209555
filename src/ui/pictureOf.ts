import { addDays, type IsoDate } from "../domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../domain/calendar/londonTime.js";
import type { KeptPicture } from "../ports/LocalCopy.js";

/**
 * The pane as drawn now (`where`: its view and the kind of item it is open on), for the next open
 * (ui/keptPicture.ts); null when it is not as it opens: something typed in a box (which its HTML
 * would not show), or a part of it marked `data-no-picture` (a child chosen, a list filtered,
 * figures still being worked out). Without what is marked `data-not-kept`; `note` goes first in the
 * element marked `data-picture-note`: what the picture says about itself when shown. `day`: the
 * London day its statuses and dates were worked out on; it is not shown after it.
 */
export function pictureOf(pane: HTMLElement | null, where: Pick<KeptPicture, "view" | "item">, note: string, day: IsoDate): KeptPicture | null {
  if (!pane || pane.matches("[data-no-picture]") || pane.querySelector("[data-no-picture]")) return null;
  if ([...pane.querySelectorAll("input, textarea")].some((box) => (box as HTMLInputElement).value !== "")) return null;
  const copy = pane.cloneNode(true) as HTMLElement;
  // What the pane reads afresh each time it opens (the emails still to be sent, say) is not kept.
  for (const part of copy.querySelectorAll("[data-not-kept]")) part.remove();
  const slot = copy.querySelector("[data-picture-note]");
  if (slot) {
    const said = document.createElement("p");
    said.className = "muted";
    said.textContent = note;
    slot.prepend(said);
  }
  return { ...where, html: copy.outerHTML, until: londonTimeToInstant(addDays(day, 1), 0) };
}
