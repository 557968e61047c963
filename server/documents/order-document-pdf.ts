import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { inWords, terbilang } from '../money/terbilang.js';
import { dateName, grouped, MONTHS, rupiah } from '../reports/indonesian.js';
import { renderPdf, signatures } from '../reports/pdf.js';
import { OrderDocumentKind } from './order-document.entity.js';

/** Everything an order document shows, read once when it is issued; the PDF is a pure function of this. */
export interface OrderDocumentData {
  kind: OrderDocumentKind;
  number: string;
  issuedAt: Date;
  /** The local date of issue, 'YYYY-MM-DD' (the Pemda's zone). */
  issuedOn: string;
  pemdaName: string;
  /** Where it is signed: "Batu". */
  place: string;
  opdName: string;
  orderCode: string;
  rupCode: string | null;
  orderedOn: string;
  deliveryAddress: string;
  neededBy: string | null;
  /** Who orders or receives for the OPD, and in which function. */
  officer: { name: string; title: string };
  vendor: { businessName: string; ownerName: string; nib: string; npwp: string; address: string; phone: string };
  lines: { name: string; unit: string; quantity: number; unitPrice: number }[];
  shipping: number;
  total: number;
  /** For a BAST: the OPD's own BAST reference and date, and the surat pesanan it follows. */
  bast?: { opdNumber: string; date: string; orderLetterNumber: string | null; deliveryReference: string | null };
  replaces?: { number: string; reason: string } | null;
}

const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam", as a berita acara opens. */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} tanggal ${inWords(d)} bulan ${MONTHS[m - 1]} tahun ${inWords(y)}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const TITLES: Record<OrderDocumentKind, string> = {
  SURAT_PESANAN: 'SURAT PESANAN',
  BAST: 'BERITA ACARA SERAH TERIMA BARANG',
};

function linesTable(data: OrderDocumentData): Content {
  const received = data.kind === OrderDocumentKind.BAST;
  const right = { alignment: 'right' as const };
  const body: TableCell[][] = [
    ['No', 'Nama Barang', 'Satuan', received ? 'Jumlah Diterima' : 'Jumlah', 'Harga Satuan', 'Jumlah Harga'].map((text, i) => ({ text, bold: true, fillColor: '#e8eef4', ...(i >= 3 ? right : {}) })),
    ...data.lines.map((l, i) => [String(i + 1), l.name, l.unit, { text: grouped(l.quantity), ...right }, { text: rupiah(l.unitPrice), ...right }, { text: rupiah(l.quantity * l.unitPrice), ...right }]),
    [{ text: 'Ongkos kirim', colSpan: 5 }, '', '', '', '', { text: rupiah(data.shipping), ...right }],
    [{ text: 'Total', colSpan: 5, bold: true }, '', '', '', '', { text: rupiah(data.total), bold: true, ...right }],
  ];
  return {
    table: { headerRows: 1, widths: [18, '*', 50, 55, 75, 85], body, dontBreakRows: true },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888' },
    margin: [0, 8, 0, 4],
  };
}

const field = (label: string, value: string): Content => ({ columns: [{ text: label, width: 120 }, { text: `: ${value}`, width: '*' }], margin: [0, 1, 0, 0] });

/**
 * The surat pesanan or the BAST as a PDF on A4 portrait: the Pemda's and OPD's header, the number, the parties, the
 * lines, the total in figures and in words, and the signatures. The same data gives the same bytes.
 */
