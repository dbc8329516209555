import type { Instant } from "../domain/calendar/londonTime.js";
import type { DraftStore } from "../ports/DraftStore.js";

/** A draft as kept: its value and when it was last kept (typed). */
interface Kept {
  readonly value: unknown;
  readonly keptAt: number;
}

const DAY_MS = 86_400_000;

function isKept(entry: unknown): entry is Kept {
  return typeof entry === "object" && entry !== null && "value" in entry && typeof (entry as { keptAt?: unknown }).keptAt === "number";
}

/**
 * Drafts that do not outlive their use: each is stamped when it is kept, and one not touched for
 * `days` (the service's `draftKeepDays`, 14 by default) is deleted, since a checklist's notes and
 * case reference are a child's personal data on a device (UK GDPR art. 5(1)(e), storage
 * limitation). Anything kept without a stamp (by an earlier release) counts as expired. `sweep`
 * deletes every expired draft at once; the composition root runs it whenever a pane opens.
 */
export function expiringDrafts(store: DraftStore, now: () => Instant, days: number): DraftStore & { sweep(): number } {
  const fresh = (key: string): Kept | null => {
    const entry = store.load<unknown>(key);
    if (entry === null) return null;
    if (isKept(entry) && now() - entry.keptAt <= days * DAY_MS) return entry;
    store.remove(key);
    return null;
  };
  return {
    load: <T,>(key: string) => (fresh(key)?.value ?? null) as T | null,
    save: (key, value) => store.save<Kept>(key, { value, keptAt: now() }),
    remove: (key) => store.remove(key),
    keys: () => store.keys().filter((key) => fresh(key) !== null),
    sweep: () => store.keys().filter((key) => fresh(key) === null).length,
  };
}
