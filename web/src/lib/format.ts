/** How people in a Pemda read figures: "Rp105.000.000.000", "2 Maret 2026", "Maret 2026", "37,2%". */
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export const rupiah = (n: number | null | undefined) => (n == null ? '-' : `${n < 0 ? '-' : ''}Rp${Math.abs(n).toLocaleString('id-ID')}`);

export const percent = (n: number | null | undefined) => (n == null ? '-' : `${n.toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`);

/** 'YYYY-MM' as "Maret 2026". */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** 'YYYY-MM-DD' (a local date) as "2 Maret 2026". */
export const dateName = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** An instant as "2 Maret 2026 10.15" in the Pemda's time zone. */
export function dateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${dateName(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}.${get('minute')}`;
}

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
