/**
 * How people in a Pemda read figures and codes: "Rp105.000.000.000", "2 Maret 2026", "Maret 2026", "37,2%",
 * "Di bawah target". One definition for the server's documents and reports and for the web app (which imports this
 * file), so a code never reaches a person in English. No imports: it runs in Node and in the browser alike.
 */
export const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Thousands grouped with dots, as Indonesian writes them; exact for every safe integer. */
export const grouped = (n: number) => `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

export const rupiah = (n: number | null | undefined) => (n == null ? '-' : `${n < 0 ? '-' : ''}Rp${grouped(Math.abs(n))}`);

/** A percent with a decimal comma and at most two decimals: 37.25 -> "37,25%". */
export const percent = (n: number | null | undefined) => (n == null ? '-' : `${String(Math.round(n * 100) / 100).replace('.', ',')}%`);

/** A score or a raw figure with its decimals: 66.667 -> "66,667", 1234.5 -> "1.234,5". */
export const decimal = (n: number) => {
  const [whole, fraction] = String(n).split('.');
  return fraction ? `${grouped(Number(whole))},${fraction}` : grouped(n);
};

/** 'YYYY-MM' as "Maret 2026". */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** 'YYYY-MM-DD' (a local date) as "2 Maret 2026". */
export const dateName = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** An instant as "2 Maret 2026 10.15" in the Pemda's time zone. */
export function dateTime(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${dateName(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour').replace('24', '00')}.${get('minute')}`;
}

/** Indonesia's three zones by their everyday names. */
export const ZONE_NAME: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export const STATUS_LABEL: Record<string, string> = {
  ON_TRACK: 'Sesuai target',
  AT_RISK: 'Berisiko',
  BELOW: 'Di bawah target',
  NOT_ASSESSABLE: 'Belum dapat dinilai',
};

export const ORDER_STATUS: Record<string, string> = {
  DRAFT: 'Draf', SUBMITTED: 'Diajukan', APPROVED: 'Disetujui PPK', ACCEPTED: 'Diterima penyedia', REJECTED: 'Ditolak penyedia', SHIPPED: 'Dikirim',
  RECEIVED: 'Diterima (BAST)', PAID: 'Dibayar', COMPLETED: 'Selesai', CANCELLED: 'Dibatalkan',
};

/** Where a draft's price negotiation stands (none: no entry). */
export const NEGOTIATION_STATUS: Record<string, string> = {
  PROPOSED: 'harga diusulkan PP, menunggu jawaban penyedia', ACCEPTED: 'usulan harga diterima penyedia', COUNTERED: 'penyedia menawar balik',
};

export const BUSINESS_SCALE: Record<string, string> = { MIKRO: 'Usaha mikro', KECIL: 'Usaha kecil', MENENGAH: 'Usaha menengah', BESAR: 'Usaha besar' };

export const VENDOR_STATUS: Record<string, string> = { PENDING: 'Menunggu verifikasi', VERIFIED: 'Terverifikasi', REJECTED: 'Ditolak', SUSPENDED: 'Dibekukan' };

export const PRODUCT_STATUS: Record<string, string> = {
  DRAFT: 'Draf', SUBMITTED: 'Menunggu kurasi', PUBLISHED: 'Tayang', REJECTED: 'Ditolak', SUSPENDED: 'Dibekukan', ARCHIVED: 'Diarsipkan',
};

export const AWARD_COMPONENT: Record<string, string> = {
  CATALOGUE_SPEND: 'Nilai belanja katalog',
  UMKK_SHARE: 'Capaian UMK-K thd pagu',
  TRANSACTIONS: 'Jumlah transaksi',
  ADOPTION: 'Porsi katalog thd belanja',
  PAYMENT_TIMELINESS: 'Ketepatan pembayaran',
  ASN_COMPLIANCE: 'Kepatuhan belanja ASN',
};

export const PAYMENT_METHOD: Record<string, string> = { TRANSFER: 'Transfer bank', COD: 'Bayar di tempat (COD)', KKPD: 'Kartu Kredit Pemerintah Daerah', QRIS: 'QRIS' };

/** A code's Indonesian label, or the code itself where a table does not know it (so nothing is silently blank). */
export const ASN_MONTH_STATUS: Record<string, string> = { MET: 'Memenuhi', NOT_MET: 'Tidak memenuhi', LATE: 'Terlambat', EXEMPT: 'Dikecualikan', NOT_DUE: 'Belum jatuh tempo' };

/** A file asked for with requestOrdersExport, as the reports page shows it. */
export const EXPORT_JOB_STATUS: Record<string, string> = { QUEUED: 'Menunggu giliran', RUNNING: 'Sedang dibuat', DONE: 'Siap diunduh', FAILED: 'Gagal' };

export const ASN_REPORT_STATUS: Record<string, string> = { COUNTED: 'Dihitung', LATE: 'Terlambat', NOT_COUNTED: 'Tidak dihitung', REJECTED: 'Ditolak' };

export const label = (table: Record<string, string>, code: string | null | undefined) => (code == null ? '' : (table[code] ?? code));

