import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { recurringJobs } from '../../server/jobs/recurring-jobs.js';
import { Scheduler } from '../../server/jobs/scheduler.js';
import { createTestApp, type TestApp } from '../support/harness.js';
import { checkout, purchasingWorld, SUBMIT } from '../support/purchasing.js';

// `npm run worker` needs the server database (the embedded one lives inside a single process).
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

onServer('a worker process killed in the middle of a job (PostgreSQL server)', () => {
  let t: TestApp;
  let worker: ChildProcess | null = null;
  let locker: pg.Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { JWT_SECRET: 'one secret for both processes'.padEnd(40, '.') } });
    locker = new pg.Client({ connectionString: t.db.url! });
    await locker.connect();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await locker.end();
    await t.close();
  });

  const audits = (orderId: string) =>
    t.em().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from audit_log where subject_id = ? and action = 'EXPIRED'`, [orderId]).then(([r]) => r.n);
  const notices = (orderId: string) =>
    t.em().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from notification where link = ? and kind = 'ORDER_STEP'`, [`/pesanan/${orderId}`]).then(([r]) => r.n);

  it('leaves what it had not committed to the next period, which another process runs: every order expires once', async () => {
    // Three orders left unanswered, a minute apart, long before today (the worker runs on the real clock).
    const w = await purchasingWorld(t);
    const orders: string[] = [];
    for (const name of ['Apel Pertama', 'Apel Kedua', 'Apel Ketiga']) {
      const product = await w.product(w.vendorA, { name, price: 10_000 });
      const [order] = await checkout(t, w, [[product, 1]]);
      expect((await t.exec(SUBMIT, { id: order.id }, { token: w.pp })).errors).toBeUndefined();
      orders.push(order.id);
      t.clock.advance(60_000);
    }
    // The second order is held by another transaction, so the worker's expiry run stops there, mid-job.
    await locker.query('begin');
    await locker.query('select id from purchase_order where id = $1 for update', [orders[1]]);

    execFileSync(process.execPath, ['server/build-if-stale.mjs'], { stdio: 'ignore' });
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', DATABASE_URL: t.db.url!, SEED_DEMO: 'false' };
    worker = spawn(process.execPath, ['dist/server/main.js', '--worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    worker.stdout!.on('data', (chunk) => (output += chunk));
    worker.stderr!.on('data', (chunk) => (output += chunk));
    const database = new URL(t.db.url!).pathname.slice(1);
    for (let waited = 0; ; waited += 100) {
      // Not on the locker's connection: inside its transaction pg_stat_activity is a snapshot taken at first read.
      const [waiting] = await t.em().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where datname = ? and wait_event_type = 'Lock'`, [database]);
      if (waiting.n > 0) break;
      if (waited > 60_000 || worker.exitCode !== null) throw new Error(`the worker never reached the held order:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await audits(orders[0])).toBe(1); // committed before the held order: it stays done

    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    await locker.query('rollback');
    const [claimed] = await t.em().getConnection().execute<{ runs: number; last_finished_at: Date | null; next_run_at: Date }[]>(
      `select runs, last_finished_at, next_run_at from job_schedule where name = 'expire-orders'`,
    );
    expect(claimed.runs).toBe(1);
    expect(claimed.last_finished_at).toBeNull(); // claimed, never finished

    // The next period, on this process.
    t.clock.current = new Date(new Date(claimed.next_run_at).getTime() + 1_000);
    const scheduler = new Scheduler(() => t.em() as EntityManager, recurringJobs(t.app, t.config, () => t.em() as EntityManager), t.clock.now);
    expect(await scheduler.tick()).toContain('expire-orders');
    for (const order of orders) {
      expect(await audits(order)).toBe(1);
      expect(await notices(order)).toBe(2); // the vendor and the PP, once each
    }
  }, 180_000);
});
