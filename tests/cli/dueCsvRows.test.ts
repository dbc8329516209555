import { describe, expect, it } from "vitest";
import { csvLine } from "../../src/app/csv/writeCsv.js";
import type { DueResult } from "../../src/app/dueReport.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { dueWriter } from "../../src/hosts/cli/formatDue.js";

const date = (d: string) => d as IsoDate;
const base: DueResult = { ref: "A1", status: "on-track", next: { event: "lac-review", number: 2, dueBy: date("2026-04-29") }, history: [], errors: [], warnings: [], workingDaysLeft: 40 };
const warnings = ["The Wales child protection timescales are not yet confirmed (source, “quoted”): check them."];

function csvOf(results: readonly DueResult[]): string {
  let text = "";
  const writer = dueWriter("csv", date("2026-03-02"), (bytes) => (text += new TextDecoder().decode(bytes)));
  results.forEach((r) => writer.row(r));
  writer.end();
  return text;
}

describe("iro-desk due's CSV rows, written cell by cell", () => {
  it("are the lines csvLine writes for the same cells, whatever the row holds", () => {
    const results: DueResult[] = [
      base,
      { ...base, ref: "=1+1, \"quoted\"", workingDaysLeft: -12, status: "overdue" },
      { ...base, ref: "Łukasz-李", workingDaysLeft: 0 },
      { ...base, ref: null, status: "invalid", next: null, workingDaysLeft: null, errors: [{ field: "ref", reason: "ref (the case reference) is missing" }, { field: "reviews", reason: 'reviews[2] "31/02/2026" is not a real date' }] },
      { ...base, warnings },
      { ...base, warnings },
      { ...base, next: { ...base.next!, early: "iro-request" }, warnings },
      { ...base, status: "unsupported", next: null, workingDaysLeft: null, reason: "IRO Desk has no adoption placement review timescales for Scotland yet" },
      { ...base, next: { event: "rcpc", number: 12, dueBy: date("2027-01-04") }, workingDaysLeft: 1234 },
    ];
    const expected = [
      csvLine(["ref", "status", "event", "number", "dueBy", "workingDaysLeft", "errors", "note"]),
      csvLine(["A1", "on-track", "lac-review", 2, "2026-04-29", 40, null, null]),
      csvLine(["=1+1, \"quoted\"", "overdue", "lac-review", 2, "2026-04-29", -12, null, null]),
      csvLine(["Łukasz-李", "on-track", "lac-review", 2, "2026-04-29", 0, null, null]),
      csvLine([null, "invalid", null, null, null, null, 'ref: ref (the case reference) is missing; reviews: reviews[2] "31/02/2026" is not a real date', null]),
      csvLine(["A1", "on-track", "lac-review", 2, "2026-04-29", 40, null, warnings[0]!]),
      csvLine(["A1", "on-track", "lac-review", 2, "2026-04-29", 40, null, warnings[0]!]),
      csvLine(["A1", "on-track", "lac-review", 2, "2026-04-29", 40, null, `brought forward: the IRO asked for an early review; ${warnings[0]}`]),
      csvLine(["A1", "unsupported", null, null, null, null, null, "IRO Desk has no adoption placement review timescales for Scotland yet"]),
      csvLine(["A1", "on-track", "rcpc", 12, "2027-01-04", 1234, null, null]),
    ];
    expect(csvOf(results)).toBe(expected.join(""));
  });
});
