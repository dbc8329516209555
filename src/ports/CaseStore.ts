import type { ChildCase } from "../domain/caseload/childCase.js";

/** A case as stored, with the version it was read at (an ETag): updates must name it. */
export interface StoredCase {
  readonly id: string;
  readonly version: string;
  readonly childCase: ChildCase;
}

/** A register entry that could not be read, reported rather than dropped in silence. */
export interface UnreadableCase {
  readonly id: string;
  /** The case reference when that much can be read: an import must not add the child a second time. */
  readonly ref: string | null;
  readonly problems: readonly string[];
}

export interface CasePage {
  readonly cases: readonly StoredCase[];
  readonly unreadable: readonly UnreadableCase[];
}

/** The service's case register. */
export interface CaseStore {
  /** The whole register, a page at a time, so a screen can show the first page while the rest arrives. */
  readCases(signal?: AbortSignal): AsyncIterable<CasePage>;
  readCase(id: string, signal?: AbortSignal): Promise<StoredCase>;
  createCase(childCase: ChildCase, signal?: AbortSignal): Promise<StoredCase>;
  /** Saves only if the case is still at `version`; otherwise ConflictError and nothing is written. */
  updateCase(id: string, version: string, childCase: ChildCase, signal?: AbortSignal): Promise<StoredCase>;
}

/** What changed in the register since a delta link (or all of it, the first time). */
export interface CaseChanges {
  /**
   * The whole register, not changes: the first read, or Microsoft 365 could not give the changes
   * since that link (too old) and started again. A cache replaces what it holds with this.
   */
  readonly full: boolean;
  /** Cases added or changed (in full: every case), each in its latest state. */
  readonly cases: readonly StoredCase[];
  readonly unreadable: readonly UnreadableCase[];
  /** Item ids of entries deleted since (never in full). */
  readonly removed: readonly string[];
  /** Where to ask next time for what changes after this. */
  readonly deltaLink: string;
}

/** The register's changes through Graph's delta query, for a local copy kept up to date. */
export interface CaseChangeFeed {
  /**
   * null for the first read; then the deltaLink the last answer gave. `onPage` is given each page
   * of a full read as it arrives, so a screen can show the first while the rest come (`first`
   * again when Graph made the read start over).
   */
  changes(deltaLink: string | null, signal?: AbortSignal, onPage?: (page: CasePage, first: boolean) => void): Promise<CaseChanges>;
  /** The entries a person holds (their IRO or CP chair, by sign-in, whatever its case): a first open draws their own children before the whole register is in. */
  heldBy(address: string, signal?: AbortSignal): Promise<CasePage>;
}
