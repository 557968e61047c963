import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import { badInput } from '../errors.js';

/** An uploaded table: CSV text (comma, semicolon or tab separated), or an Excel workbook as base64 (its first sheet). */
export interface TableUpload {
  csv?: string | null;
  xlsxBase64?: string | null;
}

/** What a workbook may unzip to, and how many rows an import reads: a 1 MB upload cannot become gigabytes in memory. */
export const XLSX_UNZIPPED_LIMIT = 20 * 1024 * 1024;
export const IMPORT_ROW_LIMIT = 20_000;

const SEPARATORS = [',', ';', '\t'] as const;

/**
 * The separator of a CSV file, read from its header line (outside quotes): Excel set to Indonesian saves with `;`,
 * programs with `,`, some registries with tabs. The most frequent one in the header wins; a one-column file is `,`.
 */
export function detectSeparator(text: string): (typeof SEPARATORS)[number] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const counts = SEPARATORS.map((s) => header.split(s).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : SEPARATORS[counts.indexOf(best)];
}

/** CSV text as records keyed by lower-cased header, in whichever separator it came. */
export function readCsv(text: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), delimiter: detectSeparator(text),
      skip_empty_lines: true, trim: true, bom: true, relax_column_count: true, to: IMPORT_ROW_LIMIT + 1,
    });
  } catch (error) {
    throw badInput([{ field: 'csv', message: `Berkas CSV tidak dapat dibaca: ${(error as Error).message}` }]);
  }
  if (records.length > IMPORT_ROW_LIMIT) throw badInput([{ field: 'csv', message: `Paling banyak ${IMPORT_ROW_LIMIT} baris per impor; bagi berkasnya.` }]);
  return records;
}

/** An upload's records: its CSV, or its workbook's first sheet read the same way. */
export async function readTable(upload: TableUpload): Promise<Record<string, string>[]> {
  return readCsv(await tableAsCsv(upload));
}

/**
 * The first sheet of an XLSX workbook as CSV text, so every import reads one format. Cells become what a person
 * sees: numbers without grouping, dates as YYYY-MM-DD, formulas by their result. The archive's unzipped size is
 * checked before the workbook is read.
 */
export async function tableAsCsv(upload: TableUpload): Promise<string> {
  if (Boolean(upload.csv) === Boolean(upload.xlsxBase64)) throw badInput([{ field: 'csv', message: 'Kirim salah satu: berkas CSV atau XLSX.' }]);
  if (upload.csv) return upload.csv;
  const bytes = Buffer.from(upload.xlsxBase64!, 'base64');
  const unreadable = badInput([{ field: 'xlsxBase64', message: 'Berkas XLSX tidak dapat dibaca; simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.' }]);
  const { default: JSZip } = await import('jszip'); // with the first workbook, not at every start
  const zip = await JSZip.loadAsync(bytes).catch(() => Promise.reject(unreadable));
  const unzipped = Object.values(zip.files).reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unzipped > XLSX_UNZIPPED_LIMIT) throw badInput([{ field: 'xlsxBase64', message: `Isi berkas XLSX lebih dari ${XLSX_UNZIPPED_LIMIT / 1024 / 1024} MB setelah diekstrak; bagi berkasnya atau kirim CSV.` }]);
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch {
    throw unreadable;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput([{ field: 'xlsxBase64', message: 'Berkas XLSX tidak berisi lembar kerja.' }]);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  // Quoted where needed, values as they are: this text is read back by the import, never opened in a spreadsheet.
  return rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
