import type { Alignment, Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { decimal, grouped, percent, rupiah } from './indonesian.js';
import { titleLines, type Cell, type ColumnKind, type Report, type ReportTable } from './report.js';

/**
 * The standard PDF font Helvetica: every PDF reader has it, so nothing is embedded or installed, a document is a few
 * kilobytes, and one renders in ~20 ms (embedding pdfmake's Roboto cost ~100 ms a document, which the order steps and
 * the demo's hundreds of documents paid). Its metrics ship inside pdfmake.
 */
const STANDARD_FONTS = ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'];

/** pdfmake, loaded with the first document: importing it takes about a second, which every start would otherwise pay. */
let loaded: Promise<typeof import('pdfmake')> | undefined;
const pdfmake = () =>
  (loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setFonts({ Helvetica: { normal: STANDARD_FONTS[0], bold: STANDARD_FONTS[1], italics: STANDARD_FONTS[2], bolditalics: STANDARD_FONTS[3] } });
    // A document is made only of what the server passes in: no image or font is fetched from a URL or read from disk.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.includes(path));
    return pdfmake;
  }));

// What the standard fonts can print (Windows-1252): anything else would come out as garbage glyphs.
const WIN_ANSI = /[^\x20-\x7E\xA0-\xFF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\n]/gu;

/** Text the standard fonts can print: accents folded where Unicode can ("ā" to "a"), anything else as "?". */
export function printable(text: string): string {
  return text.replace(WIN_ANSI, (c) => c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(WIN_ANSI, '') || '?');
}

/** Every string in a definition made printable (names and products come from users; ASCII settings stay as they are). */
function printableTree<T>(node: T): T {
  if (typeof node === 'string') return printable(node) as T;
  if (Array.isArray(node)) return node.map(printableTree) as T;
  if (node && typeof node === 'object' && !(node instanceof Date)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, printableTree(v)])) as T;
  return node;
}

/**
 * Renders a document definition to bytes. The same definition and `createdAt` give the same bytes (pdfmake writes
 * the creation date into the file and nothing random), which is what lets an issued document be reproduced and its
 * hash checked.
 */
export async function renderPdf(definition: TDocumentDefinitions, createdAt: Date): Promise<Buffer> {
  return (await pdfmake()).createPdf({
    ...definition,
    content: printableTree(definition.content),
    info: { producer: 'Katalog Lokal', creator: 'Katalog Lokal', ...definition.info, creationDate: createdAt, modDate: createdAt },
  }).getBuffer();
}

/** A cell as printed; in a wide table rupiah drop their "Rp" (the header says "(Rp)") so twelve months fit a page. */
const shown = (value: Cell, kind: ColumnKind | undefined, compact = false): string => {
  if (value == null || value === '') return '';
  if (typeof value !== 'number') return value;
  if (kind === 'rupiah') return compact ? grouped(value) : rupiah(value);
  return kind === 'percent' ? percent(value) : kind === 'decimal' ? decimal(value) : grouped(value);
};

/**
 * Column widths from their content, fitted to the page: figures and short text keep theirs (one line each), long
 * text columns (names) give up room and wrap, and no column is narrower than its header's longest word.
 */
function widths(table: ReportTable, available: number, fontSize: number, compact: boolean): number[] {
  const points = (chars: number) => chars * fontSize * 0.62 + 2;
  const floor = table.columns.map((c) => points(Math.max(...c.header.split(' ').map((w) => w.length))));
  const natural = table.columns.map((c, i) => {
    const longest = Math.max(...table.rows.map((r) => shown(r[i], c.kind, compact).length), shown(table.totals?.[i] ?? null, c.kind, compact).length);
    return Math.max(floor[i], points(Math.min(longest, c.kind === 'text' || !c.kind ? 45 : 20)));
  });
  // Each cell adds its padding (3 + 3) and a rule to the width it is given.
  const room = available - table.columns.length * 6.5;
  // Names give up room; codes and statuses (short text) keep theirs, like figures.
  const isText = (i: number) => (!table.columns[i].kind || table.columns[i].kind === 'text') && natural[i] > points(14);
  const fixed = natural.reduce((a, w, i) => a + (isText(i) ? 0 : w), 0);
  const text = natural.reduce((a, w, i) => a + (isText(i) ? w : 0), 0);
  if (fixed + text <= room) return natural;
  const textScale = Math.max(0, room - fixed) / text;
  const fitted = natural.map((w, i) => (isText(i) ? Math.max(floor[i], w * textScale) : w));
  const sum = fitted.reduce((a, b) => a + b, 0);
  return sum > room ? fitted.map((w) => (w * room) / sum) : fitted;
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
    const fontSize = columns <= 10 ? 8 : columns <= 14 ? 7 : 6;
    const compact = columns > 13;
    if (report.tables.length > 1) content.push({ text: table.name, style: 'section', pageBreak: whole === report.tables[0] ? undefined : 'before' });
    const align = (kind?: ColumnKind): Alignment => (kind && kind !== 'text' ? 'right' : 'left');
    const body = [
      table.columns.map((c) => ({ text: compact && c.kind === 'rupiah' ? `${c.header} (Rp)` : c.header, bold: true, fillColor: '#e8eef4', alignment: align(c.kind) })),
      ...table.rows.map((r) => table.columns.map((c, i) => ({ text: shown(r[i], c.kind, compact), alignment: align(c.kind) }))),
      ...(table.totals ? [table.columns.map((c, i) => ({ text: shown(table.totals![i], c.kind, compact), bold: true, alignment: align(c.kind) }))] : []),
    ];
    content.push({
      table: { headerRows: 1, widths: widths(table, A4_LANDSCAPE_WIDTH - 2 * MARGIN, fontSize, compact), body, dontBreakRows: true },
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
      defaultStyle: { font: 'Helvetica', fontSize: 9 },
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
