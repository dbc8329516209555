import type { ChildCase, HeldReview } from "../../domain/caseload/childCase.js";
import type { StoredCase, UnreadableCase } from "../../ports/CaseStore.js";

export interface ImportPlan {
  /** Children not yet in the register: adding them loses nothing. */
  readonly create: readonly ChildCase[];
  /** Children whose stored record would change: applied only when the user confirms. */
  readonly change: readonly { readonly stored: StoredCase; readonly proposed: ChildCase; readonly fields: readonly string[] }[];
  readonly unchanged: number;
  /** Children in the files whose register entry cannot be read: neither added again nor changed until it is mended. */
  readonly heldBack: readonly { readonly ref: string; readonly problems: readonly string[] }[];
}

/**
 * What an import would do to the register. What the files carry (dates, episodes, reviews, legal
 * status, plans, allocation) replaces what is stored; what they do not carry (names, contacts, RAG,
 * late reasons, whether the IRO saw the child) is kept. Importing the same files again changes nothing.
 */
export function planImport(stored: readonly StoredCase[], imported: readonly ChildCase[], unreadable: readonly UnreadableCase[] = []): ImportPlan {
  const byRef = new Map(stored.map((s) => [s.childCase.ref, s]));
  const unreadableByRef = new Map(unreadable.flatMap((u) => (u.ref ? [[u.ref, u] as const] : [])));
  const create: ChildCase[] = [];
  const change: { stored: StoredCase; proposed: ChildCase; fields: string[] }[] = [];
  const heldBack: { ref: string; problems: readonly string[] }[] = [];
  let unchanged = 0;
  for (const incoming of imported) {
    const broken = unreadableByRef.get(incoming.ref);
    if (broken) {
      heldBack.push({ ref: incoming.ref, problems: broken.problems });
      continue;
    }
    const existing = byRef.get(incoming.ref);
    const plan = planChild(existing?.childCase, incoming);
    if (plan.kind === "create") create.push(incoming);
    else if (plan.kind === "unchanged") unchanged++;
    else change.push({ stored: existing!, proposed: plan.proposed, fields: plan.fields });
  }
  return { create, change, unchanged, heldBack };
}

/** What importing one child would do: add them, change the stored record (and which fields), or nothing. */
export function planChild(stored: ChildCase | undefined, incoming: ChildCase): { kind: "create" } | { kind: "unchanged" } | { kind: "change"; proposed: ChildCase; fields: string[] } {
  if (!stored) return { kind: "create" };
  const proposed = mergeChild(stored, incoming);
  const fields = changedFields(stored, proposed);
  return fields.length === 0 ? { kind: "unchanged" } : { kind: "change", proposed, fields };
}

/** The imported record over the stored one, keeping what the files do not know. */
function mergeChild(stored: ChildCase, incoming: ChildCase): ChildCase {
  const keepExtras = (reviews: readonly HeldReview[], before: readonly HeldReview[]) =>
    reviews.map((r) => ({ ...before.find((b) => b.held === r.held), ...r }));
  return {
    ...stored,
    dateOfBirth: incoming.dateOfBirth,
    childName: stored.childName || incoming.childName,
    iro: incoming.iro ?? stored.iro,
    socialWorker: incoming.socialWorker ?? stored.socialWorker,
    teamManager: incoming.teamManager ?? stored.teamManager,
    lac: incoming.lac ? { ...incoming.lac, reviews: keepExtras(incoming.lac.reviews, stored.lac?.reviews ?? []) } : stored.lac,
    cp: incoming.cp ? { ...incoming.cp, chair: incoming.cp.chair ?? stored.cp?.chair ?? null, reviews: keepExtras(incoming.cp.reviews, stored.cp?.reviews ?? []) } : stored.cp,
  };
}

function changedFields(a: ChildCase, b: ChildCase): string[] {
  return (Object.keys(b) as (keyof ChildCase)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Applies an allocation (IRO, social worker, team manager by child) to imported children. */
export function allocate(children: readonly ChildCase[], allocation: ReadonlyMap<string, { iro: string; socialWorker: string | null; teamManager: string | null }>): ChildCase[] {
  return children.map((c) => {
    const a = allocation.get(c.ref);
    return a ? { ...c, iro: a.iro, socialWorker: a.socialWorker ?? c.socialWorker, teamManager: a.teamManager ?? c.teamManager, ...(c.cp && !c.cp.chair ? { cp: { ...c.cp, chair: a.iro } } : {}) } : c;
  });
}

/** Children from several files joined by reference: a child in both the SSDA903 files and the CP plans gets both episodes. */
export function joinByRef(...lists: readonly (readonly ChildCase[])[]): ChildCase[] {
  const joined = new Map<string, ChildCase>();
  for (const list of lists) {
    for (const c of list) {
      const before = joined.get(c.ref);
      joined.set(c.ref, before ? { ...before, lac: before.lac ?? c.lac, cp: before.cp ?? c.cp } : c);
    }
  }
  return [...joined.values()];
}
