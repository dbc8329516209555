import { CASELOAD_BAND, loadPosition } from "../caseload/iroLoad.js";
import { countWords, type Counted } from "./figure.js";
import { percentText, type ShownNumbers } from "./shownNumbers.js";

/** A line of a report figure, now and in the previous period, with the national figure where the service gives one. */
export interface ReportLine {
  readonly label: string;
  readonly counted: Counted;
  readonly now: ShownNumbers;
  /** null when the figure is not compared with the previous period. */
  readonly before: ShownNumbers | null;
  readonly national: NationalComparator | null;
}

/** A published national figure the service sets beside its own (a service setting: value, source and year). */
export interface NationalComparator {
  /** The serviceFigures id and line label it stands beside. */
  readonly figure: string;
  readonly line: string;
  readonly percent: number;
  readonly source: string;
  readonly year: string;
}

export interface SentenceContext {
  readonly id: string;
  readonly lines: readonly ReportLine[];
  /** "2024–25", "Q2 2025–26". */
  readonly previousLabel: string;
  /** The period's last day, "31/03/2026". */
  readonly endDay: string;
}

/** Figures whose headline is a share: which line, what it is a share of, what the share did, and what to say when there was nothing. */
const SHARES: Readonly<Record<string, { readonly whole: string; readonly part: string; readonly none: string }>> = {
  "lac-reviews-in-timescale": { whole: "looked after children's reviews held", part: "were in timescale", none: "No looked after children's reviews were held in this period." },
  "icpc-in-timescale": { whole: "initial child protection conferences", part: "were held within 15 working days", none: "No initial child protection conferences were held in this period." },
  "rcpc-in-timescale": { whole: "review child protection conferences", part: "were held in timescale", none: "No review child protection conferences were held in this period." },
  participation: { whole: "reviews of children aged 4 or over", part: "had the child take part or convey their views", none: "No reviews of children aged 4 or over were held in this period." },
  "seen-before-review": { whole: "reviews where it was recorded", part: "had the IRO see or speak to the child beforehand", none: "No review held in this period recorded whether the IRO saw the child beforehand." },
  rag: { whole: "children with a RAG rating", part: "were rated Red", none: "No child had a RAG rating by the end of this period." },
  "dispute-resolution": { whole: "disputes resolved in this period", part: "took at most 20 working days", none: "No disputes were resolved in this period." },
  "records-sent-in-time": { whole: "LAC reviews whose decisions were due", part: "had their decisions sent in time", none: "No decisions of LAC reviews were due in this period." },
};

/** ", up from 85.0% in 2024–25": how a line moved since the previous period, in its own measure. */
function change(line: ReportLine, previousLabel: string, measure: "percent" | "value"): string {
  const { now, before } = line;
  if (!before) return "";
  if (before.of === 0) return `; there were none in ${previousLabel} to compare with`;
  const a = measure === "percent" ? now.percent : now.value;
  const b = measure === "percent" ? before.percent : before.value;
  if (b === null) return before.withheld ? `; the ${previousLabel} figure is withheld` : "";
  if (a === null) return "";
  const shown = measure === "percent" ? percentText(b) : countWords(b, line.counted);
  if (a === b) return `, the same as in ${previousLabel}`;
  return `, ${a > b ? "up" : "down"} from ${shown} in ${previousLabel}`;
}

function national(line: ReportLine): string {
  return line.national ? ` Nationally: ${percentText(line.national.percent)} (${line.national.source}, ${line.national.year}).` : "";
}

function shareSentence(ctx: SentenceContext, line: ReportLine, words: { whole: string; part: string; none: string }): string {
  if (line.now.of === 0) return words.none;
  if (line.now.percent === null) return `The share of ${words.whole} that ${words.part} is withheld because the numbers are small.${national(line)}`;
  return `${percentText(line.now.percent)} of ${words.whole} ${words.part} (${line.now.value} of ${line.now.of})${change(line, ctx.previousLabel, "percent")}.${national(line)}`;
}

/** The largest group among lines (ignoring withheld ones), or null. */
function largest(lines: readonly ReportLine[]): ReportLine | null {
  const shown = lines.filter((l) => l.now.value !== null && l.now.value > 0);
  return shown.length === 0 ? null : shown.reduce((a, b) => (b.now.value! > a.now.value! ? b : a));
}

