import { compare, div, fromDecimal, HUNDRED, max, min, mul, ratio, sub, ZERO, type Ratio } from '../exact.js';

export { rupiah } from '../reports/indonesian.js';

/** A weight (at most 2 decimals, out of 100) as the exact fraction of a component's 0-100 value it contributes. */
export const weightShare = (weight: number): Ratio => div(fromDecimal(weight, 2), HUNDRED);

/**
 * Min-max to 0-100 across the assessable OPDs, exact: (x - min) / (max - min) x 100; all equal: 100 when there is
 * something, 0 when all are zero. It remembers which OPDs set the ends, so the explanation can name them.
 */
export function minMaxScale(entries: { opd: string; value: number }[]) {
  const sorted = [...entries].sort((a, b) => a.value - b.value || a.opd.localeCompare(b.opd));
  const low = sorted[0];
  const high = sorted.at(-1);
  const range = low && high ? high.value - low.value : 0;
  return {
    range,
    score(x: number): Ratio {
      if (!low || !high) return ZERO;
      if (range === 0) return high.value > 0 ? HUNDRED : ZERO;
      return ratio(BigInt(x - low.value) * 100n, range);
    },
    explain(format: (n: number) => string): string {
      if (!low || !high) return 'tidak ada pembanding';
      const holders = (value: number) => sorted.filter((e) => e.value === value).map((e) => e.opd).join(', ');
      return `(nilai - min) / (max - min) x 100; min ${format(low.value)} (${holders(low.value)}), max ${format(high.value)} (${holders(high.value)})`;
    },
  };
}

/** UMK-K realised over the budget of the period (months/12 of the year's), as an exact percent. */
export function umkkShareOfPeriodBudget(umkk: number, yearBudget: number, months: number): Ratio {
  return yearBudget > 0 ? ratio(BigInt(umkk) * 100n * 12n, BigInt(yearBudget) * BigInt(months)) : ZERO;
}

/**
 * Payment timeliness on a fixed scale, not against the other OPDs (a single payer would otherwise get full marks
 * whatever its delay): 100 when paid the day of the BAST, 50 at the payment term, 0 at twice the term or later.
 */
export function timelinessScore(medianDays: Ratio, termDays: number): Ratio {
  if (termDays <= 0) return compare(medianDays, ZERO) <= 0 ? HUNDRED : ZERO;
  return max(ZERO, min(HUNDRED, sub(HUNDRED, div(mul(medianDays, ratio(50)), ratio(termDays)))));
}

/** " (periode 3 bulan: ...)" for a period shorter than the year, so a quarter's share is read against a quarter's budget. */
export const subYear = (months: number) => (months < 12 ? ` (periode ${months} bulan: dibandingkan dengan ${months}/12 pagu tahunan)` : '');
