import type { CSSProperties } from 'react';
import { monthName, percent, rupiah } from './format';

/**
 * Horizontal bars of each OPD's UMK-K share of its budget, sorted, with the target drawn as a line. Plain HTML and CSS,
 * not a drawing: its names and figures keep the page's type size on a phone (a scaled drawing of thirty rows shrank
 * them to a few pixels), it weighs nothing, prints, and reads in a screen reader as the table beside it.
 */
export function ShareBars({ rows, target, label }: { rows: { name: string; share: number | null; status: string }[]; target: number; label: string }) {
  const sorted = [...rows].filter((r) => r.share != null).sort((a, b) => b.share! - a.share!);
  // The longest bar takes 85% of its track, leaving room for its figure.
  const max = Math.max(target * 1.5, ...sorted.map((r) => r.share!)) / 0.85;
  const at = (share: number) => `${(100 * share) / max}%`;
  return (
    <div role="img" aria-label={label} className="share-bars" style={{ '--target': at(target) } as CSSProperties}>
      {sorted.map((r) => (
        <div key={r.name} className="share-row" data-testid="share-row">
          <span className="name" title={r.name}>{r.name}</span>
          <span className="track">
            <span className={`share-bar ${r.status}`} style={{ width: at(r.share!) }} />
            <span className="value">{percent(r.share)}</span>
          </span>
        </div>
      ))}
      <div className="share-row">
        <span />
        <span className="track target-label"><span>target {percent(target)}</span></span>
      </div>
    </div>
  );
}

/** A month's realisation in a few characters, as the chart's small print reads it: "11,3 M", "528 jt", "0". */
function amountShort(n: number): string {
  const [unit, size, digits] = n >= 1e9 ? ['M', 1e9, 1] : n >= 1e6 ? ['jt', 1e6, 0] : n >= 1e3 ? ['rb', 1e3, 0] : ['', 1, 0];
  return `${(n / size).toLocaleString('id-ID', { maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`;
}

/**
 * The year's months as columns of the cumulative UMK-K share of budget, the figure the target is measured on, with
 * the target drawn as a line; each column's height and the share written above it are the same figure. Each month's
 * own realisation is written under its name.
 */
export function MonthColumns({ points, target, label }: { points: { month: string; realisedUmkk: number; umkkShareOfBudgetYearToDate?: number | null }[]; target: number; label: string }) {
  const max = Math.max(target, ...points.map((p) => p.umkkShareOfBudgetYearToDate ?? 0));
  const col = 52;
  const top = 20;
  const height = 180;
  const y = (share: number) => height - ((height - top) * share) / max;
  return (
    <>
      <svg role="img" aria-label={label} viewBox={`0 0 ${points.length * col + 10} ${height + 44}`} className="chart months">
        {points.map((p, i) => {
          const share = p.umkkShareOfBudgetYearToDate;
          const month = monthName(p.month).slice(0, 3); // 'Agustus 2026' -> 'Agu'
          return (
            <g key={p.month} transform={`translate(${i * col + 10} 0)`} data-testid="month-column">
              <title>{`${month}: porsi kumulatif ${percent(share)} dari pagu; realisasi bulan ini ${rupiah(p.realisedUmkk)}`}</title>
              <rect x={4} y={y(share ?? 0)} width={col - 14} height={height - y(share ?? 0)} className="bar ON_TRACK" />
              <text x={col / 2 - 4} y={y(share ?? 0) - 4} textAnchor="middle" className="value">{percent(share)}</text>
              <text x={col / 2 - 4} y={height + 16} textAnchor="middle" className="axis">{month}</text>
              <text x={col / 2 - 4} y={height + 32} textAnchor="middle" className="axis">{amountShort(p.realisedUmkk)}</text>
            </g>
          );
        })}
        <line x1={8} x2={points.length * col + 4} y1={y(target)} y2={y(target)} className="target" />
        <text x={10} y={y(target) - 4} className="axis">target {percent(target)}</text>
      </svg>
      <p><small>Di bawah nama bulan: realisasi UMK-K bulan itu, dalam rupiah (M = miliar, jt = juta).</small></p>
    </>
  );
}
