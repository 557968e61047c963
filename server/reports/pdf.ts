import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Alignment, Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { decimal, grouped, percent, rupiah } from './indonesian.js';
import { titleLines, type Cell, type ColumnKind, type Report, type ReportTable } from './report.js';

// Roboto ships inside pdfmake, so every machine renders the same glyphs with nothing to install.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'), bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'), bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// A document is made only of what the server passes in: no image or font is fetched from a URL or read elsewhere.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

/**
 * Renders a document definition to bytes. The same definition and `createdAt` give the same bytes (pdfmake writes
 * the creation date into the file and nothing random), which is what lets an issued document be reproduced and its
 * hash checked.
 */
export function renderPdf(definition: TDocumentDefinitions, createdAt: Date): Promise<Buffer> {
  return pdfmake.createPdf({ ...definition, info: { producer: 'Katalog Lokal', creator: 'Katalog Lokal', ...definition.info, creationDate: createdAt, modDate: createdAt } }).getBuffer();
}

const shown = (value: Cell, kind: ColumnKind | undefined): string => {
  if (value == null || value === '') return '';
  if (typeof value !== 'number') return value;
  return kind === 'rupiah' ? rupiah(value) : kind === 'percent' ? percent(value) : kind === 'decimal' ? decimal(value) : grouped(value);
};

/** Column widths from their content, scaled to the page: a long name wraps, figures stay on one line. */
function widths(table: ReportTable, available: number, fontSize: number): number[] {
  const natural = table.columns.map((c, i) => {
    const longest = Math.max(...c.header.split(' ').map((w) => w.length), ...table.rows.map((r) => shown(r[i], c.kind).length), shown(table.totals?.[i] ?? null, c.kind).length);
    return Math.min(longest, c.kind === 'text' || !c.kind ? 45 : 20) * fontSize * 0.62 + 2;
  });
  // Each cell adds its padding (3 + 3) and a rule to the width it is given.
  const room = available - table.columns.length * 6.5;
  const sum = natural.reduce((a, b) => a + b, 0);
  return sum > room ? natural.map((w) => (w * room) / sum) : natural;
}

function printedColumns(table: ReportTable): ReportTable {
  const keep = table.pdfColumns;
  if (!keep) return table;
  const pick = (row: Cell[]) => keep.map((i) => row[i]);
  return { ...table, columns: keep.map((i) => table.columns[i]), rows: table.rows.map(pick), totals: table.totals && pick(table.totals) };
}

const A4_LANDSCAPE_WIDTH = 842;
const MARGIN = 28;

/** A4 landscape: the title block, each table with its header repeated on every page, totals, notes, signatures. */
export function reportPdf(report: Report): Promise<Buffer> {
  const [title, ...titleRest] = titleLines(report);
  const content: Content[] = [
    { text: title, style: 'title' },
    ...titleRest.map((line) => ({ text: line, margin: [0, 1, 0, 0] as [number, number, number, number] })),
  ];
  for (const whole of report.tables) {
    const table = printedColumns(whole);
    const columns = table.columns.length;
    const fontSize = columns <= 10 ? 8 : columns <= 16 ? 7 : 6;
    if (report.tables.length > 1) content.push({ text: table.name, style: 'section', pageBreak: whole === report.tables[0] ? undefined : 'before' });
    const align = (kind?: ColumnKind): Alignment => (kind && kind !== 'text' ? 'right' : 'left');
    const body = [
      table.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#e8eef4', alignment: align(c.kind) })),
      ...table.rows.map((r) => table.columns.map((c, i) => ({ text: shown(r[i], c.kind), alignment: align(c.kind) }))),
      ...(table.totals ? [table.columns.map((c, i) => ({ text: shown(table.totals![i], c.kind), bold: true, alignment: align(c.kind) }))] : []),
    ];
    content.push({
      table: { headerRows: 1, widths: widths(table, A4_LANDSCAPE_WIDTH - 2 * MARGIN, fontSize), body, dontBreakRows: true },
      layout: { hLineWidth: () => 0.4, vLineWidth: () => 0.4, hLineColor: () => '#999999', vLineColor: () => '#999999', paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
      fontSize,
      margin: [0, 10, 0, 0],
    });
  }
  for (const note of report.notes ?? []) content.push({ text: note, italics: true, fontSize: 7, margin: [0, 4, 0, 0] });
  content.push(signatures(
    { caption: 'Mengetahui,', role: report.acknowledgedBy ?? 'Kepala Bagian Pengadaan Barang/Jasa', name: '', nipLine: true },
    { caption: 'Dibuat oleh,', role: '', name: report.printedBy, nipLine: false },
  ));
  return renderPdf(
    {
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: [MARGIN, MARGIN, MARGIN, 36],
      info: { title: `${report.title} - ${report.pemdaName}`, author: report.printedBy },
      defaultStyle: { font: 'Roboto', fontSize: 9 },
      styles: { title: { fontSize: 13, bold: true }, section: { fontSize: 10, bold: true, margin: [0, 12, 0, 0] } },
      footer: (page, pages) => ({
        columns: [{ text: `${report.title} - ${report.pemdaName}`, fontSize: 7 }, { text: `Halaman ${page} dari ${pages}`, alignment: 'right', fontSize: 7 }],
        margin: [MARGIN, 10, MARGIN, 0],
      }),
      content,
    },
    report.printedAt,
  );
}

/** Who signs: the caption above ("Mengetahui,"), the function, the name (blank for a pen), and a NIP line for officials. */
export interface Signatory {
  caption: string;
  role: string;
  name: string;
  nipLine: boolean;
}

/** Two signature blocks side by side, kept together on one page. */
export function signatures(left: Signatory, right: Signatory): Content {
  const block = ({ caption, role, name, nipLine }: Signatory): Column => ({
    stack: [caption, role, { text: ' ', margin: [0, 24, 0, 0] }, { text: name || '(................................................)', bold: Boolean(name), decoration: name ? 'underline' : undefined }, nipLine ? 'NIP.' : ''],
    alignment: 'center',
    width: '*',
  });
  return { unbreakable: true, margin: [0, 18, 0, 0], columns: [block(left), { text: '', width: '*' }, block(right)] };
}
