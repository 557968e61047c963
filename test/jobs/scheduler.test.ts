import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp, type App } from '../../server/app.js';
import { createOrm } from '../../server/database/orm.js';
import { recurringJobs } from '../../server/jobs/recurring-jobs.js';
import { Scheduler, type RecurringJob } from '../../server/jobs/scheduler.js';
import { createTestApp, type TestApp } from '../support/harness.js';
import { checkout, purchasingWorld, SUBMIT } from '../support/purchasing.js';

/**
 * Two processes on one database: this test's app and a second app with its own connection pool (on the server
 * database; on the embedded one they share its single connection). Each runs its own scheduler on the same clock.
 */
describe('background jobs run once per period across processes', () => {
  let t: TestApp;
  let second: { app: App; em: () => EntityManager; close(): Promise<void> };

  beforeAll(async () => {
    t = await createTestApp();
    const orm = t.db.url ? await createOrm({ databaseUrl: t.db.url, pgliteDataDir: null, logQueries: false, statementTimeoutMs: t.config.statementTimeoutMs }) : t.db.orm;
    const app = await createApp(t.config, orm, { now: t.clock.now });
    second = { app, em: () => orm.em.fork() as EntityManager, close: async () => void (t.db.url && (await orm.close())) };
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const both = (jobsA: RecurringJob[], jobsB: RecurringJob[]) => [
    new Scheduler(() => t.em() as EntityManager, jobsA, t.clock.now),
    new Scheduler(second.em, jobsB, t.clock.now),
  ];
  const tickTogether = async (schedulers: Scheduler[], times = 5) => {
    const ran: string[] = [];
    for (let i = 0; i < times; i++) ran.push(...(await Promise.all(schedulers.map((s) => s.tick()))).flat());
    return ran;
  };

  it('a job due once runs once, whichever process claims it, and again only in the next period', async () => {
    const runs: string[] = [];
    const job = (who: string): RecurringJob => ({ name: 'count-test', everyMs: 60_000, run: async () => void runs.push(who) });
    const schedulers = both([job('A')], [job('B')]);
    await schedulers[0].register();
    await schedulers[1].register();
    expect(await tickTogether(schedulers)).toEqual(['count-test']);
    expect(runs).toHaveLength(1);
    t.clock.current = new Date(t.clock.current.getTime() + 59_000);
    expect(await tickTogether(schedulers)).toEqual([]);
    t.clock.current = new Date(t.clock.current.getTime() + 1_000);
    expect(await tickTogether(schedulers)).toEqual(['count-test']);
    expect(runs).toHaveLength(2);
    const [row] = await t.em().getConnection().execute<{ runs: number; failures: number }[]>(`select runs, failures from job_schedule where name = 'count-test'`);
    expect(row).toEqual({ runs: 2, failures: 0 });
  });

  it('an order due to expire expires once, with one audit entry and one notification each, when both processes run the job', async () => {
    const w = await purchasingWorld(t);
    const product = await w.product(w.vendorA, { name: 'Apel Tak Dijawab', price: 10_000 });
    const [order] = await checkout(t, w, [[product, 1]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    t.clock.current = new Date(t.clock.current.getTime() + 10 * 86_400_000); // well past 3 working days
    const schedulers = both(recurringJobs(t.app, t.config, () => t.em() as EntityManager), recurringJobs(second.app, t.config, second.em));
    await schedulers[0].register();
    expect((await tickTogether(schedulers)).filter((name) => name === 'expire-orders')).toHaveLength(1);
    const connection = t.em().getConnection();
    const audits = await connection.execute(`select action from audit_log where subject_id = ? and action = 'EXPIRED'`, [order.id]);
    expect(audits).toHaveLength(1);
    const notices = await connection.execute<{ kind: string }[]>(`select kind from notification where link = ? and kind = 'ORDER_STEP'`, [`/pesanan/${order.id}`]);
    expect(notices).toHaveLength(2); // the vendor and the PP, once each
  });

  it('a failing run is recorded and the job runs again next period; a run lost with its process is the next period\'s work', async () => {
    let calls = 0;
    const flaky: RecurringJob = { name: 'flaky-test', everyMs: 60_000, run: async () => { if (++calls === 1) throw new Error('SMTP tidak menjawab'); } };
    const [a, b] = both([flaky], [flaky]);
    await a.register();
    await tickTogether([a, b]);
    const [failed] = await t.em().getConnection().execute<{ last_error: string; failures: number }[]>(`select last_error, failures from job_schedule where name = 'flaky-test'`);
    expect(failed).toEqual({ last_error: 'SMTP tidak menjawab', failures: 1 });
    // A process that claimed a run and died never finishes it: the row only says it started. The next period runs.
    await t.em().getConnection().execute(`update job_schedule set next_run_at = ?, last_started_at = ? where name = 'flaky-test'`, [new Date(t.clock.current.getTime() + 60_000), t.clock.current]);
    t.clock.current = new Date(t.clock.current.getTime() + 60_000);
    expect(await tickTogether([a, b])).toEqual(['flaky-test']);
    const [recovered] = await t.em().getConnection().execute<{ last_error: string | null; runs: number }[]>(`select last_error, runs from job_schedule where name = 'flaky-test'`);
    expect(recovered).toEqual({ last_error: null, runs: 2 });
  });

  it('the embedded database, which has no autovacuum, has its rollups vacuumed and is analyzed every hour; a server PostgreSQL is left to its own', async () => {
    const embedded = recurringJobs(t.app, { ...t.config, databaseUrl: null }, () => t.em() as EntityManager).find((j) => j.name === 'analyze-embedded');
    expect(embedded).toEqual(expect.objectContaining({ everyMs: 3600_000, firstAfterMs: 3600_000 })); // start-up analyzes already
    expect(recurringJobs(t.app, { ...t.config, databaseUrl: 'postgres://db/katalog' }, () => t.em() as EntityManager).map((j) => j.name)).not.toContain('analyze-embedded');
    t.queries.length = 0;
    await embedded!.run();
    // The rollups every order step and payment updates in place are vacuumed (PGlite has no autovacuum to do it).
    expect(t.queries.find((q) => q.includes('vacuum'))).toMatch(/vacuum spend_rollup, vendor_spend_rollup, payment_delay_rollup, search_facet_count, document_counter/);
    const [opd] = await t.em().getConnection().execute<{ reltuples: number }[]>(`select reltuples from pg_class where relname = 'opd'`);
    expect(Number(opd.reltuples)).toBeGreaterThan(0); // statistics now exist for the seeded OPDs
  });
});
