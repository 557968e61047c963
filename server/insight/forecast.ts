/**
 * The December forecast: where each OPD's UMK-K share of its goods/services budget (the legal 40% measure) will stand
 * on 31 December at the pace so far, how many rupiah a month it needs from now to reach the target, and who will miss.
 *
 * The rule, on whole rupiah, rounded once:
 * - The forecast is made at the end of a whole month m (by default the last month that has ended in the Pemda's time
 *   zone), from the UMK-K realised January..m (the recap's rollups, so the figures agree with the dashboard).
 * - Seasonal shape: Pemda spending is back-loaded (the December rush). Where the Pemda has last year's UMK-K spend
 *   through month m, each OPD's year is projected with last year's Pemda-wide shape:
 *   projected = realised(1..m) x lastYear(1..12) / lastYear(1..m). Without last year: at the current pace,
 *   projected = realised(1..m) x 12 / m. Rounded half up to a whole rupiah.
 * - The target is target% x budget, rounded up; needed per remaining month = (target - realised), rounded up, over
 *   the 12 - m months left. An OPD will miss when its projection is below its target.
 * - The Pemda's line sums the OPDs that have a budget, as the recap does.
 */
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { localDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { Validation } from '../errors.js';
import { ceil, compare, ratio, toDecimal, type Ratio } from '../exact.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { budgetsInForce } from '../spend/budget.service.js';
import { percent } from '../spend/period.js';

export enum ForecastMethod {
  /** Last year's Pemda-wide monthly shape. */
  LAST_YEAR_SHAPE = 'LAST_YEAR_SHAPE',
  /** The average month so far, for every month left. */
  CURRENT_PACE = 'CURRENT_PACE',
  /** The year is over: the realised figure. */
  FINAL = 'FINAL',
}

export interface ForecastFigures {
  budget: number;
  target: number;
  realisedUmkk: number;
  projectedUmkk: number;
  /** Percent of the budget, two decimals. */
  realisedShare: number | null;
  projectedShare: number | null;
  /** Rupiah a month, for each month left, to reach the target; 0 when reached. */
  neededPerMonth: number;
  willMiss: boolean;
}

export interface OpdForecast extends ForecastFigures {
  opdId: string;
  opdCode: string;
  opdName: string;
}

export interface DecemberForecast {
  year: number;
  throughMonth: number;
  monthsLeft: number;
  method: ForecastMethod;
  targetPercent: number;
  pemda: ForecastFigures;
  /** Those with a budget; the ones that will miss first (furthest below target first), then the rest by code. */
  opds: OpdForecast[];
}

/** A projection's multiplier, as an exact ratio: last year's whole year over its months so far, or 12/m. */
export function projectionFactor(throughMonth: number, lastYearByMonth: readonly number[] | null): { method: ForecastMethod; factor: Ratio } {
  if (throughMonth >= 12) return { method: ForecastMethod.FINAL, factor: ratio(1) };
  const soFar = lastYearByMonth?.slice(0, throughMonth).reduce((a, b) => a + b, 0) ?? 0;
  const whole = lastYearByMonth?.reduce((a, b) => a + b, 0) ?? 0;
  if (lastYearByMonth && soFar > 0 && whole > 0) return { method: ForecastMethod.LAST_YEAR_SHAPE, factor: ratio(whole, soFar) };
  return { method: ForecastMethod.CURRENT_PACE, factor: ratio(12, throughMonth) };
}

function figures(budget: number, realised: number, factor: Ratio, targetBp: number, monthsLeft: number): ForecastFigures {
  const target = ceil(ratio(BigInt(budget) * BigInt(targetBp), 10_000n));
  const projected = Number(toDecimal(ratio(BigInt(realised) * factor.n, factor.d), 0));
  const short = Math.max(0, target - realised);
  return {
    budget,
    target,
    realisedUmkk: realised,
    projectedUmkk: projected,
    realisedShare: percent(realised, budget),
    projectedShare: percent(projected, budget),
    neededPerMonth: monthsLeft > 0 ? ceil(ratio(short, monthsLeft)) : short,
    willMiss: projected < target,
  };
}

export async function decemberForecast(ctx: RequestContext, pemdaId: string, year: number, throughMonth?: number | null): Promise<DecemberForecast> {
  assertManagesPemda(requireActor(ctx), pemdaId);
  const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
  const today = localDate(ctx.now(), pemda.timeZone);
  const thisYear = Number(today.slice(0, 4));
  // The last whole month that has ended: in the running year the one before this one; a past year is complete.
  const lastEnded = year < thisYear ? 12 : year === thisYear ? Number(today.slice(5, 7)) - 1 : 0;
  const m = throughMonth ?? lastEnded;
  new Validation()
    .check(Number.isInteger(year) && year >= 2000 && year <= 2100, 'year', 'Tahun 2000-2100.')
    .check(year <= thisYear, 'year', 'Tahun anggaran belum dimulai.')
    .check(Number.isInteger(m) && m >= 1 && m <= lastEnded, 'throughMonth', lastEnded >= 1
      ? `Perkiraan dibuat pada akhir bulan yang sudah lewat: 1 sampai ${lastEnded}.`
      : 'Belum ada bulan yang selesai pada tahun ini: perkiraan tersedia mulai awal Februari.')
    .throwIfInvalid();

  const monthOf = (month: number) => `${year}-${String(month).padStart(2, '0')}`;
  const [realisedRows, lastYearRows, budgets, opds] = [
    await ctx.em.execute<{ opd_id: string; umkk: string }[]>(
      `select opd_id, sum(umkk) as umkk from spend_rollup where pemda_id = ? and month >= ? and month <= ? group by opd_id`,
      [pemdaId, monthOf(1), monthOf(m)],
    ),
    await ctx.em.execute<{ month: string; umkk: string }[]>(
      `select month, sum(umkk) as umkk from spend_rollup where pemda_id = ? and month like ? group by month`,
      [pemdaId, `${year - 1}-%`],
    ),
    // The budget in force at the end of the forecast month: what the recap of January..m measures against.
    await budgetsInForce(ctx.em, pemdaId, year, m === 12 ? `${year + 1}-01-01` : `${monthOf(m + 1)}-01`),
    await ctx.em.find(Opd, { pemda: pemdaId }, { orderBy: { code: 'asc' } }),
  ];
  const lastYear = Array.from({ length: 12 }, (_, i) => Number(lastYearRows.find((r) => r.month === `${year - 1}-${String(i + 1).padStart(2, '0')}`)?.umkk ?? 0));
  const { method, factor } = projectionFactor(m, lastYearRows.length ? lastYear : null);
  const targetBp = Math.round(pemda.localSpendTargetPercent * 100);
  const realised = new Map(realisedRows.map((r) => [r.opd_id, Number(r.umkk)]));
  const monthsLeft = 12 - m;

  const rows: OpdForecast[] = opds
    .filter((opd) => (budgets.get(opd.id)?.goodsServicesBudget ?? 0) > 0)
    .map((opd) => ({ opdId: opd.id, opdCode: opd.code, opdName: opd.name, ...figures(budgets.get(opd.id)!.goodsServicesBudget, realised.get(opd.id) ?? 0, factor, targetBp, monthsLeft) }));
  const sum = (pick: (f: ForecastFigures) => number) => rows.reduce((a, r) => a + pick(r), 0);
  const pemdaFigures = figures(sum((r) => r.budget), sum((r) => r.realisedUmkk), factor, targetBp, monthsLeft);
  // The Pemda's projection is the sum of its OPDs' (each rounded once), so the column adds up on paper.
  pemdaFigures.projectedUmkk = sum((r) => r.projectedUmkk);
  pemdaFigures.projectedShare = percent(pemdaFigures.projectedUmkk, pemdaFigures.budget);
  pemdaFigures.willMiss = pemdaFigures.projectedUmkk < pemdaFigures.target;
  // Furthest below target first: compared exactly as shortfall over budget, never by the rounded percent.
  const gap = (r: OpdForecast) => ratio(BigInt(r.target - r.projectedUmkk), BigInt(r.budget));
  rows.sort((a, b) => Number(b.willMiss) - Number(a.willMiss) || (a.willMiss ? compare(gap(b), gap(a)) : 0) || a.opdCode.localeCompare(b.opdCode));
  return { year, throughMonth: m, monthsLeft, method, targetPercent: pemda.localSpendTargetPercent, pemda: pemdaFigures, opds: rows };
}
