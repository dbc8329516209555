import type { IsoDate } from "../calendar/isoDate.js";
import type { CaseRef } from "./caseRef.js";
import type { ChildCase } from "./childCase.js";
import type { StaffMember } from "./staffMember.js";

/**
 * The IRO Handbook (2010, para. 7.15) guidance: 50 to 70 looked after children per full-time IRO.
 * IRO Desk states every load one way: children per FTE against this band (domain.md, "IRO").
 */
export const CASELOAD_BAND = { min: 50, max: 70 } as const;

/** A child both looked after and on a plan counts once (the default), or once for each. */
export type CountRule = "child-once" | "each-episode";

export type LoadPosition = "below" | "within" | "above";

export interface IroLoad {
  readonly iro: string;
  /** From the service's staff settings; null when the IRO is not listed there (no per-FTE figure then). */
  readonly fte: number | null;
  readonly lac: number;
  readonly cp: number;
  /** Children counted by the rule: what the band is measured against. */
  readonly counted: number;
  readonly rule: CountRule;
  /** Children per full-time equivalent, to one decimal place; null without an FTE. */
  readonly perFte: number | null;
  /** Where perFte (as shown, rounded) falls against 50–70; null without an FTE. */
  readonly position: LoadPosition | null;
  /** The children counted, each once. */
  readonly children: readonly CaseRef[];
}

/** Open on `asOf`: started on or before it and not ended by then (the day a child leaves is not counted). */
const openOn = (start: IsoDate | null | undefined, ended: IsoDate | null, asOf: IsoDate) => !!start && start <= asOf && (ended === null || ended > asOf);

/** `address` is the sign-in `me` (lower case), in any case; compared without lowering every child's address (a service's 50,000). */
const isSignIn = (address: string | null, me: string) => address === me || (address !== null && address.length === me.length && address.toLowerCase() === me);

/** Whose looked-after load the child counts in on `asOf`: its IRO, as the register writes them, while the episode is open. */
const lacIro = (c: ChildCase, asOf: IsoDate): string | null => (c.lac !== null && c.iro && openOn(c.lac.periodStart, c.lac.ended, asOf) ? c.iro : null);

/** Whose CP load the child counts in on `asOf`: the plan's chair (its IRO when it names none) while the plan is open. */
const cpChair = (c: ChildCase, asOf: IsoDate): string | null => {
  const who = c.cp === null ? null : (c.cp.chair ?? c.iro);
  return who && openOn(c.cp!.icpc ?? [...c.cp!.strategyDiscussions].sort()[0], c.cp!.ended, asOf) ? who : null;
};

/** A load being counted: children looked after, on plans, on both, and which. */
interface Count {
  lac: number;
  cp: number;
  both: number;
  readonly children: CaseRef[];
}

const newCount = (): Count => ({ lac: 0, cp: 0, both: 0, children: [] });

/** Adds a child to the loads it counts in (one, or two when a different chair has its plan). */
function countChild(c: ChildCase, lac: Count | null, cp: Count | null): void {
  if (lac) lac.lac++;
  if (cp) cp.cp++;
  if (lac && lac === cp) lac.both++;
  if (lac) lac.children.push(c.ref);
  if (cp && cp !== lac) cp.children.push(c.ref);
}

function loadOf(iro: string, count: Count, staff: readonly StaffMember[], rule: CountRule): IroLoad {
  const me = iro.toLowerCase();
  const fte = staff.find((s) => s.upn.toLowerCase() === me)?.fte ?? null;
  return withFte({ iro, lac: count.lac, cp: count.cp, counted: rule === "child-once" ? count.lac + count.cp - count.both : count.lac + count.cp, rule, children: count.children }, fte);
}

/**
 * One IRO's load on a day: their open looked-after children (as IRO) and open CP plans (as chair,
 * or as IRO when the plan names no chair), per FTE from the service's staff settings, against 50–70
 * per full-time IRO. Every surface (caseload pane, extension, managers' table, chairs by capacity,
 * the performance figures and the annual report) takes its load from here or from iroLoads.
 *
 * An IRO at 0.6 FTE with 38 looked after children and 6 CP plans (2 of them the same children) counts
 * 42 children: 70 per FTE, within 50–70.
 */