/** What each audited change is called, by subject: an order's timeline, a vendor's history and BPBJ's audit log read it. */
/** What an audit log entry is about, in the order BPBJ's audit page offers them as filters. */
export const AUDIT_SUBJECT = {
  VENDOR: 'Penyedia', PRODUCT: 'Produk', ORDER: 'Paket', ASN_ORDER: 'Pembelian ASN', EXTERNAL_SPEND: 'Belanja luar katalog', SPEND_PERIOD: 'Penutupan periode',
  CALENDAR: 'Hari libur', ACCOUNT: 'Akun pegawai', ASN_REPORT: 'Laporan ASN', PEMDA: 'Data Pemda',
} as const;

export const AUDIT_ACTION: Record<string, Record<string, string>> = {
  ORDER: {
    CREATED: 'Paket dibuat', SHIPPING_COST_SET: 'Ongkos kirim ditetapkan', PRICES_PROPOSED: 'Harga diusulkan', NEGOTIATION_ACCEPTED: 'Usulan harga diterima',
    NEGOTIATION_COUNTERED: 'Penyedia menawar balik', SUBMITTED: 'Diajukan', APPROVED: 'Disetujui PPK', ACCEPTED: 'Diterima penyedia', REJECTED: 'Ditolak penyedia',
    SHIPPED: 'Dikirim', RECEIVED: 'Diterima, BAST dibuat', PAID: 'Pembayaran dicatat', PAYMENT_CONFIRMED: 'Penyedia mengonfirmasi dana diterima', COMPLETED: 'Selesai',
    CANCELLED: 'Dibatalkan', EXPIRED: 'Dibatalkan: tidak direspons',
  },
  VENDOR: {
    REGISTERED: 'Mendaftar', VERIFIED: 'Diverifikasi', REJECTED: 'Ditolak', SUSPENDED: 'Dibekukan', REINSTATED: 'Diaktifkan kembali',
    RESUBMITTED: 'Mengajukan ulang', LEGAL_DATA_CHANGED: 'NIB atau NPWP diubah', DOCUMENT_ATTACHED: 'Pindaian diunggah',
    CLASSIFICATION_CHANGE_REQUESTED: 'Mengajukan perubahan klasifikasi', CLASSIFICATION_APPROVED: 'Perubahan klasifikasi disetujui', CLASSIFICATION_REJECTED: 'Perubahan klasifikasi ditolak',
  },
  PRODUCT: {
    CREATED: 'Dibuat', SUBMITTED: 'Diajukan untuk kurasi', APPROVED: 'Ditayangkan', REJECTED: 'Ditolak', SUSPENDED: 'Dibekukan', REINSTATED: 'Ditayangkan kembali',
    ARCHIVED: 'Diarsipkan', DELETED: 'Dihapus', REVISION_SUBMITTED: 'Perubahan diajukan', REVISION_WITHDRAWN: 'Perubahan ditarik',
    REVISION_APPROVED: 'Perubahan disetujui', REVISION_REJECTED: 'Perubahan ditolak',
  },
  ASN_ORDER: { PLACED: 'Dipesan ASN', COMPLETED: 'Diserahkan dan dibayar', CANCELLED: 'Dibatalkan' },
  EXTERNAL_SPEND: { CORRECTED: 'Dikoreksi', ADJUSTED: 'Disesuaikan' },
  SPEND_PERIOD: { CLOSED: 'Periode ditutup' },
  CALENDAR: { HOLIDAY_ADDED: 'Hari libur daerah ditambahkan', HOLIDAY_REMOVED: 'Hari libur daerah dihapus' },
  ACCOUNT: { DEACTIVATED: 'Akun dinonaktifkan', REACTIVATED: 'Akun diaktifkan kembali', PASSWORD_RESET: 'Kata sandi diatur ulang' },
  ASN_REPORT: { REJECTED: 'Laporan ASN ditolak' },
  PEMDA: { CORRECTED: 'Data Pemda dikoreksi admin platform' },
};
export const auditAction = (subject: string, action: string) => AUDIT_ACTION[subject]?.[action] ?? action;
/** A state on the audit log as its subject's pages name it ("Tayang", not PUBLISHED); other subjects record their own words. */
export const auditStatus = (subject: string, status: string) =>
  label({ ORDER: ORDER_STATUS, VENDOR: VENDOR_STATUS, PRODUCT: PRODUCT_STATUS, ACCOUNT: ACCOUNT_STATUS, ASN_REPORT: ASN_REPORT_STATUS }[subject] ?? {}, status);

export const ACCOUNT_STATUS: Record<string, string> = { ACTIVE: 'Aktif', INACTIVE: 'Nonaktif' };

/** Who took an audited step, by the role on the record; no role is the platform's own job. */
export const ACTOR_ROLE: Record<string, string> = {
  PP: 'PP', PPK: 'PPK', VENDOR: 'penyedia', BPBJ: 'BPBJ', ASN: 'ASN', KEPALA_OPD: 'kepala OPD', PLATFORM_ADMIN: 'admin platform',
};
/** An account's role as its holder's title reads (the accounts page of BPBJ). */
export const ROLE_NAME: Record<string, string> = {
  PP: 'Pejabat Pengadaan (PP)', PPK: 'Pejabat Pembuat Komitmen (PPK)', KEPALA_OPD: 'Kepala OPD', ASN: 'ASN', BPBJ: 'BPBJ', VENDOR: 'Penyedia', PLATFORM_ADMIN: 'Admin platform',
};
export const actorName = (role: string | null | undefined) => (role ? (ACTOR_ROLE[role] ?? role) : 'sistem');
