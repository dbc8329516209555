import type { CaseloadEntry } from "../app/loadCaseload.js";
import { isHeldBy } from "../domain/caseload/childCase.js";
import type { GlanceRow } from "../ports/LocalCopy.js";
import { byDueDate, plainOrder, STATUS_ORDER } from "./format.js";

/** The most children a picker lists: the search finds the rest. */
const MOST = 50;

/**
 * The children a picker lists: with no search, the person's own open cases, most urgent first
 * (what the glance keeps); with one, anyone in the service whose reference or name matches, the
 * person's own first.
 */
export function pickerRows(entries: readonly CaseloadEntry[], me: string, query: string): GlanceRow[] {
  const q = query.trim().toLowerCase();
  const own = me.toLowerCase();
  const mine = (e: CaseloadEntry) => isHeldBy(e.child, own);
  const matching = q ? entries.filter((e) => matches(e.child, q)) : entries.filter(mine).filter((e) => e.status !== "closed");
  return [...matching]
    // Equally urgent children by reference: the same order whichever way the register was read
    // (Microsoft 365, the copy, the picture), so no row moves as a pane is brought up to date.
    .sort((a, b) => Number(mine(b)) - Number(mine(a)) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byDueDate(a.next?.dueBy, b.next?.dueBy) || plainOrder(a.child.ref, b.child.ref))
    .slice(0, MOST)
    .map((e) => ({ id: e.stored.id, ref: e.child.ref, childName: e.child.childName, status: e.status, next: e.next && { event: e.next.event, number: e.next.number, dueBy: e.next.dueBy } }));
}

/** The glance's rows that match a search (the glance holds the person's own children only). */
export function glanceRows(rows: readonly GlanceRow[], query: string): readonly GlanceRow[] {
  const q = query.trim().toLowerCase();
  return q ? rows.filter((r) => matches(r, q)) : rows;
}

function matches(child: { readonly ref: string; readonly childName: string }, q: string): boolean {
  return child.ref.toLowerCase().includes(q) || child.childName.toLowerCase().includes(q);
}
