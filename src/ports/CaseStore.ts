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
