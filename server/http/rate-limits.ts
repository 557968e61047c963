/**
 * Per-minute allowances kept in PostgreSQL (table `rate_limit`), so every server process on one database draws from
 * the same counts. rate-limiter-flexible does the arithmetic; its rows are written through the ORM's connection, so
 * the embedded database and the server behave alike.
 */
import type { Connection } from '@mikro-orm/core';
import rateLimiterFlexible from 'rate-limiter-flexible';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { RequestContext } from '../context.js';
import { DEFAULT_UPLOAD_DAILY_BYTES } from '../config.js';
import { AppError } from '../errors.js';
import type { OperationCost } from './request-limits.js';

const { RateLimiterPostgres } = rateLimiterFlexible;

export const RATE_LIMITS = {
  /** Cost points a minute per address for callers that are not signed in (the public pages). */
  anonymousCostPerMinute: 20_000,
  /** Weight of expensive fields (recaps, exports, award computation) a minute per account. */
  expensivePerMinute: 5_000,
  /** Vendor registrations an hour per address: enough for a registration day at one office, not for a script. */
  registrationsPerHour: 20,
} as const;

/**
 * The client rate-limiter-flexible expects (`query({ text, values })` answering `{ rows, rowCount }`), over a
 * MikroORM connection: its `$n` placeholders become knex's `?`.
 */
function storeClient(connection: () => Connection) {
  return {
    async query({ text, values = [] }: { text: string; values?: unknown[] }) {
      const bindings: unknown[] = [];
      const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
        bindings.push(values[Number(n) - 1]);
        return '?';
      });
      if (/^\s*delete/i.test(sql)) {
        const result = await connection().execute<{ affectedRows: number }>(sql, bindings, 'run');
        return { rows: [], rowCount: result.affectedRows };
      }
      const rows = await connection().execute<unknown[]>(sql, bindings, 'all');
      return { rows, rowCount: rows.length };
    },
  };
}

const rateLimited = (msBeforeNext: number, message = (seconds: number) => `Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.`) => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', message(seconds), {
    retryAfterSeconds: seconds,
    http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
  });
};

export class RateLimits {
  private readonly anonymous: RateLimiterAbstract;
  private readonly expensive: RateLimiterAbstract;
  private readonly registrations: RateLimiterAbstract;
  private readonly uploadBytes: RateLimiterAbstract;

  constructor(
    connection: () => Connection,
    private readonly enabled = true,
    private readonly uploadDailyBytes = DEFAULT_UPLOAD_DAILY_BYTES,
  ) {
    const common = { storeClient: storeClient(connection), storeType: 'pool', tableName: 'rate_limit', tableCreated: true, clearExpiredByTimeout: false };
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      // Once a key is spent, this process refuses it from memory until the window ends: a flood costs no writes.
      new RateLimiterPostgres({ ...common, keyPrefix, points, duration, inMemoryBlockOnConsumed: points, inMemoryBlockDuration: duration });
    this.anonymous = limiter('anon', RATE_LIMITS.anonymousCostPerMinute, 60);
    this.expensive = limiter('heavy', RATE_LIMITS.expensivePerMinute, 60);
    this.registrations = limiter('register', RATE_LIMITS.registrationsPerHour, 3600);
    this.uploadBytes = limiter('upload', uploadDailyBytes, 24 * 3600);
  }

  /** Draws an operation's cost from the caller's allowance, or refuses it with RATE_LIMITED. */
  async draw(ctx: Pick<RequestContext, 'actor' | 'clientIp'>, { cost, expensive }: OperationCost): Promise<void> {
    if (!this.enabled) return;
    if (!ctx.actor) await consume(this.anonymous, `ip:${ctx.clientIp}`, Math.max(1, cost));
    else if (expensive > 0) await consume(this.expensive, `user:${ctx.actor.userId}`, expensive);
  }

  /** One vendor registration attempt from the caller's address. */
  async registration(ctx: RequestContext): Promise<void> {
    if (!this.enabled) return;
    await consume(this.registrations, `ip:${ctx.clientIp}`, 1);
  }

  /**
   * An upload's bytes, as received, from the account's daily allowance: every file is within UPLOAD_MAX_BYTES, and
   * this keeps one account from filling the disk (or the bucket) with many of them.
   */
  async upload(ctx: RequestContext, bytes: number): Promise<void> {
    if (!this.enabled || !ctx.actor) return;
    const daily = this.uploadDailyBytes >= 1024 ** 2 ? `${Math.floor(this.uploadDailyBytes / 1024 ** 2)} MB` : `${Math.floor(this.uploadDailyBytes / 1024)} KB`;
    await consume(this.uploadBytes, `user:${ctx.actor.userId}`, Math.max(1, bytes), (seconds) =>
      `Batas unggahan akun Anda (${daily} sehari) sudah tercapai; coba lagi dalam ${Math.ceil(seconds / 3600)} jam.`);
  }

  /** Deletes expired allowances; run by the housekeeping timer. */
  static async clearExpired(connection: Connection, now = Date.now()): Promise<void> {
    await connection.execute('delete from rate_limit where expire < ?', [now], 'run');
  }
}

async function consume(limiter: RateLimiterAbstract, key: string, points: number, message?: (seconds: number) => string): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (refusal) {
    if (refusal instanceof Error) throw refusal; // the database failed: not the caller's fault, not a refusal
    throw rateLimited((refusal as RateLimiterRes).msBeforeNext, message);
  }
}
