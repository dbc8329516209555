import { percent, type FigureRow } from "../domain/performance/figure.js";

/**
 * Shares as horizontal bars. The SVG is a picture of the table beside it (which carries the
 * numbers for screen readers), so it is one labelled image rather than many small parts.
 */
export function BarChart({ rows, label }: { rows: readonly FigureRow[]; label: string }) {
  const shares = rows.filter((r) => r.of !== undefined && r.of > 0);
  if (shares.length === 0) return null;
  const barHeight = 22;
  const height = shares.length * (barHeight + 8);
  const summary = shares.map((r) => `${r.label} ${percent(r)}%`).join("; ");
  return (
    <svg class="chart" role="img" aria-label={`${label}: ${summary}`} viewBox={`0 0 400 ${height}`} width="100%" style={`max-width:520px;height:auto`}>
      {shares.map((r, i) => {
        const p = percent(r) ?? 0;
        const y = i * (barHeight + 8);
        return (
          <g key={r.label}>
            <rect x="150" y={y} width="200" height={barHeight} class="chart-track" />
            <rect x="150" y={y} width={2 * p} height={barHeight} class="chart-bar" />
            <text x="145" y={y + 15} text-anchor="end" class="chart-label">{r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label}</text>
            <text x="356" y={y + 15} class="chart-label">{p}%</text>
          </g>
        );
      })}
    </svg>
  );
}
