/**
 * Exact fractions of integers (BigInt), so shares and scores are computed without floats and rounded once, at the
 * edge: a person with a calculator and the rows behind a figure gets the same digits. Used by the spend recap and
 * the award alike.
 */
export interface Ratio {
  n: bigint;
  /** Always positive. */
  d: bigint;
}

export const ratio = (n: number | bigint, d: number | bigint = 1n): Ratio => {
  const [nn, dd] = [BigInt(n), BigInt(d)];
  if (dd === 0n) throw new RangeError('zero denominator');
  return dd < 0n ? { n: -nn, d: -dd } : { n: nn, d: dd };
};

export const ZERO = ratio(0);
export const HUNDRED = ratio(100);

export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);

/** Negative, zero or positive as a is less than, equal to or greater than b. */
export const compare = (a: Ratio, b: Ratio): number => {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};
export const min = (a: Ratio, b: Ratio): Ratio => (compare(a, b) <= 0 ? a : b);
export const max = (a: Ratio, b: Ratio): Ratio => (compare(a, b) >= 0 ? a : b);

/** r x 10^decimals rounded half away from zero to a whole number: the one rounding rule. */
function scaledRound(r: Ratio, decimals: number): bigint {
  const scaled = r.n * 10n ** BigInt(decimals);
  const sign = scaled < 0n ? -1n : 1n;
  return sign * ((2n * sign * scaled + r.d) / (2n * r.d));
}

/** Rounded to whole thousandths, as an integer count of them: the award's contributions and scores. */
export function thousandths(r: Ratio): number {
  return Number(scaledRound(r, 3));
}

/** Rounded up to the next whole number (for rupiah that must be reached). */
export function ceil(r: Ratio): number {
  const q = r.n / r.d;
  return Number(r.n % r.d !== 0n && r.n > 0n ? q + 1n : q);
}

/** The value rounded half away from zero to `decimals` places, for display. */
export function toDecimal(r: Ratio, decimals = 3): number {
  return Number(scaledRound(r, decimals)) / 10 ** decimals;
}

/** A decimal with at most `decimals` places as an exact ratio (weights such as 12.5, tier lines such as 93.279). */
export function fromDecimal(value: number, decimals = 3): Ratio {
  const scale = 10 ** decimals;
  return ratio(Math.round(value * scale), scale);
}
