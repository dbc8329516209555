import { writeCsv } from "../../app/csv/writeCsv.js";
import type { DueResult } from "../../app/dueReport.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate } from "../../domain/calendar/ukDate.js";
import { EVENT_NAMES } from "../../domain/timescales/ruleSets.js";

export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export function formatDue(results: readonly DueResult[], format: Format, today: IsoDate): string {
  switch (format) {
    case "json":
      // The documented shape: warnings only where there are any; working days left are for people (table, CSV).
      return JSON.stringify(results.map(({ warnings, workingDaysLeft: _, ...rest }) => (warnings.length > 0 ? { ...rest, warnings } : rest)), null, 2) + "\n";
    case "csv":
      return writeCsv([
        ["ref", "status", "event", "number", "dueBy", "workingDaysLeft", "errors"],
        ...results.map((r) => [
          r.ref,
          r.status,
          r.next?.event ?? null,
          r.next?.number ?? null,
          r.next?.dueBy ?? null,
          r.workingDaysLeft,
          r.errors.map((e) => `${e.field}: ${e.reason}`).join("; ") || null,
        ]),
      ]);
    case "table":
      return table(results, today);
  }
}

function table(results: readonly DueResult[], today: IsoDate): string {
  const rows = results.map((r, i) => {
    const left = r.workingDaysLeft;
    return [
      r.ref ?? `(case ${i + 1})`,
      r.next ? `${EVENT_NAMES[r.next.event]} ${r.next.number}` : "–",
      r.next ? formatUkDate(r.next.dueBy) : "–",
      left === null ? "–" : left < 0 ? `${-left} overdue` : String(left),
      r.status.replace("-", " "),
    ];
  });
  const header = ["Ref", "Next", "Due by", "Working days left", "Status"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd();
  const problems = results.flatMap((r, i) => [
    ...r.errors.map((e) => `  ${r.ref ?? `(case ${i + 1})`}: ${e.field}: ${e.reason}`),
    ...r.warnings.map((w) => `  ${r.ref ?? `(case ${i + 1})`}: warning: ${w}`),
  ]);
  return [
    `Statutory timescales on ${formatUkDate(today)}`,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    ...(problems.length > 0 ? ["", "Problems:", ...problems] : []),
    "",
  ].join("\n");
}
