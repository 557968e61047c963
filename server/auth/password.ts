import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): well under 100 ms here, slow enough to hurt a stolen hash table.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unreadable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 8;
/** NIST SP 800-63B asks for at least 64; more only feeds argon2 work nobody needs. */
export const MAX_PASSWORD_LENGTH = 128;

let common: Promise<Set<string>> | undefined;
/**
 * The 49,000 most common passwords (zxcvbn-ts's list, from public breach corpora), lower-cased; read with the first
 * password set, not at every start (about 60 ms).
 */
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))));

/**
 * Why a new password is refused, or null when it is acceptable: a length range, no control characters, not mostly
 * one character, not one of the common passwords, and not the account's own email or name.
 */
export async function passwordProblem(password: string | null | undefined, personal: (string | null | undefined)[] = []): Promise<string | null> {
  const value = password ?? '';
  const length = [...value].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    return `Kata sandi ${MIN_PASSWORD_LENGTH} sampai ${MAX_PASSWORD_LENGTH} karakter.`;
  }
  if (/\p{Cc}/u.test(value)) return 'Kata sandi tidak boleh berisi karakter kontrol.';
  if (new Set(value.replace(/\s/g, '')).size < 4) return 'Kata sandi terlalu sederhana: pakai paling sedikit 4 karakter berbeda.';
  const lower = value.toLowerCase();
  if ((await commonPasswords()).has(lower)) return 'Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak. Pilih yang lain.';
  // The email, its local part and each word of a name (4 letters or more): what a guesser tries first.
  const words = personal.flatMap((p) => (p ? [p, ...p.split('@')[0].split(/[\s._\-+]+/)] : []));
  for (const word of words) {
    const part = word.trim().toLowerCase();
    if (part.length >= 4 && lower.includes(part)) return 'Kata sandi tidak boleh memuat email atau nama Anda.';
  }
  return null;
}

/** The same rule as a Validation check: `new Validation().check(...(await checkNewPassword(p, [email, name])))`. */
export async function checkNewPassword(password: string | null | undefined, personal: (string | null | undefined)[] = []): Promise<[boolean, string, string]> {
  const problem = await passwordProblem(password, personal);
  return [problem === null, 'password', problem ?? ''];
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so a wrong email costs as long as a wrong password. */
export const DUMMY_HASH = await hashPassword('katalog-lokal-timing-equaliser');
