import type { DraftStore } from "../../ports/DraftStore.js";

/**
 * Drafts in the browser's localStorage (the Teams and Outlook webviews keep it per app origin).
 * A draft is the chair's own work in progress on this device; it is removed once saved to the
 * case store. Storage that is full or turned off degrades to "not kept", never to an error.
 */
export function localDrafts(prefix = "iro-desk:"): DraftStore {
  return {
    load<T>(key: string): T | null {
      try {
        const text = localStorage.getItem(prefix + key);
        return text ? (JSON.parse(text) as T) : null;
      } catch {
        return null;
      }
    },
    save(key, value) {
      try {
        localStorage.setItem(prefix + key, JSON.stringify(value));
      } catch {
        // Storage full or disabled: the draft lives only in the page until it is saved.
      }
    },
    remove(key) {
      try {
        localStorage.removeItem(prefix + key);
      } catch {
        // as above
      }
    },
    keys() {
      try {
        return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k !== null && k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      } catch {
        return [];
      }
    },
  };
}
