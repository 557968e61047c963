import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors.js';

/** An AppError, so the same code and message reach the client from a variable and from a literal in the query. */
const notRupiah = (value: unknown) =>
  badInput([{ field: 'rupiah', message: `Rupiah harus bilangan bulat tanpa desimal, paling besar 9.007.199.254.740.991 (diterima: ${JSON.stringify(value)}).` }]);

function toRupiah(value: unknown): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw notRupiah(value);
  }
  return n;
}

/**
 * Whole rupiah. GraphQL's Int stops at 2^31 (Rp2,1 miliar) while budgets reach Rp105 miliar and more,
 * so amounts travel as JSON numbers that must be safe integers (up to 2^53), or as digit strings.
 */
export const Rupiah = new GraphQLScalarType<number, number>({
  name: 'Rupiah',
  description: 'Whole Indonesian rupiah as an integer (no minor unit, no decimals), exact up to 9,007,199,254,740,991.',
  serialize: toRupiah,
  parseValue: toRupiah,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toRupiah(ast.value);
    throw notRupiah(ast.kind);
  },
});

/**
 * Rupiah as people type it in a spreadsheet: "Rp5.000.000", "5.000.000" and "5000000" are the same whole rupiah;
 * "15.000,50" is not a whole number and gives NaN, which validation then names. One reader for every import.
 */
export function parseRupiahText(raw: string | null | undefined): number {
  const value = (raw ?? '').trim().replace(/^rp\.?\s?/i, '');
  if (/^-?\d{1,3}(\.\d{3})+$/.test(value)) return Number(value.replace(/\./g, ''));
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}
