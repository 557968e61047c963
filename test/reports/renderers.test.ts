import { PDF_ROW_LIMIT, renderReport } from '../../server/reports/render.js';
import { CsvDialect, ExportFormat, type Report } from '../../server/reports/report.js';
import { AppError } from '../../server/errors.js';
import { printable } from '../../server/reports/pdf.js';
import { csvLines, pdfPages, sheetValues, xlsxBook } from '../support/files.js';

/** A small report as a service would build it, with every kind of column. */
const report = (rows = 3): Report => ({
  filename: 'contoh',
  title: 'Rekapitulasi Contoh',
  pemdaName: 'Pemerintah Kota Batu',
  period: 'Tahun Anggaran 2026',
  printedAt: new Date('2026-12-03T05:00:00Z'),
  timeZone: 'Asia/Jakarta',
  printedBy: 'Rina Kartika',
  tables: [{
    name: 'Ringkasan',
    columns: [{ header: 'Kode OPD' }, { header: 'Nama OPD' }, { header: 'Pagu', kind: 'rupiah' }, { header: '% UMK-K', kind: 'percent' }, { header: 'Paket', kind: 'count' }, { header: 'Skor', kind: 'decimal' }],
    rows: Array.from({ length: rows }, (_, i) => [`1.0${i}`, i === 1 ? '=HYPERLINK("http://x")' : 'Dinas Komunikasi dan Informatika', 1_250_000_000 + i, 37.25, 1200, 66.667]),
    totals: [null, 'Jumlah', 3_750_000_003, 37.25, 3600, null],
  }],
  notes: ['Persentase dibulatkan sekali ke dua desimal.'],
});

describe('one report, three files', () => {
  it('XLSX: title block, frozen header, formats, widths that fit, bold totals, A4 landscape fitted to one page wide, signatures', async () => {
    const book = await xlsxBook(await renderReport(report(), ExportFormat.XLSX));
    const sheet = book.worksheets[0];
    const rows = sheetValues(sheet);
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual([
      'Rekapitulasi Contoh', 'Pemerintah Kota Batu', 'Periode: Tahun Anggaran 2026', 'Dicetak: 3 Desember 2026 12.00 WIB oleh Rina Kartika',
    ]);
    expect(rows[5]).toEqual(['Kode OPD', 'Nama OPD', 'Pagu', '% UMK-K', 'Paket', 'Skor']);
    expect(rows[6]).toEqual(['1.00', 'Dinas Komunikasi dan Informatika', 1_250_000_000, 37.25, 1200, 66.667]);
    expect(rows[7][1]).toBe(`'=HYPERLINK("http://x")`); // a formula arrives as text
    expect(rows[9].slice(1, 5)).toEqual(['Jumlah', 3_750_000_003, 37.25, 3600]);
    expect(sheet.getRow(10).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet.getColumn(3).numFmt).toBe('"Rp"#,##0');
    expect(sheet.getColumn(4).numFmt).toBe('0.00"%"');
    // "Dinas Komunikasi dan Informatika" is 32 characters: the column shows all of it.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(32);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:6' });
    const below = rows.slice(10).flat().filter(Boolean);
    expect(below).toEqual(expect.arrayContaining(['Persentase dibulatkan sekali ke dua desimal.', 'Mengetahui,', 'Dibuat oleh,', 'Rina Kartika', 'NIP.']));
  });

  it('PDF: A4 landscape with the same title block, figures in Indonesian, totals, page numbers and the signature block', async () => {
    const file = await renderReport(report(), ExportFormat.PDF);
    expect(file).toMatchObject({ filename: 'contoh.pdf', contentType: 'application/pdf' });
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const page = await (await getDocument({ data: new Uint8Array(Buffer.from(file.base64, 'base64')), verbosity: 0 }).promise).getPage(1);
    const [, , width, height] = page.view;
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]); // A4 landscape in points
    const [text] = await pdfPages(file);
    for (const expected of [
      'Rekapitulasi Contoh', 'Pemerintah Kota Batu', 'Periode: Tahun Anggaran 2026', 'Dicetak: 3 Desember 2026 12.00 WIB oleh Rina Kartika',
      'Rp1.250.000.000', '37,25%', '1.200', '66,667', 'Jumlah', 'Rp3.750.000.003', 'Halaman 1 dari 1', 'Mengetahui,', 'Kepala Bagian Pengadaan Barang/Jasa', 'Dibuat oleh,', 'Rina Kartika',
    ]) expect(text).toContain(expected);
  });

  it('a name the standard font cannot print comes out as its plain letters, never as garbage glyphs', async () => {
    expect(printable('Kōbō Sari Apel 🍎 中文 “Rp” – é')).toBe('Kobo Sari Apel ? ?? “Rp” – é');
    const strange = report(1);
    strange.tables[0].rows[0][1] = 'Dinas Kōbō 🍎';
    const [text] = await pdfPages(await renderReport(strange, ExportFormat.PDF));
    expect(text).toContain('Dinas Kobo ?');
  });

  it('the same report gives the same PDF bytes (reproducible)', async () => {
    const [a, b] = [await renderReport(report(), ExportFormat.PDF), await renderReport(report(), ExportFormat.PDF)];
    expect(a.base64).toBe(b.base64);
  });

  it('CSV for Indonesian Excel: BOM, semicolons, decimal comma, bare rupiah; RFC 4180 for programs', async () => {
    const excel = csvLines(await renderReport(report(), ExportFormat.CSV, CsvDialect.EXCEL_ID));
    expect(excel[0]).toBe('\uFEFFKode OPD;Nama OPD;Pagu;% UMK-K;Paket;Skor');
    expect(excel[1]).toBe('1.00;Dinas Komunikasi dan Informatika;1250000000;37,25;1200;66,667');
    expect(excel[2]).toBe(`1.01;"'=HYPERLINK(""http://x"")";1250000001;37,25;1200;66,667`);
    const plain = csvLines(await renderReport(report(), ExportFormat.CSV));
    expect(plain[0]).toBe('Kode OPD,Nama OPD,Pagu,% UMK-K,Paket,Skor');
    expect(plain[1]).toBe('1.00,Dinas Komunikasi dan Informatika,1250000000,37.25,1200,66.667');
    expect(plain).toHaveLength(5); // header, three rows, and the empty string after the last CRLF: no title or totals
  });

  it('a report too long for paper is refused as PDF with a way out, and still renders as XLSX', async () => {
    const long = report(PDF_ROW_LIMIT + 1);
    const refusal = await renderReport(long, ExportFormat.PDF).catch((e: AppError) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('BAD_USER_INPUT');
    expect((refusal as AppError).message).toMatch(/XLSX/);
    const book = await xlsxBook(await renderReport(long, ExportFormat.XLSX));
    expect(book.worksheets[0].rowCount).toBeGreaterThan(PDF_ROW_LIMIT);
  });
});
