import type { ChildCase } from "./childCase.js";

/** The IRO Handbook (2010, para. 7.15) guidance: 50 to 70 looked after children per full-time IRO. */
export const CASELOAD_BAND = { min: 50, max: 70 } as const;

/** A child both looked after and on a plan counts once (the default), or once for each. */
export type CountRule = "child-once" | "each-episode";

export interface IroLoad {
  readonly iro: string;
  readonly fte: number;
  readonly lac: number;
  readonly cp: number;
  /** Children counted by the rule: what the band is measured against. */
  readonly counted: number;
  readonly perFte: number;
  /** The band scaled by FTE: a 0.6 FTE IRO's band is 30–42. */
  readonly band: { readonly min: number; readonly max: number };
  readonly position: "below" | "within" | "above";
}

/**
 * One IRO's load: their open looked-after children (as IRO) and open CP plans (as chair), against
 * the 50–70 band scaled by their FTE.
 *
 * An IRO at 0.6 FTE with 38 looked after children and 6 CP plans (2 of them the same children) counts
 * 42 children: within the band of 30–42, 70 per FTE.
 */
export function iroLoad(children: readonly ChildCase[], iro: string, fte: number, rule: CountRule = "child-once"): IroLoad {
  const me = iro.toLowerCase();
  let lac = 0;
  let cp = 0;
  let both = 0;
  for (const c of children) {
    const hasLac = c.lac !== null && c.lac.ended === null && c.iro?.toLowerCase() === me;
    const hasCp = c.cp !== null && c.cp.ended === null && (c.cp.chair ?? c.iro)?.toLowerCase() === me;
    if (hasLac) lac++;
    if (hasCp) cp++;
    if (hasLac && hasCp) both++;
  }
  const counted = rule === "child-once" ? lac + cp - both : lac + cp;
  const band = { min: Math.round(CASELOAD_BAND.min * fte), max: Math.round(CASELOAD_BAND.max * fte) };
  return {
    iro,
    fte,
    lac,
    cp,
    counted,
    perFte: fte > 0 ? Math.round((counted / fte) * 10) / 10 : 0,
    band,
    position: counted < band.min ? "below" : counted > band.max ? "above" : "within",
  };
}
