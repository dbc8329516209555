import { addDays, type IsoDate } from "../calendar/isoDate.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { ChildCase } from "../caseload/childCase.js";
import type { Dispute } from "../disputes/dispute.js";
import type { Figure, FigureRow } from "./figure.js";
import { REPORT_SECTIONS } from "./reportSections.js";
import { figureSentence, type NationalComparator, type ReportLine } from "./reportSentences.js";
import { quarter, reportingQuarter, reportingYear, reportingYearStarting, type ReportingPeriod } from "./reportingPeriod.js";
import { shownNumbers, type ShownNumbers } from "./shownNumbers.js";

export type ReportKind = "annual" | "quarterly";

/** A chart as data: the document and the print page each draw it, with the same description for screen readers. */
export interface ReportChart {
  readonly kind: "bar" | "line";
  readonly title: string;
  readonly measure: "percent" | "number";
  /** The value axis' title: "%" or what the numbers count. */
  readonly axis: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  /** Alternative text: every number of the chart in words, withheld ones said so. */
  readonly alt: string;
}

export interface ReportTrend {
  readonly periods: readonly string[];
  readonly lines: readonly { readonly label: string; readonly points: readonly ShownNumbers[] }[];
  readonly chart: ReportChart | null;
}

export interface ReportFigure {
  readonly id: string;
  readonly title: string;
  readonly definition: string;
  readonly sentence: string;
  readonly lines: readonly ReportLine[];
  readonly chart: ReportChart | null;
  /** null for a figure that is not compared over time (caseloads: the register keeps only today's IRO). */
  readonly trend: ReportTrend | null;
}

/** Where the manager writes: marked so it cannot be published by mistake. */
export interface Placeholder {
  readonly heading: string;
  readonly text: string;
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly figures: readonly ReportFigure[];
  readonly notRecorded: string | null;
  readonly placeholder: Placeholder;
}

/** The annual or quarterly report as data: what `--format json` prints and what the document and the print page show. */
export interface ServiceReport {
  readonly kind: ReportKind;
  readonly title: string;
  readonly period: ReportingPeriod;
  readonly previous: ReportingPeriod;
  readonly madeOn: IsoDate;
  readonly suppressSmallNumbers: boolean;
  /** The register holds nothing for the period: no children on it, no reviews, conferences or disputes. */
  readonly noData: boolean;
  readonly notice: string;
  readonly about: readonly string[];
  readonly opening: Placeholder;
  readonly sections: readonly ReportSection[];
  readonly closing: readonly Placeholder[];
}

/** The words every placeholder starts with; a published report must contain none. */
export const PLACEHOLDER_MARK = "[Manager to write:";

const placeholder = (heading: string, prompt: string): Placeholder => ({ heading, text: `${PLACEHOLDER_MARK} ${prompt}. Replace this note before publishing.]` });

/** Figures not compared with earlier periods: the register keeps each child's IRO now, not who it was then. */
const NOT_COMPARED = new Set(["caseload"]);
/** The lines drawn over time for each figure (default: its first line); null for none. */
const TREND_LINES: Readonly<Record<string, readonly number[] | null>> = {
  "on-register": [0, 1],
  "children-by-age": null,
  "lac-by-legal-status": null,
  "late-reasons": null,
  rag: [0, 1, 2],
  caseload: null,
};
/** At most this many reporting years in a trend, so a register imported from long ago still prints. */
const MAX_TREND_YEARS = 10;

/** The day of the first review, conference or dispute the register holds: where the trend starts. */
export function firstRecordedDay(children: readonly ChildCase[], disputes: readonly Dispute[]): IsoDate | null {
  let first: IsoDate | null = null;
  const see = (d: IsoDate | null | undefined) => void (d && (first === null || d < first) && (first = d));
  for (const c of children) {
    for (const p of [...(c.lac?.earlierPeriods ?? []), ...(c.lac ? [c.lac] : [])]) p.reviews.forEach((r) => see(r.held));
    see(c.cp?.icpc);
    c.cp?.reviews.forEach((r) => see(r.held));
  }
  disputes.forEach((d) => see(d.history[0]?.at));
  return first;
}

/**
 * The periods a report compares: the previous reporting year (or quarter), and the trend: for the
 * annual report every reporting year from the first the register holds (at most ten) to this one;
 * for the quarterly report the quarters of this reporting year so far and of the last.
 */
