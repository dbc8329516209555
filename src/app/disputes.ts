import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { CaseRef } from "../domain/caseload/caseRef.js";
import type { ChildCase } from "../domain/caseload/childCase.js";
import { escalate, letterAddress, raiseDispute, resolve, type Dispute, type LadderStage } from "../domain/disputes/dispute.js";
import type { DisputeStore, StoredDispute } from "../ports/DisputeStore.js";
import type { OpenMessage } from "../ports/Host.js";
import type { DraftMail, Mail } from "../ports/Mail.js";
import { nameFromAddress } from "./bookReview.js";

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

/** Who a stage's letter is for, for this child: name, address and why them; null when the ladder names no one. */
export function stageRecipient(stage: LadderStage | undefined, child: Pick<ChildCase, "socialWorker" | "teamManager">): { name: string; address: string; role: string } | null {
  const to = letterAddress(stage, child);
  if (!to || !stage?.letterTo) return null;
  const role = "role" in stage.letterTo ? `the child's ${stage.letterTo.role === "social-worker" ? "social worker" : "team manager"}` : `${stage.name}, named in the dispute ladder`;
  return { name: to.name ?? nameFromAddress(to.address), address: to.address, role };
}

/**
 * Escalates, then drafts the new stage's letter as a reply to the email the dispute came from,
 * addressed to whoever the ladder names for that stage (never simply the email's sender). The
 * escalation is saved first, on the version read (a ConflictError on someone else's change); the
 * letter waits in Drafts for the IRO to check and send. `letter` renders it for the escalated dispute.
 */
export async function escalateWithLetter(
  ports: { readonly disputes: DisputeStore; readonly mail: Mail },
  stored: StoredDispute,
  change: { readonly by: string; readonly today: IsoDate; readonly toStage: number },
  ladder: readonly LadderStage[],
  reply: { readonly messageId: string; readonly to: { readonly name: string; readonly address: string }; readonly letter: (escalated: Dispute) => string } | null,
  signal?: AbortSignal,
): Promise<{ readonly stored: StoredDispute; readonly draft: DraftMail | null }> {
  const updated = await escalateDispute(ports.disputes, stored, change.by, change.today, ladder, change.toStage, signal);
  if (!reply) return { stored: updated, draft: null };
  const draft = await ports.mail.draftReply(reply.messageId, reply.letter(updated.dispute), [{ name: reply.to.name, address: reply.to.address }], signal);
  return { stored: updated, draft };
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
