import { withEarlyReview } from "../domain/caseload/earlyReview.js";
import type { EarlyReview } from "../domain/timescales/timescaleCase.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import { addToCase } from "./addToCase.js";

/** Records on the case why the next review must be held early; the caseload then shows the earlier due-by date. */
export function requestEarlyReview(cases: CaseStore, stored: StoredCase, request: EarlyReview, signal?: AbortSignal): Promise<StoredCase> {
  return addToCase(cases, stored, (childCase) => withEarlyReview(childCase, request), signal);
}
