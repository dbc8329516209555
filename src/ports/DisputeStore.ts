import type { Dispute } from "../domain/disputes/dispute.js";

export interface StoredDispute {
  readonly id: string;
  readonly version: string;
  readonly dispute: Dispute;
}

/** The service's disputes (a SharePoint list beside the case register). */
export interface DisputeStore {
  readDisputes(signal?: AbortSignal): Promise<StoredDispute[]>;
  createDispute(dispute: Dispute, signal?: AbortSignal): Promise<StoredDispute>;
  /** Saves only on `version`; otherwise ConflictError, nothing written. */
  updateDispute(id: string, version: string, dispute: Dispute, signal?: AbortSignal): Promise<StoredDispute>;
}
