import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { ChildCase } from "../domain/caseload/childCase.js";
import { escalate, raiseDispute, resolve, type LadderStage } from "../domain/disputes/dispute.js";
import type { DisputeStore, StoredDispute } from "../ports/DisputeStore.js";
import type { OpenMessage } from "../ports/Host.js";

/**
 * Raises a dispute from a received email: the child, the theme, the issue, and the email linked
 * by its internetMessageId and a link back to it.
 */
export async function raiseFromMessage(
  store: DisputeStore,
  fields: { caseRef: CaseRef; theme: string; issue: string; stage: number; by: string; today: IsoDate; message: Pick<OpenMessage, "internetMessageId" | "webLink"> | null },
  ladder: readonly LadderStage[],
  signal?: AbortSignal,
): Promise<StoredDispute> {
  const dispute = raiseDispute(
    {
      id: `DRP-${fields.today.replace(/-/g, "")}-${fields.caseRef}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
      caseRef: fields.caseRef,
      theme: fields.theme,
      issue: fields.issue,
      by: fields.by,
      on: fields.today,
      stage: fields.stage,
      ...(fields.message ? { linkedMessage: { internetMessageId: fields.message.internetMessageId, webLink: fields.message.webLink } } : {}),
    },
    ladder,
  );
  return store.createDispute(dispute, signal);
}

/** Escalates on the version read: a dispute someone else changed meanwhile is a ConflictError (reload), never overwritten. */
export function escalateDispute(store: DisputeStore, stored: StoredDispute, by: string, today: IsoDate, ladder: readonly LadderStage[], toStage?: number, signal?: AbortSignal): Promise<StoredDispute> {
  return store.updateDispute(stored.id, stored.version, escalate(stored.dispute, by, today, ladder, toStage ?? stored.dispute.stage + 1), signal);
}

export function resolveDispute(store: DisputeStore, stored: StoredDispute, by: string, today: IsoDate, outcome: string, signal?: AbortSignal): Promise<StoredDispute> {
  return store.updateDispute(stored.id, stored.version, resolve(stored.dispute, by, today, outcome), signal);
}

/** Children whose latest rating is Red or Amber, whose response deadline has passed, with no open dispute: offer to start one. */
export function unresolvedRag(children: readonly ChildCase[], disputes: readonly StoredDispute[], today: IsoDate): ChildCase[] {
  const open = new Set(disputes.filter((d) => d.dispute.status === "open").map((d) => d.dispute.caseRef));
  return children.filter((c) => {
    const latest = c.rag[c.rag.length - 1];
    return latest && latest.rating !== "green" && latest.respondBy !== undefined && latest.respondBy < today && !open.has(c.ref);
  });
}
