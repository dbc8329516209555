import type { IsoDate } from "../calendar/isoDate.js";
import { workingDaysBetween } from "../calendar/workingDaysBetween.js";
import type { ChildCase } from "../caseload/childCase.js";
import type { Dispute, LadderStage } from "../disputes/dispute.js";
import type { TimescaleOptions } from "../timescales/assessTimescale.js";
import type { Figure, FigureRow } from "./figure.js";
import type { ReportingPeriod } from "./reportingPeriod.js";

/** The IRO Handbook (2010, chapter 5; domain.md) expects the formal dispute process to take no more than 20 working days in all. */
const HANDBOOK_WORKING_DAYS = 20;

/**
 * How disputes ended: how long those resolved in the period took (working days from being raised to
 * being resolved, the child's nation's bank holidays skipped), how many within the Handbook's 20
 * working days, and how many reached the ladder's referral to Cafcass in the period.
 */
export function disputeResolution(disputes: readonly Dispute[], children: readonly ChildCase[], period: ReportingPeriod, options: TimescaleOptions, ladder: readonly LadderStage[]): Figure {
  const inPeriod = (d: IsoDate) => d >= period.from && d <= period.to;
  const nation = new Map(children.map((c) => [c.ref, c.nation]));
  const resolved = disputes.flatMap((d) => {
    const end = d.history.find((e) => e.action === "resolved");
    return end && inPeriod(end.at) ? [{ d, days: workingDaysBetween(options.calendarFor(nation.get(d.caseRef) ?? "england"), d.history[0]!.at, end.at) }] : [];
  });
  const days = resolved.map((r) => r.days).sort((a, b) => a - b);
  const median = days.length === 0 ? 0 : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  const cafcass = ladder.findIndex((s) => /cafcass/i.test(s.name));
  const referred = cafcass < 0 ? [] : disputes.filter((d) => d.history.some((e) => e.stage === cafcass && e.action !== "resolved" && inPeriod(e.at)));
  const line = (label: string, list: readonly Dispute[], of?: number): FigureRow => ({ label, value: list.length, ...(of !== undefined ? { of } : {}), counted: "disputes", children: [...new Set(list.map((d) => d.caseRef))] });
  return {
    id: "dispute-resolution",
    title: "How long disputes took to resolve, and referrals to Cafcass",
    definition: `Disputes resolved in the period: the median number of working days from being raised to being resolved, and how many were resolved within the ${HANDBOOK_WORKING_DAYS} working days the IRO Handbook expects the formal process to take; and disputes referred to Cafcass in the period (the ladder's Cafcass stage).`,
    rows: [
      line(`Resolved within ${HANDBOOK_WORKING_DAYS} working days`, resolved.filter((r) => r.days <= HANDBOOK_WORKING_DAYS).map((r) => r.d), resolved.length),
      { label: "Median time to resolve", value: median, counted: "working days", children: [...new Set(resolved.map((r) => r.d.caseRef))] },
      line("Referred to Cafcass", referred),
    ],
  };
}
