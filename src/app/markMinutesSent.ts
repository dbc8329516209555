import type { IsoDate } from "../domain/calendar/isoDate.js";
import { withMinutesSent, type MeetingRef, type RecordKind } from "../domain/records/meetingRecords.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import { addToCase } from "./addToCase.js";

/**
 * Records on the case that a meeting's decisions or full record went out on `on`: when the chair's
 * email is sent through IRO Desk, or when the chair marks it by hand. An addition, so it is kept
 * even if someone else changed the case meanwhile.
 */
export function markMinutesSent(cases: CaseStore, stored: StoredCase, meeting: MeetingRef, kind: RecordKind, on: IsoDate, signal?: AbortSignal): Promise<StoredCase> {
  return addToCase(cases, stored, (childCase) => withMinutesSent(childCase, meeting, kind, on), signal);
}
