import { useEffect, useMemo, useState } from "preact/hooks";
import { timescaleOptions } from "../app/timescaleOptions.js";
import { figuresCsv } from "../app/figuresCsv.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import type { ChildCase } from "../domain/caseload/childCase.js";
import type { Dispute } from "../domain/disputes/dispute.js";
import { childrenBehind, countWords, percent } from "../domain/performance/figure.js";
import { quarter, reportingYear, type ReportingPeriod } from "../domain/performance/reportingPeriod.js";
import { serviceFigures } from "../domain/performance/serviceFigures.js";
import { addCalendarMonths } from "../domain/calendar/addCalendarMonths.js";
import type { ServiceReport } from "../domain/performance/serviceReport.js";
import { BarChart } from "./BarChart.js";
import { ReportDownloads } from "./ReportDownloads.js";
import { ReportPage } from "./ReportPage.js";
import { useServiceSettings } from "./useServiceSettings.js";
import type { PaneEnv } from "./env.js";
import { errorText, Notice } from "./Notice.js";
import { usePaneMarks } from "./paneMarks.js";

/** The periods a manager picks from: this reporting year and last, and this year's quarters so far. */
function periods(today: ReturnType<PaneEnv["today"]>): ReportingPeriod[] {
  const year = reportingYear(today);
  const last = reportingYear(addCalendarMonths(year.from, -1));
  const quarters = [0, 3, 6, 9].map((m) => quarter(addCalendarMonths(year.from, m))).filter((q) => q.from <= today);
  return [year, last, ...quarters];
}

/**
 * The managers' performance view: every figure the annual IRO report and the Corporate Parenting
 * Board need, for a period, each with its definition, a table, a chart where a picture helps, the
 * children behind each number, and a CSV export.
 */
export function PerformanceView({ env }: { env: PaneEnv }) {
  const options = useMemo(() => periods(env.today()), [env]);
  const [chosen, setChosen] = useState(0);
  const [data, setData] = useState<{ children: ChildCase[]; disputes: Dispute[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [read, setRead] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const children: ChildCase[] = [];
      for await (const page of env.cases.readCases(abort.signal)) {
        children.push(...page.cases.map((c) => c.childCase));
        setRead(children.length);
      }
      const disputes = (await env.disputes.readDisputes(abort.signal)).map((d) => d.dispute);
      if (!abort.signal.aborted) setData({ children, disputes });
    })().catch((e: unknown) => !abort.signal.aborted && setError(errorText(e)));
    return () => abort.abort();
  }, [env]);
  const period = options[chosen]!;
  const { ladder, problem } = useServiceSettings(env);
  const figures = useMemo(
    () =>
      data &&
      serviceFigures({
        children: data.children,
        disputes: data.disputes,
        staff: env.settings.staff,
        period,
        countRule: env.settings.countRule,
        options: timescaleOptions(env.settings),
        today: env.today(),
        ladder,
      }),
    [data, period, env.settings, ladder],
  );
  const register = useMemo(() => data && { ...data, ladder }, [data, ladder]);
  const [printing, setPrinting] = useState<ServiceReport | null>(null);
  const csvHref = useMemo(() => (figures ? URL.createObjectURL(new Blob([figuresCsv(figures, period)], { type: "text/csv" })) : null), [figures, period]);
  useEffect(() => () => void (csvHref && URL.revokeObjectURL(csvHref)), [csvHref]);
  usePaneMarks(figures !== null, figures !== null);

  if (printing) return <ReportPage report={printing} onBack={() => setPrinting(null)} />;
  return (
    <section aria-labelledby="performance-title" class="stack">
      <h1 id="performance-title">Service performance</h1>
      {register && <ReportDownloads env={env} register={register} onShow={setPrinting} />}
      <div class="row">
        <div>
          <label for="period">Period</label>
          <select id="period" value={chosen} onChange={(e) => setChosen(Number(e.currentTarget.value))} style="width:auto">
            {options.map((p, i) => (
              <option value={i} key={p.label}>
                {p.label} ({formatUkDate(p.from)} to {formatUkDate(p.to)})
              </option>
            ))}
          </select>
        </div>
        {csvHref && (
          <a class="button" href={csvHref} download={`iro-figures-${period.label.replace(/[^\w-]+/g, "-")}.csv`} style="align-self:flex-end">
            Export these figures (CSV)
          </a>
        )}
      </div>
      {problem && <Notice kind="error">{problem}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {!figures && !error && <Notice kind="info">Reading the case register… {read > 0 ? `${read} children so far` : ""}</Notice>}
      {figures?.map((f) => (
        <section key={f.id} aria-labelledby={`figure-${f.id}`} class="card">
          <h2 id={`figure-${f.id}`} style="margin-top:0">{f.title}</h2>
          <p class="muted">{f.definition}</p>
          <BarChart rows={f.rows} label={f.title} />
          <table class="grid" style="width:100%">
            <caption class="visually-hidden">{f.title}, {period.label}</caption>
            <thead>
              <tr>
                <th scope="col" style="text-align:left">Line</th>
                <th scope="col">Number</th>
                <th scope="col">Of</th>
                <th scope="col">%</th>
                <th scope="col" style="text-align:left">Children behind it</th>
              </tr>
            </thead>
            <tbody>
              {f.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row" style="text-align:left;font-weight:400">{r.label}</th>
                  <td>{countWords(r.value, r.counted)}</td>
                  <td>{r.of === undefined ? "" : countWords(r.of, r.counted)}</td>
                  <td>{percent(r) ?? ""}</td>
                  <td style="text-align:left">
                    {r.children.length === 0 ? (
                      "–"
                    ) : (
                      <details>
                        <summary>{childrenBehind(r)}</summary>
                        {r.children.slice(0, 200).join(", ")}
                        {r.children.length > 200 ? ` and ${r.children.length - 200} more (in the CSV export)` : ""}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
