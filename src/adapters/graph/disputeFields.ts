import { parseCaseRef } from "../../domain/caseload/caseRef.js";
import type { Dispute, DisputeEvent } from "../../domain/disputes/dispute.js";

/** The Disputes list's columns: one item per dispute, its history as JSON (every change kept). */
export const DISPUTE_COLUMNS = ["Title", "CaseRef", "Theme", "Issue", "Status", "Stage", "RaisedBy", "Raised", "LinkedMessageId", "LinkedMessageLink", "History"] as const;

export function toDisputeFields(d: Dispute): Record<string, string | number | null> {
  const raised = d.history[0]!;
  return {
    Title: d.id,
    CaseRef: d.caseRef,
    Theme: d.theme,
    Issue: d.issue,
    Status: d.status,
    Stage: d.stage,
    RaisedBy: raised.by,
    Raised: raised.at,
    LinkedMessageId: d.linkedMessage?.internetMessageId ?? null,
    LinkedMessageLink: d.linkedMessage?.webLink ?? null,
    History: JSON.stringify(d.history),
  };
}

export function fromDisputeFields(fields: Readonly<Record<string, unknown>>): Dispute | null {
  const ref = parseCaseRef(String(fields.CaseRef ?? ""));
  let history: DisputeEvent[];
  try {
    history = JSON.parse(String(fields.History ?? "[]")) as DisputeEvent[];
  } catch {
    return null;
  }
  if (!ref || history.length === 0 || (fields.Status !== "open" && fields.Status !== "resolved")) return null;
  return {
    id: String(fields.Title ?? ""),
    caseRef: ref,
    theme: String(fields.Theme ?? "Other"),
    issue: String(fields.Issue ?? ""),
    status: fields.Status,
    stage: Number(fields.Stage ?? 0),
    history,
    linkedMessage: fields.LinkedMessageId ? { internetMessageId: String(fields.LinkedMessageId), webLink: fields.LinkedMessageLink ? String(fields.LinkedMessageLink) : null } : null,
  };
}
