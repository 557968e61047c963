import { isIsoDate } from '../calendar/time-zone.js';

export interface NipParts {
  birthDate: string;
  appointmentMonth: string;
  gender: 'L' | 'P';
  sequence: string;
}

/**
 * NIP (Nomor Induk Pegawai), 18 digits: birth date YYYYMMDD, appointment YYYYMM, gender digit (1 male, 2 female),
 * and a 3-digit sequence. Returns the parts, or the reason it is not a valid NIP.
 */
export function parseNip(nip: string): NipParts | string {
  if (!/^\d{18}$/.test(nip)) return 'NIP harus 18 digit angka.';
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isIsoDate(birthDate)) return 'Tanggal lahir pada NIP (digit 1-8) bukan tanggal yang ada.';
  const year = Number(nip.slice(8, 12));
  const month = Number(nip.slice(12, 14));
  if (month < 1 || month > 12) return 'Bulan pengangkatan pada NIP (digit 13-14) harus 01-12.';
  if (year < Number(nip.slice(0, 4)) + 17) return 'Tahun pengangkatan pada NIP tidak masuk akal (kurang dari 17 tahun setelah lahir).';
  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') return 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2.';
  return { birthDate, appointmentMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`, gender: genderDigit === '1' ? 'L' : 'P', sequence: nip.slice(15) };
}
