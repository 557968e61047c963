import type ExcelJS from 'exceljs';
import { excel } from '../imports/excel.js';
import { grouped } from './indonesian.js';
import { neutralise } from './csv.js';
import { titleLines, type Cell, type ColumnKind, type Report, type ReportTable } from './report.js';

// Excel shows the grouping and decimal marks of the reader's locale: dots and commas in Indonesian.
const FORMATS: Record<ColumnKind, string | undefined> = { rupiah: '"Rp"#,##0', percent: '0.00"%"', count: '#,##0', decimal: undefined, text: undefined };

/** How wide a value reads, in characters, as Excel will show it. */
function shownLength(value: Cell, kind: ColumnKind | undefined): number {
  if (value == null) return 0;
  if (typeof value === 'number') return kind === 'rupiah' ? grouped(value).length + 2 : kind === 'percent' ? value.toFixed(2).length + 1 : String(value).length + 2;
  return value.length;
}

/**
 * One sheet per table, each printable on its own: the title block above a frozen header, a bold totals row, notes and
 * the signature block below; A4 landscape fitted to one page wide, the header row repeated on every page, page
 * numbers in the footer.
 */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  book.creator = report.printedBy;
  book.created = report.printedAt;
  for (const table of report.tables) addSheet(book, report, table);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addSheet(book: ExcelJS.Workbook, report: Report, table: ReportTable) {
  // Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise).
  const sheet = book.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  const width = table.columns.length;
  const titles = titleLines(report);
  titles.forEach((line, i) => {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, Math.max(width, 1));
    row.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
  });
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }));
  for (const values of table.rows) sheet.addRow(values.map(neutralise));
  if (table.totals) sheet.addRow(table.totals.map(neutralise)).font = { bold: true };

  table.columns.forEach((column, i) => {
    const c = sheet.getColumn(i + 1);
    const format = FORMATS[column.kind ?? 'text'];
    if (format) c.numFmt = format;
    const longest = Math.max(...[column.header.length > 24 ? 14 : column.header.length, ...table.rows.map((r) => shownLength(r[i], column.kind)), shownLength(table.totals?.[i] ?? null, column.kind)]);
    c.width = column.width ?? Math.min(Math.max(longest + 2, 8), 60);
    if (longest > 60) c.alignment = { wrapText: true, vertical: 'top' };
  });
  // The title block's merged cells carry no number format.
  for (let r = 1; r <= titles.length; r++) sheet.getRow(r).eachCell((c) => (c.numFmt = 'General'));

  for (const note of report.notes ?? []) {
    const row = sheet.addRow([note]);
    row.font = { italic: true, size: 9 };
  }
  sheet.addRow([]);
  const right = Math.max(width - 1, 3);
  const signature = (lines: [string, string][]) =>
    lines.forEach(([left, rightText]) => {
      const row = sheet.addRow([]);
      row.getCell(2).value = left;
      row.getCell(right).value = rightText;
    });
  signature([
    ['Mengetahui,', 'Dibuat oleh,'],
    [report.acknowledgedBy ?? 'Kepala Bagian Pengadaan Barang/Jasa', ''],
    ['', ''],
    ['', ''],
    ['(................................................)', report.printedBy],
    ['NIP.', ''],
  ]);

  const headerRow = titles.length + 2;
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`, horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: `&L${report.title} - ${report.pemdaName}&RHalaman &P dari &N` };
}
