import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from "docx";
import { ChartRun, type ChartRunOptions } from "docx/charts";
import { formatUkDate } from "../../domain/calendar/ukDate.js";
import type { Placeholder, ReportChart, ReportFigure, ServiceReport } from "../../domain/performance/serviceReport.js";

// Colours chosen for contrast (WCAG 2.2 AA against white) and, in charts, for lightness so the two
// series tell apart in greyscale too; every chart also carries its numbers as labels, a legend, a
// description and the table after it, so no meaning rests on colour.
const INK = "1F3864";
const SERIES = ["1F4E79", "9DC3E6", "C55A11", "548235"];
const MARKERS = ["circle", "square", "triangle", "diamond"] as const;
const DASHES = ["solid", "dash", "dot", "longDash"] as const;

const para = (text: string, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 }, ...extra });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level, keepNext: true });

/** A placeholder reads as one in any view: its words say so, in bold, in a shaded, bordered box. */
function placeholder(p: Placeholder, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph[] {
  const line = { style: BorderStyle.DASHED, size: 8, color: "7F6000", space: 4 } as const;
  return [
    heading(p.heading, level),
    new Paragraph({
      children: [new TextRun({ text: p.text, bold: true })],
      shading: { type: ShadingType.CLEAR, fill: "FFF2CC", color: "auto" },
      border: { top: line, bottom: line, left: line, right: line },
      spacing: { after: 200 },
    }),
  ];
}

function chart(c: ReportChart): Paragraph {
  const rows = c.kind === "bar" ? c.categories.length * c.series.length : 8;
  const base = {
    title: c.title,
    categories: [...c.categories],
    legend: { position: "bottom" as const },
    dataLabels: { value: true, numberFormat: c.measure === "percent" ? "0.0" : "0.#" },
    valueAxis: { title: c.axis, ...(c.measure === "percent" ? { minimum: 0, maximum: 100 } : { minimum: 0 }) },
    altText: { name: c.title, title: c.title, description: c.alt },
    transformation: { width: 600, height: Math.min(900, Math.max(260, 110 + rows * (c.kind === "bar" ? 26 : 20))) },
  };
  const options: ChartRunOptions =
    c.kind === "bar"
      ? { ...base, type: "bar", categoryAxis: { reverseOrder: true }, valueAxis: { ...base.valueAxis, crossesAt: "maximum" }, gapWidth: 60, overlap: -5, series: c.series.map((s, i) => ({ name: s.name, values: [...s.values], color: SERIES[i % SERIES.length]! })) }
      : {
          ...base,
          type: "line",
          series: c.series.map((s, i) => ({ name: s.name, values: [...s.values], color: SERIES[i % 2 === 0 ? i : i + 1] ?? SERIES[0]!, markers: { shape: MARKERS[i % MARKERS.length]!, size: 7 }, line: { width: 2.25, dash: DASHES[i % DASHES.length]! } })),
        };
  return new Paragraph({ children: [new ChartRun(options)], keepNext: true, spacing: { after: 120 } });
}

function table(header: readonly string[], rows: readonly (readonly string[])[], caption: string): (Paragraph | Table)[] {
  const cell = (text: string, head: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold: head })] })],
      ...(head ? { shading: { type: ShadingType.CLEAR, fill: "DEEAF6", color: "auto" } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return [
    new Paragraph({ text: caption, style: "Caption", keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t) => cell(t, false)) }))],
    }),
    new Paragraph({ text: "", spacing: { after: 120 } }),
  ];
}

function figure(f: ReportFigure, report: ServiceReport): (Paragraph | Table)[] {
  const compared = f.lines.some((l) => l.before !== null);
  const national = f.lines.some((l) => l.national !== null);
  const header = ["Line", report.period.label, ...(compared ? [report.previous.label] : []), ...(national ? ["National"] : [])];
  const rows = f.lines.map((l) => [l.label, l.now.text, ...(compared ? [l.before!.text] : []), ...(national ? [l.national ? `${l.national.percent.toFixed(1)}% (${l.national.year})` : ""] : [])]);
  const out: (Paragraph | Table)[] = [heading(f.title, HeadingLevel.HEADING_2), para(f.sentence), new Paragraph({ children: [new TextRun({ text: "How it is counted: ", bold: true }), new TextRun(f.definition)], spacing: { after: 120 } })];
  if (f.chart) out.push(chart(f.chart));
  if (rows.length > 0) out.push(...table(header, rows, `${f.title}: the numbers`));
  for (const l of f.lines) if (l.national) out.push(para(`National figure for “${l.label}”: ${l.national.source}, ${l.national.year}.`));
  if (f.trend) {
    out.push(heading(`${f.title}: over time`, HeadingLevel.HEADING_3));
    if (f.trend.chart) out.push(chart(f.trend.chart));
    out.push(...table(["Period", ...f.trend.lines.map((l) => l.label)], f.trend.periods.map((p, i) => [p, ...f.trend!.lines.map((l) => l.points[i]!.text)]), `${f.title}: over time, the numbers`));
  }
  return out;
}

/**
 * The report as a Word document a manager edits and publishes: real headings (Title, Heading 1–3),
 * tables with a repeated header row, native Word charts (editable data, alternative text from
 * their numbers), everything inline so the reading order is the order written, UK English, and
 * placeholders that say what they are.
 */
export async function reportDocx(report: ServiceReport): Promise<Uint8Array> {
  const span = `${formatUkDate(report.period.from)} to ${formatUkDate(report.period.to)}`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    para(`${span}. Figures from IRO Desk on ${formatUkDate(report.madeOn)}.`),
    new Paragraph({
      children: [new TextRun({ text: "Draft. ", bold: true }), new TextRun(report.notice)],
      border: { left: { style: BorderStyle.THICK, size: 24, color: INK, space: 8 } },
      spacing: { after: 240 },
    }),
    ...placeholder(report.opening, HeadingLevel.HEADING_1),
    heading("About these figures", HeadingLevel.HEADING_1),
    ...report.about.map((t) => para(t)),
  ];
  for (const s of report.sections) {
    children.push(heading(s.title, HeadingLevel.HEADING_1));
    if (s.notRecorded) children.push(para(s.notRecorded));
    for (const f of s.figures) children.push(...figure(f, report));
    children.push(...placeholder(s.placeholder, HeadingLevel.HEADING_2));
  }
  for (const p of report.closing) children.push(...placeholder(p, HeadingLevel.HEADING_1));

  const footer: ParagraphChild[] = [new TextRun(`${report.title}. Page `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(" of "), new TextRun({ children: [PageNumber.TOTAL_PAGES] })];
  const doc = new Document({
    title: report.title,
    subject: `IRO service performance, ${span}`,
    creator: "IRO Desk",
    description: report.notice,
    styles: {
      default: {
        document: { run: { font: "Arial", size: 22, language: { value: "en-GB" } } },
        title: { run: { font: "Arial", size: 44, bold: true, color: INK } },
        heading1: { run: { font: "Arial", size: 32, bold: true, color: INK }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: "Arial", size: 26, bold: true, color: INK }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: "Arial", size: 22, bold: true, color: INK }, paragraph: { spacing: { before: 200, after: 80 } } },
        caption: { run: { font: "Arial", size: 20, bold: true, color: "404040" } },
      },
    },
    sections: [{ footers: { default: new Footer({ children: [new Paragraph({ children: footer, alignment: AlignmentType.CENTER })] }) }, children }],
  });
  return Packer.pack(doc, "uint8array");
}
