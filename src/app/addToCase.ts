import type { ChildCase } from "../domain/caseload/childCase.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import { ConflictError } from "../ports/errors.js";

/**
 * Saves an addition to a case (a RAG rating, a late reason, a meeting's record) on the version
 * read. If someone else changed the case meanwhile, the case is read again and the addition made to
 * their version: an addition never needs to overwrite anything, so neither change is lost.
 */
export async function addToCase(cases: CaseStore, stored: StoredCase, add: (childCase: ChildCase) => ChildCase, signal?: AbortSignal): Promise<StoredCase> {
  const save = (s: StoredCase) => cases.updateCase(s.id, s.version, add(s.childCase), signal);
  try {
    return await save(stored);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return save(await cases.readCase(stored.id, signal));
  }
}
