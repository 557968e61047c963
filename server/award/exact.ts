/**
 * Exact fractions of integers (BigInt), so every award figure is computed without floats and rounded once, at the
 * edge: a person with a calculator and the rows behind a figure gets the same digits.
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

/** Rounded half away from zero to whole thousandths: the award's one rounding step. */
export function thousandths(r: Ratio): number {
  const scaled = r.n * 1000n;
  const sign = scaled < 0n ? -1n : 1n;
  const magnitude = sign * scaled;
  return Number(sign * ((2n * magnitude + r.d) / (2n * r.d)));
}

/** Rounded up to the next whole number (for rupiah that must be reached). */
export function ceil(r: Ratio): number {
  const q = r.n / r.d;
  return Number(r.n % r.d !== 0n && r.n > 0n ? q + 1n : q);
}

/** The value rounded half away from zero to `decimals` places, for display. */
export function toDecimal(r: Ratio, decimals = 3): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = r.n * scale;
  const sign = scaled < 0n ? -1n : 1n;
  return Number(sign * ((2n * sign * scaled + r.d) / (2n * r.d))) / Number(scale);
}

/** A decimal with at most `decimals` places as an exact ratio (weights such as 12.5, tier lines such as 93.279). */
export function fromDecimal(value: number, decimals = 3): Ratio {
  const scale = 10 ** decimals;
  return ratio(Math.round(value * scale), scale);
}
