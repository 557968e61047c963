/** Price bands shown as facets, in whole rupiah: [label, min inclusive, max exclusive]. */
export const PRICE_BANDS: [string, number, number][] = [
  ['< Rp10.000', 0, 10_000],
  ['Rp10.000 - Rp50.000', 10_000, 50_000],
  ['Rp50.000 - Rp100.000', 50_000, 100_000],
  ['Rp100.000 - Rp500.000', 100_000, 500_000],
  ['Rp500.000 - Rp1.000.000', 500_000, 1_000_000],
  ['>= Rp1.000.000', 1_000_000, Number.MAX_SAFE_INTEGER],
];