export function reportPeriods(kind: ReportKind, period: ReportingPeriod, firstDay: IsoDate | null): { previous: ReportingPeriod; trend: ReportingPeriod[] } {
  const start = Number(period.from.slice(0, 4)) - (kind === "quarterly" && period.from.slice(5, 7) < "04" ? 1 : 0);
  if (kind === "annual") {
    const first = firstDay ? Math.max(Number(reportingYear(firstDay).from.slice(0, 4)), start - MAX_TREND_YEARS + 1) : start;
    return { previous: reportingYearStarting(start - 1), trend: Array.from({ length: Math.max(1, start - first + 1) }, (_, i) => reportingYearStarting(Math.min(first, start) + i)) };
  }
  const trend: ReportingPeriod[] = [];
  for (let q = reportingQuarter(start - 1, 1); q.from <= period.from; q = quarter(addDays(q.to, 1))) trend.push(q);
  return { previous: quarter(addDays(period.from, -1)), trend };
}

export interface ServiceReportInputs {
  readonly kind: ReportKind;
  readonly period: ReportingPeriod;
  readonly previous: ReportingPeriod;
  readonly madeOn: IsoDate;
  readonly figures: readonly Figure[];
  readonly previousFigures: readonly Figure[];
  readonly trend: readonly { readonly period: ReportingPeriod; readonly figures: readonly Figure[] }[];
  readonly suppressSmallNumbers: boolean;
  readonly comparators: readonly NationalComparator[];
}

/**
 * The report: the service's figures for the period in the order of REPORT_SECTIONS, each line with
 * the previous period's and any national figure, a sentence, a chart and the trend; placeholders for
 * the manager's words; small numbers withheld when the service says so. It carries no child's name
 * or case reference (the figures' lists of children stay behind), and names no IRO: caseload lines
 * are "IRO 1", "IRO 2"… in the order of the staff settings.
 */
export function serviceReport(inputs: ServiceReportInputs): ServiceReport {
  const { kind, period, previous, suppressSmallNumbers: suppress } = inputs;
  const shown = (row: FigureRow | undefined) => (row ? shownNumbers(row, suppress) : null);
  const find = (figures: readonly Figure[], id: string) => figures.find((f) => f.id === id);
  const report = (figure: Figure): ReportFigure => {
    const compared = !NOT_COMPARED.has(figure.id);
    const before = compared ? find(inputs.previousFigures, figure.id) : undefined;
    const rows = figure.id === "caseload" ? figure.rows.map((r, i) => (i === 0 ? r : { ...r, label: `IRO ${i}${r.label.slice(r.label.lastIndexOf(" ("))}` })) : figure.rows;
    const lines: ReportLine[] = rows.map((r) => ({
      label: r.label,
      counted: r.counted,
      now: shownNumbers(r, suppress),
      before: compared ? (shown(before?.rows.find((b) => b.label === r.label)) ?? { value: 0, of: null, percent: null, withheld: false, text: "none" }) : null,
      national: inputs.comparators.find((c) => c.figure === figure.id && c.line === r.label) ?? null,
    }));
    const sentence = figureSentence({ id: figure.id, lines, previousLabel: previous.label, endDay: formatUkDate(period.to) });
    return { id: figure.id, title: figure.title, definition: figure.definition, sentence, lines, chart: figureChart(figure.title, lines, period, previous), trend: compared ? trendOf(figure, inputs.trend, suppress) : null };
  };
  const sections = REPORT_SECTIONS.map((plan) => {
    const figures = plan.figures.flatMap((id) => {
      const f = find(inputs.figures, id);
      return f ? [report(f)] : [];
    });
    const missing = plan.figures.length === 0 || figures.length < plan.figures.length;
    return { id: plan.id, title: plan.title, figures, notRecorded: plan.notRecorded ?? (missing ? "IRO Desk does not record this yet: add the service's own figures." : null), placeholder: placeholder(`${plan.title}: the service's commentary`, plan.prompt) };
  });
  const noData = inputs.figures.every((f) => f.rows.every((r) => r.value === 0 && !r.of));
  const span = (p: ReportingPeriod) => `${formatUkDate(p.from)} to ${formatUkDate(p.to)}`;
  const annual = kind === "annual";
  return {
    kind,
    title: annual ? `Independent Reviewing Officer service: annual report ${period.label}` : `Independent Reviewing Officer service: quarterly performance report, ${period.label}`,
    period,
    previous,
    madeOn: inputs.madeOn,
    suppressSmallNumbers: suppress,
    noData,
    notice: `Draft written by IRO Desk on ${formatUkDate(inputs.madeOn)}. Before publishing, replace every passage that starts "${PLACEHOLDER_MARK}" with the service's own words, check the figures, and delete this notice.`,
    about: [
      ...(noData ? [`The case register holds nothing for ${span(period)}: no child looked after or on a child protection plan, and no review, conference or dispute. Every figure below says so.`] : []),
      `The figures come from the service's case register in IRO Desk on ${formatUkDate(inputs.madeOn)}, for ${span(period)}, compared with ${previous.label} (${span(previous)}). Reviews and conferences count in the period they were held; each deadline runs from the date the previous one was actually held (Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33; Working Together to Safeguard Children).`,
      annual
        ? `Trends run over the reporting years (1 April to 31 March) the register holds, at most ${MAX_TREND_YEARS}.`
        : "Trends run over the quarters of this reporting year so far and of the last.",
      suppress
        ? "Numbers from 1 to 5 are withheld, and so is any number or percentage from which one could be worked out, as the DfE does in its children in need statistics."
        : "Small numbers are shown as they are: the service has not turned on withholding numbers from 1 to 5 (the setting suppressSmallNumbers). Turn it on before the report is published outside the council.",
      "No child is named or identified by a case reference in this report, and IROs are numbered rather than named.",
      inputs.comparators.length > 0 ? "National figures are those the service has set, each with its source and year." : "The service has set no national figures to compare with.",
    ],
    opening: placeholder("Summary", annual ? "a summary of the year for the corporate parenting board: what went well, what did not, and why" : "a summary of the quarter: what went well, what did not, and why"),
    sections,
    closing: annual
      ? [placeholder("Achievements this year", "what the IRO service achieved for children this year"), placeholder("Priorities for next year", "the service's priorities for the coming year")]
      : [placeholder("Achievements this quarter", "what the IRO service achieved for children this quarter"), placeholder("Priorities for the next quarter", "the service's priorities for the coming quarter")],
  };
}

