import { formatUkDate } from "../domain/calendar/ukDate.js";
import type { Placeholder, ReportFigure, ServiceReport } from "../domain/performance/serviceReport.js";
import { ReportChart } from "./ReportChart.js";

function Placeholder({ p, level }: { p: Placeholder; level: 2 | 3 }) {
  const H = level === 2 ? "h2" : "h3";
  return (
    <>
      <H>{p.heading}</H>
      <p class="placeholder">{p.text}</p>
    </>
  );
}

function Figure({ f, report }: { f: ReportFigure; report: ServiceReport }) {
  const compared = f.lines.some((l) => l.before !== null);
  const national = f.lines.some((l) => l.national !== null);
  return (
    <section aria-labelledby={`report-${f.id}`}>
      <h3 id={`report-${f.id}`}>{f.title}</h3>
      <p>{f.sentence}</p>
      <p class="muted"><strong>How it is counted:</strong> {f.definition}</p>
      {f.chart && <ReportChart chart={f.chart} />}
      {f.lines.length > 0 && (
        <table class="grid">
          <caption>{f.title}: the numbers</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">{report.period.label}</th>
              {compared && <th scope="col">{report.previous.label}</th>}
              {national && <th scope="col">National</th>}
            </tr>
          </thead>
          <tbody>
            {f.lines.map((l) => (
              <tr key={l.label}>
                <th scope="row">{l.label}</th>
                <td>{l.now.text}</td>
                {compared && <td>{l.before!.text}</td>}
                {national && <td>{l.national ? `${l.national.percent.toFixed(1)}% (${l.national.source}, ${l.national.year})` : ""}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {f.trend && (
        <>
          <h4>{f.title}: over time</h4>
          {f.trend.chart && <ReportChart chart={f.trend.chart} />}
          <table class="grid">
            <caption>{f.title}: over time, the numbers</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                {f.trend.lines.map((l) => <th scope="col" key={l.label}>{l.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {f.trend.periods.map((p, i) => (
                <tr key={p}>
                  <th scope="row">{p}</th>
                  {f.trend!.lines.map((l) => <td key={l.label}>{l.points[i]!.text}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * The annual or quarterly report as a print-friendly page: the same report data as the Word
 * document (headings, tables, charts with their descriptions, placeholders), and a Print button.
 */
export function ReportPage({ report, onBack }: { report: ServiceReport; onBack: () => void }) {
  return (
    <article class="report-page stack" aria-labelledby="report-title">
      <div class="row no-print">
        <button type="button" onClick={onBack}>Back to the figures</button>
        <button type="button" class="primary" onClick={() => window.print()}>Print</button>
      </div>
      <h1 id="report-title">{report.title}</h1>
      <p>{formatUkDate(report.period.from)} to {formatUkDate(report.period.to)}. Figures from IRO Desk on {formatUkDate(report.madeOn)}.</p>
      <p class="notice"><strong>Draft.</strong> {report.notice}</p>
      <Placeholder p={report.opening} level={2} />
      <h2>About these figures</h2>
      {report.about.map((t) => <p key={t}>{t}</p>)}
      {report.sections.map((s) => (
        <section key={s.id} aria-labelledby={`report-section-${s.id}`}>
          <h2 id={`report-section-${s.id}`}>{s.title}</h2>
          {s.notRecorded && <p>{s.notRecorded}</p>}
          {s.figures.map((f) => <Figure key={f.id} f={f} report={report} />)}
          <Placeholder p={s.placeholder} level={3} />
        </section>
      ))}
      {report.closing.map((p) => <Placeholder key={p.heading} p={p} level={2} />)}
    </article>
  );
}
