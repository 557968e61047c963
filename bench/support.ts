import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { createOrm, describeDatabase, migrate } from '../server/database/orm.js';
import { log } from '../server/observability/log.js';

// A benchmark prints its figures; the servers it starts log only warnings unless LOG_LEVEL says otherwise.
log.level = process.env.LOG_LEVEL ?? 'warn';

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(1);
  }
  return value;
}

/**
 * A fresh, migrated database for a benchmark: a new database on DATABASE_URL's server (dropped afterwards),
 * or an in-memory PGlite. Benchmarks never touch the data of `npm start`. `--reuse <database>` takes one an earlier
 * `--keep` left on that server instead, migrated to the current code and kept (`reused`: the caller skips generating).
 */
export async function benchDatabase(name: string, options: { onQuery?: (sql: string) => void } = {}): Promise<{ orm: MikroORM; em: () => EntityManager; label: string; url: string | null; reused: boolean; dispose: () => Promise<void> }> {
  // The npm scripts run benchmarks with NODE_ENV=production, as the server is deployed (graphql-js checks more per
  // field otherwise); only the database is read from this configuration.
  const config = loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET ?? 'b'.repeat(40), PGLITE_DATA_DIR: 'memory' });
  let url: string | null = null;
  let drop = async () => {};
  const reuse = process.argv.includes('--reuse') ? process.argv[process.argv.indexOf('--reuse') + 1] : null;
  if (reuse && config.databaseUrl) {
    const parsed = new URL(config.databaseUrl);
    parsed.pathname = `/${reuse}`;
    url = parsed.toString();
  } else if (config.databaseUrl) {
    const database = `katalog_bench_${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: config.databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`create database "${database}"`);
    await admin.end();
    const parsed = new URL(config.databaseUrl);
    parsed.pathname = `/${database}`;
    url = parsed.toString();
    // `--keep` leaves the database behind for EXPLAIN ANALYZE; drop it by hand afterwards.
    if (process.argv.includes('--keep')) console.log(`  --keep: database ${database} will be kept`);
    else drop = async () => {
      const client = new pg.Client({ connectionString: config.databaseUrl! });
      await client.connect();
      await client.query(`drop database if exists "${database}" with (force)`);
      await client.end();
    };
  }
  const orm = await createOrm({ databaseUrl: url, pgliteDataDir: null, logQueries: false }, options);
  await migrate(orm);
  return {
    orm,
    em: () => orm.em.fork() as EntityManager,
    url,
    reused: Boolean(reuse && url),
    label: url ? describeDatabase({ databaseUrl: url, pgliteDataDir: null, logQueries: false }) : 'embedded PostgreSQL (PGlite) in memory',
    async dispose() {
      await orm.close(true);
      await drop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(label: string, samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const stats = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
  console.log(`${label.padEnd(34)} p50 ${stats.p50.toFixed(1).padStart(7)} ms   p95 ${stats.p95.toFixed(1).padStart(7)} ms   max ${stats.max.toFixed(1).padStart(7)} ms   (n=${samples.length})`);
  return stats;
}

export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

export const uuid = randomUUID;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts a node script as its own process on a free port (PORT in its environment) and waits until `ready` answers. */
export async function startProcess(script: string, env: Record<string, string>, ready = '/readyz'): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the processes a benchmark starts.
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...extra, script], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}${ready}`).then((r) => r.ok, () => false)) return { base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${script} did not become ready`);
}

/** A real server process on a benchmark's database, in production mode, without allowances or demo seeding. */
export const startServer = (databaseUrl: string, jobs: boolean, env: Record<string, string> = {}) =>
  startProcess('dist/server/main.js', { DATABASE_URL: databaseUrl, NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), RATE_LIMITS: 'false', SEED_DEMO: 'false', JOBS: String(jobs), LOG_LEVEL: 'warn', ...env });

/** Closed-loop load: `concurrency` clients send requests back to back for `seconds`; throughput and latency. */
export async function closedLoop(seconds: number, concurrency: number, request: (n: number) => Promise<unknown>): Promise<{ rps: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const ends = Date.now() + seconds * 1000;
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < ends) {
      const started = performance.now();
      await request(next++);
      latencies.push(performance.now() - started);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