/** The lines a chart draws: shares as percentages when the headline is a share, otherwise counts of what the headline counts. */
function charted(lines: readonly ReportLine[]): { lines: readonly ReportLine[]; measure: "percent" | "number" } {
  const head = lines[0];
  if (!head) return { lines: [], measure: "number" };
  const share = head.now.of !== null || head.before?.of != null;
  return { lines: lines.filter((l) => l.counted === head.counted && (share ? l.now.of !== null : true)), measure: share ? "percent" : "number" };
}

function figureChart(title: string, lines: readonly ReportLine[], period: ReportingPeriod, previous: ReportingPeriod): ReportChart | null {
  const { lines: drawn, measure } = charted(lines);
  const pick = (s: ShownNumbers | null) => (s === null ? null : measure === "percent" ? s.percent : s.value);
  if (drawn.length === 0 || drawn.every((l) => pick(l.now) === null && pick(l.before) === null)) return null;
  const compared = drawn.some((l) => l.before !== null);
  const series = [{ name: period.label, values: drawn.map((l) => pick(l.now)) }, ...(compared ? [{ name: previous.label, values: drawn.map((l) => pick(l.before)) }] : [])];
  const axis = measure === "percent" ? "%" : drawn[0]!.counted;
  const said = drawn.map((l) => `${l.label}: ${l.now.text}${l.before ? ` (${previous.label}: ${l.before.text})` : ""}`).join("; ");
  return { kind: "bar", title, measure, axis, categories: drawn.map((l) => l.label), series, alt: `Bar chart of ${title.charAt(0).toLowerCase()}${title.slice(1)}, ${period.label}${compared ? ` beside ${previous.label}` : ""}, in ${measure === "percent" ? "percentages" : axis}. ${said}.` };
}

function trendOf(figure: Figure, trend: ServiceReportInputs["trend"], suppress: boolean): ReportTrend | null {
  const picked = TREND_LINES[figure.id] === undefined ? [0] : TREND_LINES[figure.id];
  if (!picked || trend.length < 2) return null;
  const labels = picked.map((i) => figure.rows[i]?.label).filter((l): l is string => l !== undefined);
  if (labels.length === 0) return null;
  const lines = labels.map((label) => ({
    label,
    points: trend.map((t) => {
      const row = t.figures.find((f) => f.id === figure.id)?.rows.find((r) => r.label === label);
      return row ? shownNumbers(row, suppress) : { value: null, of: null, percent: null, withheld: false, text: "none" };
    }),
  }));
  const share = figure.rows[picked[0]!]?.of !== undefined;
  const pick = (s: ShownNumbers) => (share ? s.percent : s.value);
  const periods = trend.map((t) => t.period.label);
  const axis = share ? "%" : figure.rows[picked[0]!]!.counted;
  const said = lines.map((l) => `${l.label}: ${l.points.map((p, i) => `${periods[i]} ${p.text}`).join(", ")}`).join(". ");
  const chart: ReportChart | null = lines.every((l) => l.points.every((p) => pick(p) === null))
    ? null
    : { kind: "line", title: `${figure.title}: trend`, measure: share ? "percent" : "number", axis, categories: periods, series: lines.map((l) => ({ name: l.label, values: l.points.map(pick) })), alt: `Line chart of ${figure.title.charAt(0).toLowerCase()}${figure.title.slice(1)} from ${periods[0]} to ${periods[periods.length - 1]}, in ${share ? "percentages" : axis}. ${said}.` };
  return { periods, lines, chart };
}
