import { percent, type Figure } from "../domain/performance/figure.js";
import type { ReportingPeriod } from "../domain/performance/reportingPeriod.js";
import { writeCsv } from "./csv/writeCsv.js";

/** The figures as one CSV: a row per line of each figure, saying what it counts (reviews, children…), with the children behind it. Used by the CLI and the managers' export. */
export function figuresCsv(figures: readonly Figure[], period: ReportingPeriod): string {
  return writeCsv([
    ["period", "from", "to", "figure", "line", "counted", "value", "of", "percent", "children"],
    ...figures.flatMap((f) => f.rows.map((r) => [period.label, period.from, period.to, f.title, r.label, r.counted, r.value, r.of ?? null, percent(r), r.children.join(";")])),
  ]);
}
