import { isHeldBy, type ChildCase } from "../../domain/caseload/childCase.js";
import type { CaseChangeFeed, CaseChanges, CasePage, CaseStore, StoredCase } from "../../ports/CaseStore.js";
import { ConflictError, NotFoundError } from "../../ports/errors.js";

/**
 * The CaseStore port in memory, with the same version rules as SharePoint and a change feed like
 * Graph's delta query (a link names the change it was given at; a link it no longer knows, after
 * forgetChanges(), starts a full read): for app-layer tests and previews.
 */
export class MemoryCaseStore implements CaseStore, CaseChangeFeed {
  private readonly cases = new Map<string, StoredCase>();
  /** The change number of each item's last change; deleted items keep theirs here. */
  private readonly changed = new Map<string, number>();
  private readonly deleted = new Set<string>();
  private change = 0;
  private oldestLink = 0;
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
    this.changed.set(id, ++this.change);
    return updated;
  }

  async heldBy(address: string): Promise<CasePage> {
    const who = address.toLowerCase();
    return { cases: [...this.cases.values()].filter((c) => isHeldBy(c.childCase, who)), unreadable: [] };
  }

  async changes(deltaLink: string | null, _signal?: AbortSignal, onPage?: (page: CasePage, first: boolean) => void): Promise<CaseChanges> {
    const since = deltaLink === null ? null : Number(/^memory:(\d+)$/.exec(deltaLink)?.[1] ?? Number.NaN);
    const link = `memory:${this.change}`;
    if (since === null || !(since >= this.oldestLink)) {
      const all = [...this.cases.values()];
      for (let i = 0; i < all.length || i === 0; i += this.pageSize) onPage?.({ cases: all.slice(i, i + this.pageSize), unreadable: [] }, i === 0);
      return { full: true, cases: all, unreadable: [], removed: [], deltaLink: link };
    }
    const after = [...this.changed].filter(([, n]) => n > since).map(([id]) => id);
    return { full: false, cases: after.flatMap((id) => this.cases.get(id) ?? []), unreadable: [], removed: after.filter((id) => this.deleted.has(id)), deltaLink: link };
  }

  /** Someone deletes a register entry (the port has no delete: IRO Desk never deletes a child). */
  remove(id: string): void {
    this.cases.delete(id);
    this.deleted.add(id);
    this.changed.set(id, ++this.change);
  }

  /** Links given before now are too old: the next change read with one is a full read (Graph's 410 resync). */
  forgetChanges(): void {
    this.oldestLink = this.change + 1;
  }

  private put(childCase: ChildCase): StoredCase {
    const stored = { id: String(this.nextId++), version: "v1", childCase };
    this.cases.set(stored.id, stored);
    this.changed.set(stored.id, ++this.change);
    return stored;
  }
}
