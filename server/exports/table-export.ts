import ExcelJS from 'exceljs';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });

/** A generated report handed to the caller whole. */
@ObjectType()
export class ExportFile {
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field({ description: 'The file, base64-encoded.' }) base64!: string;
}

export interface Table {
  filename: string;
  sheet: string;
  header: string[];
  rows: (string | number)[][];
  /** 1-based columns holding rupiah (formatted "Rp" with thousands separators in the spreadsheet). */
  rupiahColumns?: number[];
  /** 1-based columns holding percents with two decimals. */
  percentColumns?: number[];
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a leading
 * apostrophe, OWASP's rule for CSV injection: a vendor's product called `=HYPERLINK(...)` reaches BPBJ as text.
 * Numbers are written as numbers and never touched.
 */
export const neutralise = (v: unknown): unknown => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const cell = (v: unknown) => {
  const text = String(neutralise(v) ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV: quoted where needed, CRLF line ends. */
export const toCsv = (rows: unknown[][]): string => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** A table for the regent's report: CSV (RFC 4180, UTF-8) or XLSX with rupiah and percent formats. */
export async function exportTable(table: Table, format: ExportFormat): Promise<ExportFile> {
  if (format === 'CSV') {
    const csv = toCsv([table.header, ...table.rows]);
    return { filename: `${table.filename}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.sheet);
  sheet.addRow(table.header).font = { bold: true };
  table.rows.forEach((r) => sheet.addRow(r));
  // Excel shows the thousands separator of the reader's locale: dots in Indonesian.
  for (const column of table.rupiahColumns ?? []) sheet.getColumn(column).numFmt = '"Rp"#,##0';
  for (const column of table.percentColumns ?? []) sheet.getColumn(column).numFmt = '0.00"%"';
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 48 : 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await book.xlsx.writeBuffer();
  return { filename: `${table.filename}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(buffer).toString('base64') };
}
