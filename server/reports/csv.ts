import { setImmediate } from 'node:timers/promises';
import { CsvDialect, type Cell, type ReportColumn } from './report.js';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a leading
 * apostrophe, OWASP's rule for CSV injection: a vendor's product called `=HYPERLINK(...)` reaches BPBJ as text.
 * Numbers are written as numbers and never touched.
 */
export const neutralise = (v: unknown): unknown => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const DIALECTS = {
  [CsvDialect.RFC4180]: { separator: ',', decimal: '.', bom: '' },
  [CsvDialect.EXCEL_ID]: { separator: ';', decimal: ',', bom: '\uFEFF' },
};

/**
 * CSV in a dialect: RFC 4180 for programs, or what Excel set to Indonesian opens as columns (BOM, `;`, decimal
 * comma). Rupiah are bare digits in both, so a spreadsheet reads them as numbers; quoted where needed; CRLF line ends.
 */
export function toCsv(rows: Cell[][], dialect: CsvDialect = CsvDialect.RFC4180, columns?: ReportColumn[]): string {
  const { separator, decimal, bom } = DIALECTS[dialect];
  const cell = (v: Cell, i: number) => {
    const text =
      typeof v === 'number' ? (columns?.[i]?.kind === 'percent' || !Number.isInteger(v) ? String(v).replace('.', decimal) : String(v)) : String(neutralise(v) ?? '');
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return bom + rows.map((r) => r.map(cell).join(separator)).join('\r\n') + '\r\n';
}

/**
 * The same text, made `chunk` rows at a time with a turn of the event loop between: a 25,000-line export then
 * never holds the server's thread for more than a few milliseconds at once.
 */
export async function toCsvInTurns(rows: Cell[][], dialect: CsvDialect = CsvDialect.RFC4180, columns?: ReportColumn[], chunk = 2000): Promise<string> {
  const { bom } = DIALECTS[dialect];
  const parts: string[] = [];
  for (let i = 0; i < rows.length || i === 0; i += chunk) {
    parts.push(toCsv(rows.slice(i, i + chunk), dialect, columns).slice(bom.length));
    await setImmediate();
  }
  return bom + parts.join('');
}
