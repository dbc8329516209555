/** Drafts kept on this device, so nothing typed is lost when a panel closes or the network fails. */
export interface DraftStore {
  load<T>(key: string): T | null;
  save<T>(key: string, value: T): void;
  remove(key: string): void;
  /** Every key this store holds (so drafts left unsaved can be found and deleted when they expire). */
  keys(): string[];
}