export function orderDocumentPdf(data: OrderDocumentData): Promise<Buffer> {
  const v = data.vendor;
  const parties: Content[] =
    data.kind === OrderDocumentKind.SURAT_PESANAN
      ? [
          { text: 'Yang bertanda tangan di bawah ini:', margin: [0, 10, 0, 2] },
          field('Nama', data.officer.name), field('Jabatan', `${data.officer.title} ${data.opdName}`),
          { text: 'memesan barang kepada penyedia:', margin: [0, 8, 0, 2] },
          field('Nama usaha', v.businessName), field('Pemilik', v.ownerName), field('NIB', v.nib), field('NPWP', v.npwp), field('Alamat', v.address), field('Telepon', v.phone),
          { text: 'dengan rincian sebagai berikut:', margin: [0, 8, 0, 0] },
        ]
      : [
          { text: `Pada hari ini ${dateInWords(data.bast!.date)} (${dateName(data.bast!.date)}), yang bertanda tangan di bawah ini:`, margin: [0, 10, 0, 4] },
          { text: 'PIHAK PERTAMA (yang menyerahkan)', bold: true },
          field('Nama usaha', v.businessName), field('Diwakili oleh', v.ownerName), field('NIB', v.nib), field('Alamat', v.address),
          { text: 'PIHAK KEDUA (yang menerima)', bold: true, margin: [0, 6, 0, 0] },
          field('Nama', data.officer.name), field('Jabatan', `${data.officer.title} ${data.opdName}`),
          { text: 'PIHAK PERTAMA telah menyerahkan dan PIHAK KEDUA telah menerima barang berikut dalam keadaan baik dan lengkap:', margin: [0, 8, 0, 0] },
        ];
  const references: Content[] = [
    field('Nomor paket', data.orderCode),
    ...(data.rupCode ? [field('Kode RUP', data.rupCode)] : []),
    field('Tanggal pesanan', dateName(data.orderedOn)),
    ...(data.bast
      ? [
          ...(data.bast.orderLetterNumber ? [field('Surat pesanan', data.bast.orderLetterNumber)] : []),
          field('Nomor BAST OPD', data.bast.opdNumber),
          ...(data.bast.deliveryReference ? [field('Surat jalan / resi', data.bast.deliveryReference)] : []),
        ]
      : [field('Alamat pengiriman', data.deliveryAddress), ...(data.neededBy ? [field('Dibutuhkan paling lambat', dateName(data.neededBy))] : [])]),
  ];
  const [left, right] =
    data.kind === OrderDocumentKind.SURAT_PESANAN
      ? [{ caption: 'Menerima dan menyetujui,', role: `Penyedia, ${v.businessName}` }, { caption: 'Pemesan,', role: data.officer.title }]
      : [{ caption: 'PIHAK PERTAMA,', role: v.businessName }, { caption: 'PIHAK KEDUA,', role: data.officer.title }];
  return renderPdf(
    {
      pageSize: 'A4',
      pageMargins: [50, 40, 50, 50],
      info: { title: `${TITLES[data.kind]} ${data.number}`, author: data.opdName, subject: data.orderCode },
      defaultStyle: { font: 'Helvetica', fontSize: 9.5 },
      footer: (page, pages) => ({ text: `${data.number} - halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 15, 0, 0] }),
      content: [
        { text: data.pemdaName.toUpperCase(), alignment: 'center', bold: true, fontSize: 12 },
        { text: data.opdName.toUpperCase(), alignment: 'center', bold: true, fontSize: 11 },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 495, y2: 4, lineWidth: 1.2 }], margin: [0, 2, 0, 8] },
        { text: TITLES[data.kind], alignment: 'center', bold: true, fontSize: 12, decoration: 'underline' },
        { text: `Nomor: ${data.number}`, alignment: 'center', margin: [0, 2, 0, 0] },
        ...(data.replaces ? [{ text: `Menggantikan ${data.replaces.number}: ${data.replaces.reason}`, alignment: 'center' as const, italics: true, fontSize: 8, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
        ...parties,
        linesTable(data),
        { text: [{ text: 'Terbilang: ', bold: true }, { text: `${capitalised(terbilang(data.total))}.`, italics: true }] },
        { text: ' ', margin: [0, 4, 0, 0] },
        ...references,
        {
          text: data.kind === OrderDocumentKind.SURAT_PESANAN
            ? 'Penyedia menyerahkan barang sesuai rincian di atas ke alamat pengiriman. Pembayaran dilakukan setelah barang diterima dan berita acara serah terima ditandatangani.'
            : 'Demikian berita acara ini dibuat untuk dipergunakan sebagai dasar pembayaran.',
          margin: [0, 10, 0, 0],
        },
        { text: `${data.place}, ${dateName(data.issuedOn)}`, alignment: 'right', margin: [0, 14, 0, 0] },
        signatures({ ...left, name: v.ownerName, nipLine: false }, { ...right, name: data.officer.name, nipLine: true }),
      ],
    },
    data.issuedAt,
  );
}
