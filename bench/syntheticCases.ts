// Deterministic synthetic cases for the benchmarks: LAC, CP and foster carers across the four
// nations, with review histories as services hold them (mostly in time, some late, a few with none).
import type { CaseRecord } from "../src/app/readCaseRecord.js";
import { addDays, type IsoDate } from "../src/domain/calendar/isoDate.js";

export const BENCH_TODAY = "2026-11-25" as IsoDate;

/** A linear congruential generator, so every run measures the same cases. */
export function syntheticCases(seed = 42): (i: number) => CaseRecord {
  const random = (n: number) => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed % n;
  };
  return (i) => {
    const nation = ["england", "england", "england", "wales", "scotland", "northern-ireland"][random(6)]!;
    const start = addDays(BENCH_TODAY, -random(2500) - 1);
    const reviews: IsoDate[] = [];
    for (let held = addDays(start, 14 + random(20)), k = 0; held < BENCH_TODAY; k++) {
      reviews.push(held);
      held = addDays(held, (k === 0 ? 75 : 160) + random(40));
    }
    switch (i % 4) {
      case 0:
      case 1:
        return { ref: `L${i}`, track: "lac", nation, periodStart: start, reviews };
      case 2: {
        const icpc = addDays(start, 10 + random(15));
        return { ref: `C${i}`, track: "cp", nation, strategyDiscussions: [start], icpc: icpc < BENCH_TODAY ? icpc : null, reviews: icpc < BENCH_TODAY ? reviews.filter((r) => r > icpc) : [] };
      }
      default:
        return { ref: `F${i}`, track: "foster-carer", nation, approved: start, reviews };
    }
  };
}

/** The same cases as the rows of a cases CSV file (lists joined by ";"). */
export const CASE_COLUMNS = ["ref", "track", "nation", "periodStart", "strategyDiscussions", "icpc", "approved", "reviews"] as const;
export function caseCsvRow(c: CaseRecord): string {
  return CASE_COLUMNS.map((k) => {
    const v = c[k];
    return Array.isArray(v) ? v.join(";") : v === undefined || v === null ? "" : String(v);
  }).join(",");
}
