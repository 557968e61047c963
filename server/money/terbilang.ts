const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'];

/** 1..999 in words: "seratus dua puluh tiga", "sebelas", "sepuluh". */
function hundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(h === 1 ? 'seratus' : `${ONES[h]} ratus`);
  if (rest >= 20) words.push(`${ONES[Math.floor(rest / 10)]} puluh`, ...(rest % 10 ? [ONES[rest % 10]] : []));
  else if (rest >= 12) words.push(`${ONES[rest - 10]} belas`);
  else if (rest === 11) words.push('sebelas');
  else if (rest === 10) words.push('sepuluh');
  else if (rest) words.push(ONES[rest]);
  return words;
}

/**
 * Whole rupiah in Indonesian words, as a surat pesanan or BAST writes the amount ("terbilang"):
 * 123000 is "seratus dua puluh tiga ribu rupiah"; 1000 is "seribu", never "satu ribu". Exact to 2^53 - 1.
 */
export function terbilang(rupiah: number): string {
  return `${inWords(rupiah)} rupiah`;
}

/** A whole number in Indonesian words, as a BAST writes its date: 2026 is "dua ribu dua puluh enam". */
export function inWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`terbilang takes whole numbers from 0 to 2^53 - 1 (got ${n})`);
  if (n === 0) return 'nol';
  const groups: number[] = [];
  for (let rest = BigInt(n); rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (!groups[i]) continue;
    if (i === 1 && groups[i] === 1) words.push('seribu');
    else words.push(...hundreds(groups[i]), ...(SCALES[i] ? [SCALES[i]] : []));
  }
  return words.join(' ');
}
