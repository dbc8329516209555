import type { Dispute } from "../../domain/disputes/dispute.js";
import type { DisputeStore, StoredDispute } from "../../ports/DisputeStore.js";
import { ConflictError } from "../../ports/errors.js";

/** The DisputeStore port in memory, with version checks: for app-layer tests and previews. */
export class MemoryDisputeStore implements DisputeStore {
  private readonly items = new Map<string, StoredDispute>();

  constructor(initial: readonly Dispute[] = []) {
    for (const d of initial) void this.createDispute(d);
  }

  async readDisputes(): Promise<StoredDispute[]> {
    return [...this.items.values()];
  }

  async createDispute(dispute: Dispute): Promise<StoredDispute> {
    const stored = { id: String(this.items.size + 1), version: "v1", dispute };
    this.items.set(stored.id, stored);
    return stored;
  }

  async updateDispute(id: string, version: string, dispute: Dispute): Promise<StoredDispute> {
    const current = this.items.get(id);
    if (!current || current.version !== version) throw new ConflictError(`Dispute ${dispute.id}`);
    const updated = { id, version: `v${Number(version.slice(1)) + 1}`, dispute };
    this.items.set(id, updated);
    return updated;
  }
}
