import type { CaseRef } from "../caseload/caseRef.js";

/**
 * What a line's value (and its "of") counts. A review count and the children behind it differ (a
 * child can have two reviews in a year), so every line says which it counts.
 */
export type Counted = "children" | "reviews" | "conferences" | "reviews and conferences" | "disputes" | "children per FTE" | "working days";

/** One line of a figure: a count, out of how many when it is a share, and the children behind it. */
export interface FigureRow {
  readonly label: string;
  readonly value: number;
  readonly of?: number;
  readonly counted: Counted;
  /** The children behind the value (each once, however many reviews or disputes they had). */
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
export function percent(row: Pick<FigureRow, "value" | "of">): number | null {
  return row.of ? Math.round((row.value / row.of) * 1000) / 10 : null;
}

const SINGULAR: Readonly<Record<Counted, string>> = {
  children: "child",
  reviews: "review",
  conferences: "conference",
  "reviews and conferences": "review or conference",
  disputes: "dispute",
  "children per FTE": "child per FTE",
  "working days": "working day",
};

/** "391 reviews", "1 child", "76.7 children per FTE": a number with what it counts. */
export function countWords(n: number, counted: Counted): string {
  return `${n} ${n === 1 ? SINGULAR[counted] : counted}`;
}

/**
 * The children behind a line, said so that it agrees with the line on its face: "300 children"
 * under "391 reviews" reads as a contradiction; "391 reviews of 300 children" does not.
 */
export function childrenBehind(row: FigureRow): string {
  const children = countWords(row.children.length, "children");
  if (row.counted === "children" || row.counted === "children per FTE" || row.counted === "working days" || row.value === 0) return children;
  return `${countWords(row.value, row.counted)} of ${children}`;
}

/** A line counting children (each once), out of `of` when it is a share. */
export function childrenRow(label: string, children: readonly { readonly ref: CaseRef }[], of?: number): FigureRow {
  const refs = [...new Set(children.map((c) => c.ref))];
  return { label, value: refs.length, ...(of !== undefined ? { of } : {}), counted: "children", children: refs };
}
