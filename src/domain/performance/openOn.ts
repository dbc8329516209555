import type { IsoDate } from "../calendar/isoDate.js";
import type { ChildCase, EarlierPeriod } from "../caseload/childCase.js";

/** The period of care (current or earlier, short breaks excluded) a child was in on `day`, if any. */
export function periodOfCareOn(child: ChildCase, day: IsoDate): (EarlierPeriod & { readonly legalStatus: string | null }) | null {
  if (!child.lac) return null;
  const current = { ...child.lac, legalStatus: child.lac.legalStatus };
  for (const p of [current, ...child.lac.earlierPeriods.map((e) => ({ ...e, legalStatus: null }))]) {
    if (!p.shortBreaks && p.periodStart <= day && (p.ended === null || p.ended > day)) return { periodStart: p.periodStart, ended: p.ended ?? day, shortBreaks: false, reviews: p.reviews, legalStatus: p.legalStatus };
  }
  return null;
}

/** Looked after on `day` (as the SSDA903 counts at 31 March: short breaks excluded; the day of leaving not counted). */
export function lookedAfterOn(child: ChildCase, day: IsoDate): boolean {
  return periodOfCareOn(child, day) !== null;
}

/** On a child protection plan on `day`: the ICPC made the plan on or before it and it had not ended. */
export function onPlanOn(child: ChildCase, day: IsoDate): boolean {
  return !!child.cp?.icpc && child.cp.icpc <= day && (child.cp.ended === null || child.cp.ended > day);
}
