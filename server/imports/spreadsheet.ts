import ExcelJS from 'exceljs';
import { badInput } from '../errors.js';

/** An uploaded table: CSV text, or an Excel workbook as base64 (its first sheet is read). */
export interface TableUpload {
  csv?: string | null;
  xlsxBase64?: string | null;
}

/**
 * The first sheet of an XLSX workbook as CSV text, so every import reads one format. Cells become what a person
 * sees: numbers without grouping, dates as YYYY-MM-DD, formulas by their result.
 */
export async function tableAsCsv(upload: TableUpload): Promise<string> {
  if (Boolean(upload.csv) === Boolean(upload.xlsxBase64)) throw badInput([{ field: 'csv', message: 'Kirim salah satu: berkas CSV atau XLSX.' }]);
  if (upload.csv) return upload.csv;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(upload.xlsxBase64!, 'base64') as never);
  } catch {
    throw badInput([{ field: 'xlsxBase64', message: 'Berkas XLSX tidak dapat dibaca; simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.' }]);
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
