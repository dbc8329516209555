import type { Glance } from "../../ports/LocalCopy.js";

const DAY_MS = 86_400_000;
/** The layout of what is kept: a glance in another layout is not shown (it is a cache). */
const LAYOUT = 1;

interface KeptGlance {
  readonly layout: number;
  readonly glance: Glance;
  /** When it was kept (ms since 1970): it goes `keepDays` after, as the copy goes after its days unused. */
  readonly keptAt: number;
  readonly keepDays: number;
}

/**
 * A copy's glance in this origin's localStorage, under the copy's own name (one per person and
 * tenant, like the copy): localStorage is read synchronously, so a pane draws the person's
 * children without waiting for IndexedDB. Storage refused or full (some private windows): none is
 * kept, and panes wait for the copy as before.
 */
export function readGlance(name: string, now: number): Glance | null {
  try {
    const text = localStorage.getItem(name);
    if (!text) return null;
    const kept = JSON.parse(text) as KeptGlance;
    if (kept.layout !== LAYOUT || !Array.isArray(kept.glance?.rows) || !wellMadePictures(kept.glance.pictures) || expired(kept, now)) {
      localStorage.removeItem(name);
      return null;
    }
    return kept.glance;
  } catch {
    return null;
  }
}

export function writeGlance(name: string, glance: Glance, keepDays: number, now: number): void {
  try {
    localStorage.setItem(name, JSON.stringify({ layout: LAYOUT, glance, keptAt: now, keepDays } satisfies KeptGlance));
  } catch {
    // Full or refused: the glance is a cache.
  }
}

export function removeGlance(name: string): void {
  try {
    localStorage.removeItem(name);
  } catch {
    // Refused: nothing was kept.
  }
}

/** Removes every glance whose name starts with `prefix` that went past its days (or all of them). */
export function sweepGlances(prefix: string, now: number, all: boolean): void {
  try {
    const names = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "").filter((n) => n.startsWith(prefix));
    for (const name of names) {
      if (all) localStorage.removeItem(name);
      else readGlance(name, now);
    }
  } catch {
    // Refused: nothing was kept.
  }
}

/** No pictures, or each with its view, item, HTML and end: anything else is not shown (a page draws a picture as it is). */
function wellMadePictures(pictures: Glance["pictures"]): boolean {
  return pictures === undefined || (Array.isArray(pictures) && pictures.every((p) => typeof p?.view === "string" && typeof p.item === "string" && typeof p.html === "string" && typeof p.until === "number"));
}

function expired(kept: KeptGlance, now: number): boolean {
  return kept.keptAt + kept.keepDays * DAY_MS < now;
}
