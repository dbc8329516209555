import { useMemo, useRef, useState } from "preact/hooks";
import { buildReport, reportDocument, reportFileName, type ReportProgress, type ReportRegister } from "../app/report/buildReport.js";
import { addCalendarMonths } from "../domain/calendar/addCalendarMonths.js";
import { quarter, reportingYear, type ReportingPeriod } from "../domain/performance/reportingPeriod.js";
import { PLACEHOLDER_MARK, type ReportKind, type ServiceReport } from "../domain/performance/serviceReport.js";
import type { PaneEnv } from "./env.js";
import { errorText, Notice } from "./Notice.js";

/** This reporting year and the three before it; the quarters of this year and last that have begun. */
function choices(today: ReturnType<PaneEnv["today"]>): { years: ReportingPeriod[]; quarters: ReportingPeriod[] } {
  const year = reportingYear(today);
  const years = [0, 12, 24, 36].map((m) => reportingYear(addCalendarMonths(year.from, -m)));
  const quarters = [-12, -9, -6, -3, 0, 3, 6, 9].map((m) => quarter(addCalendarMonths(year.from, m))).filter((q) => q.from <= today).reverse();
  return { years, quarters };
}

type State = { kind: "idle" } | { kind: "working"; what: string; progress: ReportProgress } | { kind: "done"; text: string } | { kind: "error"; text: string };

/**
 * The managers' *Annual report* and *Quarterly report*: the report written as a Word document and
 * downloaded, with progress while the figures are worked out and the document is written; or shown
 * as a print-friendly page. The document library is loaded only when a document is asked for.
 */
export function ReportDownloads({ env, register, onShow }: { env: PaneEnv; register: ReportRegister; onShow: (report: ServiceReport) => void }) {
  const { years, quarters } = useMemo(() => choices(env.today()), [env]);
  const [year, setYear] = useState(0);
  const [q, setQ] = useState(0);
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  const make = async (kind: ReportKind, as: "docx" | "page") => {
    abort.current?.abort();
    const controller = (abort.current = new AbortController());
    const period = kind === "annual" ? years[year]! : quarters[q]!;
    const what = `${kind === "annual" ? "annual report" : "quarterly report"} ${period.label}`;
    try {
      const report = await buildReport(register, env.settings, { kind, period, today: env.today(), signal: controller.signal, onProgress: (progress) => setState({ kind: "working", what, progress }) });
      if (as === "page") {
        setState({ kind: "idle" });
        onShow(report);
        return;
      }
      const total = report.sections.length;
      setState({ kind: "working", what, progress: { step: "Writing the Word document", done: total, total: total + 1 } });
      const bytes = await reportDocument(report);
      controller.signal.throwIfAborted();
      const name = reportFileName(report, "docx");
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", text: `Downloaded ${name} (${Math.max(1, Math.round(bytes.length / 1024))} KB). It is a draft: replace each passage starting “${PLACEHOLDER_MARK}” before publishing.` });
    } catch (e) {
      if (!controller.signal.aborted) setState({ kind: "error", text: errorText(e) });
    }
  };
  const busy = state.kind === "working";

  return (
    <section class="card stack no-print" aria-labelledby="reports-title">
      <h2 id="reports-title" style="margin-top:0">Reports for the corporate parenting board</h2>
      <p class="muted">A Word document to edit and publish, with charts, tables, comparisons and trends; no child is named. Or the same report as a page to print.</p>
      <ReportChoice id="report-year" label="Reporting year" periods={years} chosen={year} onChoose={setYear} busy={busy} kind="Annual report" onMake={(as) => void make("annual", as)} />
      <ReportChoice id="report-quarter" label="Quarter" periods={quarters} chosen={q} onChoose={setQ} busy={busy} kind="Quarterly report" onMake={(as) => void make("quarterly", as)} />
      <div role="status">
        {state.kind === "working" && (
          <>
            <label for="report-progress">Writing the {state.what}: {state.progress.step}…</label>
            <progress id="report-progress" class="progress" max={state.progress.total} value={state.progress.done} />
          </>
        )}
      </div>
      {state.kind === "done" && <Notice kind="success">{state.text}</Notice>}
      {state.kind === "error" && <Notice kind="error">{state.text}</Notice>}
    </section>
  );
}

/** A period to choose, and its report as a Word document or as a page to print. */
function ReportChoice(props: { id: string; label: string; periods: readonly ReportingPeriod[]; chosen: number; onChoose: (i: number) => void; busy: boolean; kind: string; onMake: (as: "docx" | "page") => void }) {
  return (
    <div class="row" style="align-items:flex-end">
      <div>
        <label for={props.id}>{props.label}</label>
        <select id={props.id} value={props.chosen} onChange={(e) => props.onChoose(Number(e.currentTarget.value))} style="width:auto">
          {props.periods.map((p, i) => <option value={i} key={p.label}>{p.label}</option>)}
        </select>
      </div>
      <button type="button" class="primary" disabled={props.busy} onClick={() => props.onMake("docx")}>{props.kind}</button>
      <button type="button" disabled={props.busy} onClick={() => props.onMake("page")}>{props.kind} to print</button>
    </div>
  );
}
