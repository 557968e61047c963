import ExcelJS from 'exceljs';

/** What the API hands back for a file. */
export interface FileAnswer {
  filename: string;
  contentType?: string;
  base64: string;
}

export const fileBytes = (file: FileAnswer) => Buffer.from(file.base64, 'base64');

/** A CSV file's lines, byte-order mark kept (a test of the Excel dialect looks for it). */
export const csvLines = (file: FileAnswer) => fileBytes(file).toString('utf8').split('\r\n');

export async function xlsxBook(file: FileAnswer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fileBytes(file) as never);
  return book;
}

/** A sheet's rows as plain values (1-based like Excel: rows[0] is row 1), rich cells as their text. */
export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    rows[n - 1] = values.map((v) => (v && typeof v === 'object' && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : v));
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A PDF read back as a reader would: each page's text, lines in order, words joined by spaces. */
export async function pdfPages(bytes: Buffer | FileAnswer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(Buffer.isBuffer(bytes) ? bytes : fileBytes(bytes));
  const doc = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    let text = '';
    for (const item of content.items as { str: string; hasEOL?: boolean }[]) text += item.str + (item.hasEOL ? '\n' : ' ');
    pages.push(text.replace(/ +/g, ' ').replace(/ \n/g, '\n'));
  }
  await doc.destroy();
  return pages;
}
