import type { DraftStore } from "../../ports/DraftStore.js";

export function memoryDrafts(): DraftStore {
  const map = new Map<string, string>();
  return {
    load: <T,>(key: string) => (map.has(key) ? (JSON.parse(map.get(key)!) as T) : null),
    save: (key, value) => void map.set(key, JSON.stringify(value)),
    remove: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}