const byLabel = (lines: readonly ReportLine[], label: string) => lines.find((l) => l.label === label);

/**
 * The one generated sentence under each figure of the report: its headline in words, with the change
 * since the previous period and the national figure where there is one; never a division by zero
 * ("No … were held in this period") and never a withheld number.
 *
 * For 430 of 467 reviews in timescale, 85.0% the year before:
 * "92.1% of looked after children's reviews held were in timescale (430 of 467), up from 85.0% in 2024–25."
 */
export function figureSentence(ctx: SentenceContext): string {
  const { id, lines } = ctx;
  const first = lines[0];
  const words = SHARES[id];
  if (words && first) {
    const base = shareSentence(ctx, first, words);
    if (id === "rag" && first.now.of !== 0) return `${base} Amber: ${lines[1]!.now.text}; Green: ${lines[2]!.now.text}.`;
    if (id === "dispute-resolution") {
      const median = lines[1]!;
      return `${base}${median.now.value === null ? "" : ` The median time to resolve was ${median.now.text}.`} Referred to Cafcass: ${lines[2]!.now.text}.`;
    }
    return base;
  }
  switch (id) {
    case "on-register": {
      const was = (l: ReportLine) => (l.before ? ` (${l.before.text} at the end of ${ctx.previousLabel})` : "");
      if (lines.every((l) => l.now.value === 0)) return `No children were looked after or on a child protection plan on ${ctx.endDay}.`;
      return `On ${ctx.endDay}: ${lines[0]!.now.text} looked after${was(lines[0]!)}, ${lines[1]!.now.text} on a child protection plan${was(lines[1]!)}, ${lines[2]!.now.text} both.`;
    }
    case "children-by-age": {
      const lac = lines.filter((l) => l.label.startsWith("Looked after"));
      if (lac[0]?.now.of === 0) return `No children were looked after on ${ctx.endDay}.`;
      const top = largest(lac);
      return top ? `The largest age group of looked after children on ${ctx.endDay} was ${top.label.replace(/^Looked after, aged /, "")}: ${top.now.text}.` : "The age groups of looked after children are withheld because the numbers are small.";
    }
    case "lac-by-legal-status": {
      if (lines.length === 0) return `No children were looked after on ${ctx.endDay}.`;
      const top = largest(lines);
      return top ? `The most common legal status of looked after children on ${ctx.endDay} was ${top.label}: ${top.now.text}.` : "Looked after children's legal statuses are withheld because the numbers are small.";
    }
    case "late-reasons": {
      if (lines.length === 0) return "No review or conference was held out of timescale in this period.";
      const total = first!.now.of;
      const top = largest(lines);
      const count = total === null ? "The number of reviews and conferences held out of timescale is withheld" : `${countWords(total, "reviews and conferences")} ${total === 1 ? "was" : "were"} held out of timescale`;
      return `${count}${top ? `; the reason recorded most often was “${top.label}” (${top.now.value})` : ""}.`;
    }
    case "disputes": {
      const raised = byLabel(lines, "Raised")!;
      const open = byLabel(lines, "Open at the end of the period")!;
      return `Disputes raised: ${raised.now.text}${change(raised, ctx.previousLabel, "value")}; open at the end of the period: ${open.now.text}.`;
    }
    case "caseload": {
      if (!first) return "No IROs are listed in the service's staff settings, so there are no caseload figures.";
      const iros = lines.slice(1);
      const above = iros.filter((l) => l.now.value !== null && loadPosition(l.now.value) === "above").length;
      return `${first.label}: ${first.now.text}, ${loadPosition(first.now.value!)} the guidance of ${CASELOAD_BAND.min}–${CASELOAD_BAND.max} per full-time IRO; ${above} of ${iros.length} IROs were above it.`;
    }
  }
  if (!first) return "Nothing was recorded for this in the period.";
  return `${first.label}: ${first.now.text}${change(first, ctx.previousLabel, first.now.percent !== null ? "percent" : "value")}.${national(first)}`;
}
