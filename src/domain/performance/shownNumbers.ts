import { countWords, percent, type FigureRow } from "./figure.js";

/** The word a withheld number is shown as, in tables, sentences and charts' descriptions. */
const WITHHELD = "withheld";

/** A line's numbers as the report shows them: null where withheld (or, for a median of nothing, not applicable). */
export interface ShownNumbers {
  readonly value: number | null;
  readonly of: number | null;
  readonly percent: number | null;
  readonly withheld: boolean;
  /** "430 of 467 reviews (92.1%)", "25 disputes", "withheld (of 467 reviews)". */
  readonly text: string;
}

const small = (n: number | undefined) => n !== undefined && n >= 1 && n <= 5;

/** "92.1%": one decimal place, as the DfE's statistics write shares. */
export function percentText(p: number): string {
  return `${p.toFixed(1)}%`;
}

/**
 * A line's numbers for a published report. With `suppress` (the service's small-number setting),
 * counts from 1 to 5 are withheld, and so is anything they could be worked out from: a share's
 * percentage, and a count whose complement in its total (of − value) is 1 to 5, as the DfE's
 * children in need statistics do ("any number between 1 and 5 inclusive has been suppressed…
 * Secondary suppression has been applied"). Rates and working days are not counts of children and
 * are shown as they are.
 *
 * shownNumbers({ value: 3, of: 40, counted: "reviews" }, true) is withheld (of 40 reviews).
 */
export function shownNumbers(row: Pick<FigureRow, "value" | "of" | "counted" | "children">, suppress: boolean): ShownNumbers {
  if (row.counted === "children per FTE" || row.counted === "working days") {
    if (row.counted === "working days" && row.children.length === 0) return { value: null, of: null, percent: null, withheld: false, text: "not applicable" };
    return { value: row.value, of: null, percent: null, withheld: false, text: countWords(row.value, row.counted) };
  }
  const ofWithheld = suppress && small(row.of);
  const valueWithheld = suppress && (small(row.value) || ofWithheld || (row.of !== undefined && small(row.of - row.value)));
  const value = valueWithheld ? null : row.value;
  const of = row.of === undefined || ofWithheld ? null : row.of;
  const p = valueWithheld ? null : percent(row);
  if (row.of === undefined) return { value, of: null, percent: null, withheld: valueWithheld, text: valueWithheld ? WITHHELD : countWords(row.value, row.counted) };
  if (row.of === 0) return { value: 0, of: 0, percent: null, withheld: false, text: `no ${row.counted}` };
  const text = valueWithheld ? (of === null ? WITHHELD : `${WITHHELD} (of ${countWords(of, row.counted)})`) : `${row.value} of ${countWords(row.of, row.counted)} (${percentText(p!)})`;
  return { value, of, percent: p, withheld: valueWithheld || ofWithheld, text };
}
