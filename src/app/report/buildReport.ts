import type { IsoDate } from "../../domain/calendar/isoDate.js";
import type { ChildCase } from "../../domain/caseload/childCase.js";
import type { Dispute, LadderStage } from "../../domain/disputes/dispute.js";
import type { Figure } from "../../domain/performance/figure.js";
import type { ReportingPeriod } from "../../domain/performance/reportingPeriod.js";
import { serviceFigures } from "../../domain/performance/serviceFigures.js";
import { firstRecordedDay, reportPeriods, serviceReport, type ReportKind, type ServiceReport } from "../../domain/performance/serviceReport.js";
import { timescaleOptions } from "../timescaleOptions.js";
import type { ServiceSettings } from "../serviceSettings.js";

/** What the register holds, as the managers' view and the CLI read it. */
export interface ReportRegister {
  readonly children: readonly ChildCase[];
  readonly disputes: readonly Dispute[];
  readonly ladder?: readonly LadderStage[];
}

export interface ReportProgress {
  /** What is being done, for a person: "Working out the figures for 2024–25". */
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface ReportRequest {
  readonly kind: ReportKind;
  readonly period: ReportingPeriod;
  readonly today: IsoDate;
  readonly onProgress?: (progress: ReportProgress) => void;
  readonly signal?: AbortSignal;
}

/** Lets the page draw its progress between periods (and an abort land) while a long report is worked out. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The annual or quarterly report's figures: the period's, the previous period's and every period of
 * the trend, worked out one period at a time with progress (the same serviceFigures the managers'
 * view shows, from the same settings), then put together as the report.
 */
export async function buildReport(register: ReportRegister, settings: ServiceSettings, request: ReportRequest): Promise<ServiceReport> {
  const { kind, period, today, onProgress, signal } = request;
  const { previous, trend } = reportPeriods(kind, period, firstRecordedDay(register.children, register.disputes));
  const wanted = [period, previous, ...trend].filter((p, i, all) => all.findIndex((q) => q.from === p.from && q.to === p.to) === i);
  const options = timescaleOptions(settings);
  const figures = new Map<string, Figure[]>();
  for (const [i, p] of wanted.entries()) {
    signal?.throwIfAborted();
    onProgress?.({ step: `Working out the figures for ${p.label}`, done: i, total: wanted.length + 1 });
    await breathe();
    figures.set(p.from + p.to, serviceFigures({ children: register.children, disputes: register.disputes, staff: settings.staff, period: p, options, ladder: register.ladder, countRule: settings.countRule, today }));
  }
  signal?.throwIfAborted();
  const of = (p: ReportingPeriod) => figures.get(p.from + p.to)!;
  return serviceReport({
    kind,
    period,
    previous,
    madeOn: today,
    figures: of(period),
    previousFigures: of(previous),
    trend: trend.map((p) => ({ period: p, figures: of(p) })),
    suppressSmallNumbers: settings.suppressSmallNumbers,
    comparators: settings.comparators,
  });
}

/** "iro-annual-report-2025-26.docx", "iro-quarterly-report-Q3-2025-26.docx". */
export function reportFileName(report: Pick<ServiceReport, "kind" | "period">, extension: string): string {
  return `iro-${report.kind}-report-${report.period.label.replace(/[^\w]+/g, "-")}.${extension}`;
}

/**
 * The report as a Word document. The document library is imported here, when a report is written,
 * so it is a chunk of its own and never part of a pane's first download.
 */
export async function reportDocument(report: ServiceReport): Promise<Uint8Array> {
  const { reportDocx } = await import("./reportDocx.js");
  return reportDocx(report);
}
