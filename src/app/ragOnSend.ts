import type { IsoDate } from "../domain/calendar/isoDate.js";
import { instant, instantToLondon, type Instant } from "../domain/calendar/londonTime.js";
import type { Nation } from "../domain/calendar/nation.js";
import type { WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { RagRating } from "../domain/caseload/childCase.js";
import type { CaseStore } from "../ports/CaseStore.js";
import type { DraftStore } from "../ports/DraftStore.js";
import type { ComposeForm } from "../ports/Host.js";
import type { Mail } from "../ports/Mail.js";
import { recordRag } from "./insertTemplate.js";
import { ragEntryFor, type RagInput } from "./templateValues.js";

/** The add-in custom property a RAG email carries: the id of the rating waiting for it to be sent. */
export const RAG_TAG = "iroDeskRag";
const KEY = "rag-pending:";

/** A RAG rating inserted into an email and not yet on the child's record: it goes there when the email is sent. */
export interface PendingRating {
  readonly id: string;
  /** The case register item and the child's reference. */
  readonly caseId: string;
  readonly ref: CaseRef;
  readonly nation: Nation;
  readonly rag: RagInput;
  readonly inserted: Instant;
}

/**
 * Marks the email being written with the pending rating's id (an add-in custom property, which
 * Outlook keeps on the sent item in Sent Items and does not send to recipients) and keeps the
 * rating on this device until that email is seen in Sent Items. Nothing is written to the case:
 * a discarded draft leaves no rating on the child's record.
 */
export async function awaitSending(compose: Required<Pick<ComposeForm, "tag">>, drafts: DraftStore, pending: PendingRating, signal?: AbortSignal): Promise<void> {
  await compose.tag(RAG_TAG, pending.id, signal);
  drafts.save(KEY + pending.id, pending);
}

/** The ratings on this device waiting for their email to be sent, oldest first. */
export function pendingRatings(drafts: DraftStore): PendingRating[] {
  return drafts
    .keys()
    .filter((k) => k.startsWith(KEY))
    .map((k) => drafts.load<PendingRating>(k))
    .filter((p): p is PendingRating => p !== null)
    .sort((a, b) => a.inserted - b.inserted);
}

/** Forgets a pending rating (its email was written again, or will not be sent). */
export function forgetRating(drafts: DraftStore, id: string): void {
  drafts.remove(KEY + id);
}

export interface RecordedRating {
  readonly ref: CaseRef;
  readonly rating: RagRating;
  readonly sentOn: IsoDate;
}

/**
 * Records each pending rating whose email is now in Sent Items, dated the day it was sent (the
 * response date counted from then), and forgets it on this device; the others keep waiting. One
 * Graph call (Sent Items since the oldest insert), none when nothing is waiting. A rating already
 * in the child's history that day (a check interrupted after the save) is not added twice.
 */
export async function confirmSentRatings(
  ports: { readonly mail: Mail; readonly cases: CaseStore; readonly drafts: DraftStore },
  calendarFor: (nation: Nation) => WorkingCalendar,
  signal?: AbortSignal,
): Promise<{ readonly recorded: readonly RecordedRating[]; readonly waiting: readonly PendingRating[] }> {
  const pending = pendingRatings(ports.drafts);
  if (pending.length === 0) return { recorded: [], waiting: [] };
  const sent = await ports.mail.sentSince(instant(Math.min(...pending.map((p) => p.inserted))), signal);
  const recorded: RecordedRating[] = [];
  const waiting: PendingRating[] = [];
  for (const p of pending) {
    const email = sent.find((m) => m.customProperties[RAG_TAG] === p.id);
    if (!email) {
      waiting.push(p);
      continue;
    }
    const sentOn = instantToLondon(email.sent).date;
    const entry = ragEntryFor(p.rag, sentOn, calendarFor(p.nation));
    const stored = await ports.cases.readCase(p.caseId, signal);
    const already = stored.childCase.rag.some((r) => r.date === entry.date && r.rating === entry.rating && r.reason === entry.reason);
    if (!already) await recordRag(ports.cases, stored, entry, signal);
    forgetRating(ports.drafts, p.id);
    recorded.push({ ref: p.ref, rating: p.rag.rating, sentOn });
  }
  return { recorded, waiting };
}
