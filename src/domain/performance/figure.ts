import type { CaseRef } from "../caseload/caseRef.js";

/** One line of a figure: a count, out of how many when it is a share, and the children behind it. */
export interface FigureRow {
  readonly label: string;
  readonly value: number;
  readonly of?: number;
  readonly children: readonly CaseRef[];
}

/** A figure a service reports, with its definition written for a board paper. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly definition: string;
  readonly rows: readonly FigureRow[];
}

/** 83.3 for 10 of 12; null when there is nothing to divide by. */
export function percent(row: FigureRow): number | null {
  return row.of ? Math.round((row.value / row.of) * 1000) / 10 : null;
}