export function iroLoad(children: readonly ChildCase[], iro: string, staff: readonly StaffMember[], asOf: IsoDate, rule: CountRule = "child-once"): IroLoad {
  const me = iro.toLowerCase();
  const count = newCount();
  for (const c of children) countChild(c, isSignIn(lacIro(c, asOf), me) ? count : null, isSignIn(cpChair(c, asOf), me) ? count : null);
  return loadOf(iro, count, staff, rule);
}

/**
 * Every listed IRO's load on a day, in the staff's order: the same figures as iroLoad for each, in
 * one pass over the register (a manager's view of 50,000 children draws at once).
 */
export function iroLoads(children: readonly ChildCase[], staff: readonly StaffMember[], asOf: IsoDate, rule: CountRule = "child-once"): IroLoad[] {
  const counts = new Map(staff.map((s) => [s.upn.toLowerCase(), newCount()]));
  // Addresses as the register writes them, each lowered once: a few dozen IROs among 50,000 children.
  const written = new Map<string, Count | null>();
  const countFor = (address: string | null): Count | null => {
    if (address === null) return null;
    let count = written.get(address);
    if (count === undefined) written.set(address, (count = counts.get(address.toLowerCase()) ?? null));
    return count;
  };
  for (const c of children) countChild(c, countFor(lacIro(c, asOf)), countFor(cpChair(c, asOf)));
  return staff.map((s) => loadOf(s.upn, counts.get(s.upn.toLowerCase())!, staff, rule));
}

/**
 * The whole service's load: every listed IRO's children added up, over their FTE added up. A child
 * shared between two IROs (looked after with one, on a plan chaired by another) counts for each.
 */
export function serviceLoad(children: readonly ChildCase[], staff: readonly StaffMember[], asOf: IsoDate, rule: CountRule = "child-once"): IroLoad {
  const loads = iroLoads(children, staff, asOf, rule);
  const sum = (pick: (l: IroLoad) => number) => loads.reduce((n, l) => n + pick(l), 0);
  const fte = Math.round(sum((l) => l.fte ?? 0) * 100) / 100;
  return withFte({ iro: "All IROs", lac: sum((l) => l.lac), cp: sum((l) => l.cp), counted: sum((l) => l.counted), rule, children: [...new Set(loads.flatMap((l) => l.children))] }, staff.length > 0 ? fte : null);
}

function withFte(load: Omit<IroLoad, "fte" | "perFte" | "position">, fte: number | null): IroLoad {
  const perFte = fte ? Math.round((load.counted / fte) * 10) / 10 : null;
  return { ...load, fte, perFte, position: perFte === null ? null : loadPosition(perFte) };
}

/** Where a number of children per FTE falls against 50–70: loadPosition(76.7) = "above". */
export function loadPosition(perFte: number): LoadPosition {
  return perFte < CASELOAD_BAND.min ? "below" : perFte > CASELOAD_BAND.max ? "above" : "within";
}

/** "76.7 per FTE, above 50–70": the one short way a load is stated (tables, the chair picker). */
export function perFteWords(load: IroLoad): string {
  return load.perFte === null ? "FTE not in the staff settings" : `${load.perFte} per FTE, ${load.position} ${CASELOAD_BAND.min}–${CASELOAD_BAND.max}`;
}

/**
 * The one full sentence for a load: "46 children (40 looked after, 8 on CP plans; a child on both
 * counts once) at 0.6 FTE: 76.7 per FTE, above the guidance of 50–70 per full-time IRO."
 */
export function loadWords(load: IroLoad): string {
  const children = `${load.counted} ${load.counted === 1 ? "child" : "children"} (${load.lac} looked after, ${load.cp} on CP ${load.cp === 1 ? "plan" : "plans"}${load.rule === "child-once" ? "; a child on both counts once" : "; a child on both counts twice"})`;
  if (load.perFte === null) return `${children}. The FTE is not in the service's staff settings, so there is no figure per FTE to set against the guidance of ${CASELOAD_BAND.min}–${CASELOAD_BAND.max}.`;
  return `${children} at ${load.fte} FTE: ${load.perFte} per FTE, ${load.position} the guidance of ${CASELOAD_BAND.min}–${CASELOAD_BAND.max} per full-time IRO.`;
}
