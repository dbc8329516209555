import type { ChildCase } from "../../domain/caseload/childCase.js";
import type { CasePage, CaseStore, StoredCase } from "../../ports/CaseStore.js";
import { ConflictError, NotFoundError } from "../../ports/errors.js";

/** The CaseStore port in memory, with the same version rules as SharePoint: for app-layer tests and previews. */
export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<string, StoredCase>();
  private nextId = 1;
  /** How many pages readCases has served: tests check that screens read in pages. */
  pagesServed = 0;

  constructor(initial: readonly ChildCase[] = [], private readonly pageSize = 200) {
    for (const c of initial) this.put(c);
  }

  async *readCases(): AsyncIterable<CasePage> {
    const all = [...this.cases.values()];
    for (let i = 0; i < all.length || i === 0; i += this.pageSize) {
      this.pagesServed++;
      yield { cases: all.slice(i, i + this.pageSize), unreadable: [] };
    }
  }

  async readCase(id: string): Promise<StoredCase> {
    const found = this.cases.get(id);
    if (!found) throw new NotFoundError(`Case item ${id}`);
    return found;
  }

  async createCase(childCase: ChildCase): Promise<StoredCase> {
    return this.put(childCase);
  }

  async updateCase(id: string, version: string, childCase: ChildCase): Promise<StoredCase> {
    const current = await this.readCase(id);
    if (current.version !== version) throw new ConflictError(`The case ${childCase.ref}`);
    const updated = { id, version: `v${Number(current.version.slice(1)) + 1}`, childCase };
    this.cases.set(id, updated);
    return updated;
  }

  private put(childCase: ChildCase): StoredCase {
    const stored = { id: String(this.nextId++), version: "v1", childCase };
    this.cases.set(stored.id, stored);
    return stored;
  }
}
