import { badInput } from '../errors.js';
import { toCsvInTurns } from './csv.js';
import { CsvDialect, ExportFormat, type ExportFile, type Report } from './report.js';
import { reportXlsx } from './xlsx.js';

/** PDF pages grow with rows; past this a report is an XLSX (a year of order lines is not read on paper). */
export const PDF_ROW_LIMIT = 3000;

export async function renderReport(report: Report, format: ExportFormat, dialect: CsvDialect = CsvDialect.RFC4180): Promise<ExportFile> {
  if (format === ExportFormat.CSV) {
    const table = report.tables[0];
    const text = await toCsvInTurns([table.columns.map((c) => c.header), ...table.rows], dialect, table.columns);
    return file(`${report.filename}.csv`, 'text/csv; charset=utf-8', Buffer.from(text, 'utf8'));
  }
  if (format === ExportFormat.XLSX) {
    return file(`${report.filename}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await reportXlsx(report));
  }
  const rows = report.tables.reduce((n, t) => n + t.rows.length, 0);
  if (rows > PDF_ROW_LIMIT) {
    throw badInput([{ field: 'format', message: `Laporan ini berisi ${rows} baris, terlalu panjang untuk PDF (paling banyak ${PDF_ROW_LIMIT}); unduh sebagai XLSX atau persempit periodenya.` }]);
  }
  // pdfmake and its fonts load on the first PDF, not at every start of the server.
  const { reportPdf } = await import('./pdf.js');
  return file(`${report.filename}.pdf`, 'application/pdf', await reportPdf(report));
}

const file = (filename: string, contentType: string, bytes: Buffer): ExportFile => ({ filename, contentType, base64: bytes.toString('base64') });
