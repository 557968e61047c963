import { percent, rupiah } from './format';

/**
 * Horizontal bars of each OPD's UMK-K share of its budget, sorted, with the target drawn as a line. Plain SVG: it
 * weighs nothing, prints, and reads in a screen reader as the table beside it.
 */
export function ShareBars({ rows, target, label }: { rows: { name: string; share: number | null; status: string }[]; target: number; label: string }) {
  const sorted = [...rows].filter((r) => r.share != null).sort((a, b) => b.share! - a.share!);
  const max = Math.max(target * 1.5, ...sorted.map((r) => r.share!));
  const rowHeight = 22;
  const left = 180;
  const width = 720;
  const x = (value: number) => left + ((width - left - 60) * value) / max;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${sorted.length * rowHeight + 30}`} className="chart">
      {sorted.map((r, i) => (
        <g key={r.name} transform={`translate(0 ${i * rowHeight})`}>
          <text x={left - 8} y={15} textAnchor="end" className="axis">{r.name.length > 26 ? `${r.name.slice(0, 25)}…` : r.name}</text>
          <rect x={left} y={4} width={Math.max(1, x(r.share!) - left)} height={rowHeight - 8} className={`bar ${r.status}`} />
          <text x={x(r.share!) + 4} y={15} className="value">{percent(r.share)}</text>
        </g>
      ))}
      <line x1={x(target)} x2={x(target)} y1={0} y2={sorted.length * rowHeight + 4} className="target" />
      <text x={x(target)} y={sorted.length * rowHeight + 20} textAnchor="middle" className="axis">target {percent(target)}</text>
    </svg>
  );
}

/** Month columns (realised UMK-K per month) with the cumulative share of budget written above each. */
export function MonthColumns({ points, label }: { points: { month: string; realisedUmkk: number; umkkShareOfBudgetYearToDate?: number | null }[]; label: string }) {
  const max = Math.max(1, ...points.map((p) => p.realisedUmkk));
  const col = 52;
  const height = 180;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${points.length * col + 10} ${height + 40}`} className="chart">
      {points.map((p, i) => {
        const h = (height - 30) * (p.realisedUmkk / max);
        return (
          <g key={p.month} transform={`translate(${i * col + 10} 0)`}>
            <title>{`${p.month}: ${rupiah(p.realisedUmkk)}`}</title>
            <rect x={4} y={height - h} width={col - 14} height={h} className="bar ON_TRACK" />
            {p.umkkShareOfBudgetYearToDate != null && <text x={col / 2 - 4} y={height - h - 4} textAnchor="middle" className="value">{percent(p.umkkShareOfBudgetYearToDate)}</text>}
            <text x={col / 2 - 4} y={height + 16} textAnchor="middle" className="axis">{['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'][Number(p.month.slice(5, 7)) - 1]}</text>
          </g>
        );
      })}
    </svg>
  );
}
