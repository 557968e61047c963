import { formatMonth, localDate } from '../calendar/time-zone.js';
import { Validation } from '../errors.js';
import { ratio, toDecimal } from '../exact.js';

export interface PeriodInput {
  year: number;
  /** One month (1-12). */
  month?: number | null;
  /** One quarter (1-4). */
  quarter?: number | null;
  /** January through the current month in the Pemda's time zone (for the current year). */
  yearToDate?: boolean | null;
  /** A custom range of whole months (1-12), inclusive. */
  fromMonth?: number | null;
  toMonth?: number | null;
}

export interface Period {
  year: number;
  fromMonth: number;
  toMonth: number;
  /** 'YYYY-MM' bounds for the monthly rollups. */
  from: string;
  to: string;
  label: string;
}

const mm = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The twelve 'YYYY-MM' months of a year. */
export const monthsOf = (year: number): string[] => Array.from({ length: 12 }, (_, i) => mm(year, i + 1));

/** Resolves the period in whole months: rollups are monthly, in the Pemda's time zone. Fiscal year = calendar year. */
export function resolvePeriod(input: PeriodInput, timeZone: string, now: Date): Period {
  const v = new Validation().check(Number.isInteger(input.year) && input.year >= 2000 && input.year <= 2100, 'year', 'Tahun anggaran 2000-2100.');
  let from = 1;
  let to = 12;
  let label = `Tahun ${input.year}`;
  if (input.month != null) {
    v.check(input.month >= 1 && input.month <= 12, 'month', 'Bulan 1-12.');
    [from, to, label] = [input.month, input.month, input.month >= 1 && input.month <= 12 ? formatMonth(mm(input.year, input.month)) : ''];
  } else if (input.quarter != null) {
    v.check(input.quarter >= 1 && input.quarter <= 4, 'quarter', 'Triwulan 1-4.');
    [from, to, label] = [input.quarter * 3 - 2, input.quarter * 3, `Triwulan ${input.quarter} ${input.year}`];
  } else if (input.yearToDate) {
    const today = localDate(now, timeZone);
    const current = Number(today.slice(0, 4)) === input.year ? Number(today.slice(5, 7)) : 12;
    [from, to, label] = [1, current, `Januari s.d. ${formatMonth(mm(input.year, current))}`];
  } else if (input.fromMonth != null || input.toMonth != null) {
    from = input.fromMonth ?? 1;
    to = input.toMonth ?? 12;
    v.check(from >= 1 && to <= 12 && from <= to, 'fromMonth', 'Rentang bulan 1-12, awal tidak sesudah akhir.');
    label = from >= 1 && to <= 12 && from <= to ? `${formatMonth(mm(input.year, from))} s.d. ${formatMonth(mm(input.year, to))}` : '';
  }
  v.throwIfInvalid();
  return { year: input.year, fromMonth: from, toMonth: to, from: mm(input.year, from), to: mm(input.year, to), label };
}

/** numerator / denominator as a percent rounded half up to two decimals, computed exactly on integers. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? toDecimal(ratio(BigInt(numerator) * 100n, denominator), 2) : null;
}

/** The first day after a 'YYYY-MM' month, as 'YYYY-MM-DD': the exclusive end of a period for dated rows. */
export function firstDayAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
