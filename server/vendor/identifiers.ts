/** Indonesian business identifiers and phone numbers: validation and normal forms. */

const digitsOnly = (value: string) => value.replace(/[\s.\-]/g, '');

/** NIB (Nomor Induk Berusaha, OSS): exactly 13 digits. */
export const isNib = (value: string) => /^\d{13}$/.test(value);

/** NPWP: 15 digits (01.234.567.8-901.000) or 16 digits (NIK-based, since 2024). Dots and dashes are accepted. */
export function normaliseNpwp(value: string): string | null {
  const digits = digitsOnly(value);
  return /^\d{15,16}$/.test(digits) ? digits : null;
}

/**
 * Indonesian phone numbers to +62: "0812-3456-7890", "62 812 3456 7890" and "+6281234567890" all become
 * "+6281234567890". Landlines keep their area code ("0341 512345" -> "+62341512345").
 */
export function normalisePhone(value: string): string | null {
  const cleaned = value.replace(/[\s.\-()]/g, '');
  const national = cleaned.startsWith('+62') ? cleaned.slice(3) : cleaned.startsWith('62') ? cleaned.slice(2) : cleaned.startsWith('0') ? cleaned.slice(1) : null;
  if (national === null || !/^[1-9]\d{7,11}$/.test(national)) return null;
  return `+62${national}`;
}

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
