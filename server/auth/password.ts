import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): well under 100 ms here, slow enough to hurt a stolen hash table.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unreadable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 8;

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
