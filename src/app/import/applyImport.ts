import type { CaseStore } from "../../ports/CaseStore.js";
import { PortError } from "../../ports/errors.js";
import type { ImportPlan } from "./planImport.js";

export interface ImportOutcome {
  readonly created: number;
  readonly updated: number;
  /** Children that could not be written, with the reason; everything else was. */
  readonly failed: readonly { readonly ref: string; readonly message: string }[];
}

/**
 * Writes an import plan to the register, one child at a time with progress: the new children
 * always; the changes only when the user confirmed them. A change that meets someone else's edit
 * (ETag) is not forced: it is listed as failed, to be looked at.
 */
export async function applyImport(cases: CaseStore, plan: ImportPlan, applyChanges: boolean, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<ImportOutcome> {
  const total = plan.create.length + (applyChanges ? plan.change.length : 0);
  const failed: { ref: string; message: string }[] = [];
  let done = 0;
  let created = 0;
  let updated = 0;
  const step = async (ref: string, write: () => Promise<unknown>) => {
    signal?.throwIfAborted();
    try {
      await write();
      return true;
    } catch (error) {
      if (!(error instanceof PortError)) throw error;
      failed.push({ ref, message: error.message });
      return false;
    } finally {
      onProgress?.(++done, total);
    }
  };
  for (const child of plan.create) if (await step(child.ref, () => cases.createCase(child, signal))) created++;
  if (applyChanges) {
    for (const c of plan.change) if (await step(c.proposed.ref, () => cases.updateCase(c.stored.id, c.stored.version, c.proposed, signal))) updated++;
  }
  return { created, updated, failed };
}
