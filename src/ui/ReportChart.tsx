import type { ReportChart as Chart } from "../domain/performance/serviceReport.js";

/**
 * A report chart on the print-friendly page: the same data and description as the Word document's.
 * One labelled image (its description says every number); the table after it carries the numbers
 * again. Series differ by shade, pattern and marker shape and are labelled, never by colour alone.
 */
export function ReportChart({ chart }: { chart: Chart }) {
  return chart.kind === "bar" ? <Bars chart={chart} /> : <Lines chart={chart} />;
}

const WIDTH = 600;
const LEFT = 210;
const PLOT = 330;
const label = (text: string) => (text.length > 34 ? `${text.slice(0, 33)}…` : text);
const show = (v: number, chart: Chart) => (chart.measure === "percent" ? `${v.toFixed(1)}%` : String(v));

function Legend({ chart, y }: { chart: Chart; y: number }) {
  return (
    <g>
      {chart.series.map((s, i) => (
        <g key={s.name}>
          <rect x={LEFT + i * 150} y={y} width="14" height="14" class={`report-series-${i}`} />
          <text x={LEFT + i * 150 + 20} y={y + 12} class="chart-label">{s.name}</text>
        </g>
      ))}
    </g>
  );
}

function Bars({ chart }: { chart: Chart }) {
  const max = chart.measure === "percent" ? 100 : Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const bar = 14;
  const group = chart.series.length * bar + 10;
  const height = chart.categories.length * group + 40;
  return (
    <svg class="chart report-chart" role="img" aria-label={chart.alt} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style="max-width:640px;height:auto">
      {chart.categories.map((c, i) => (
        <g key={c}>
          <text x={LEFT - 6} y={i * group + 13} text-anchor="end" class="chart-label">{label(c)}</text>
          {chart.series.map((s, j) => {
            const v = s.values[i] ?? null;
            const y = i * group + j * bar;
            return (
              <g key={s.name}>
                <rect x={LEFT} y={y} width={v === null ? 0 : (PLOT * v) / max} height={bar - 2} class={`report-series-${j}`} />
                <text x={LEFT + (v === null ? 0 : (PLOT * v) / max) + 4} y={y + 11} class="chart-label">{v === null ? "withheld" : show(v, chart)}</text>
              </g>
            );
          })}
        </g>
      ))}
      <Legend chart={chart} y={height - 24} />
    </svg>
  );
}

function Lines({ chart }: { chart: Chart }) {
  const max = chart.measure === "percent" ? 100 : Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const height = 220;
  const plot = { x: 50, y: 10, w: WIDTH - 110, h: 150 };
  const x = (i: number) => plot.x + (chart.categories.length === 1 ? plot.w / 2 : (plot.w * i) / (chart.categories.length - 1));
  const y = (v: number) => plot.y + plot.h - (plot.h * v) / max;
  return (
    <svg class="chart report-chart" role="img" aria-label={chart.alt} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style="max-width:640px;height:auto">
      <line x1={plot.x} y1={plot.y + plot.h} x2={plot.x + plot.w} y2={plot.y + plot.h} class="report-axis" />
      <text x={plot.x - 6} y={plot.y + 8} text-anchor="end" class="chart-label">{show(max, chart)}</text>
      <text x={plot.x - 6} y={plot.y + plot.h} text-anchor="end" class="chart-label">0</text>
      {chart.categories.map((c, i) => (
        <text key={c} x={x(i)} y={plot.y + plot.h + 16} text-anchor="middle" class="chart-label">{c}</text>
      ))}
      {chart.series.map((s, j) => {
        const points = s.values.flatMap((v, i) => (v === null ? [] : [[x(i), y(v)] as const]));
        return (
          <g key={s.name}>
            <polyline points={points.map((p) => p.join(",")).join(" ")} class={`report-line report-line-${j}`} />
            {points.map(([px, py]) => (j === 0 ? <circle key={px} cx={px} cy={py} r="4" class={`report-series-${j}`} /> : <rect key={px} x={px - 4} y={py - 4} width="8" height="8" class={`report-series-${j}`} />))}
          </g>
        );
      })}
      <Legend chart={chart} y={height - 24} />
    </svg>
  );
}
