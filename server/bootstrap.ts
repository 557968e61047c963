import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

/** Reads the configuration or stops the process with one line naming the bad variable. */
export function configOrExit(): AppConfig {
  try {
    return withSigningSecret(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Where a generated signing secret is kept: beside the embedded database, never in the repository. */
export function secretFile(config: Pick<AppConfig, 'pgliteDataDir'>): string {
  return join(dirname(config.pgliteDataDir ?? './data/pglite'), 'jwt-secret');
}

/**
 * Without JWT_SECRET (development), the first start makes a random secret and keeps it in a file readable by the
 * owner only, so tokens survive a restart and no secret printed anywhere signs a valid token. Production refuses to
 * start without JWT_SECRET (config.ts).
 */
export function withSigningSecret(config: AppConfig): AppConfig {
  if (config.jwtSecret) return config;
  const file = secretFile(config);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
      console.log(`Generated a token-signing secret in ${file} (set JWT_SECRET to choose your own).`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
  return { ...config, jwtSecret: readFileSync(file, 'utf8').trim() };
}
