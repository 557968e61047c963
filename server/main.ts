import type { EntityManager } from '@mikro-orm/postgresql';
import { demoSnapshotFor } from '../seeds/demo-snapshot.js';
import { configOrExit } from './bootstrap.js';
import { startEmbeddedDatabase } from './database/pglite-thread-client.js';
import type { RunningServer } from './http/http-server.js';
import { log } from './observability/log.js';

const config = configOrExit();
// `npm run worker` runs the jobs without serving HTTP (a second process on the server database).
const workerOnly = process.argv.includes('--worker');
if (workerOnly && !config.databaseUrl) {
  // The embedded database lives inside one process: a second one cannot open it.
  log.error('npm run worker needs DATABASE_URL (a PostgreSQL server); with the embedded database, npm start runs the jobs itself.');
  process.exit(1);
}
const started = Date.now();
const demoDay = new Date();
// A first start on the embedded database loads the demo year made at install, when it is still today's (seeds/demo-snapshot.ts).
const snapshot = workerOnly ? null : demoSnapshotFor(config, demoDay);
// The embedded database boots in its own thread (about a second) while this one loads the server's modules (about as
// long): they are imported only now, so that the two run side by side.
const embedded = config.databaseUrl ? undefined : startEmbeddedDatabase(config.pgliteDataDir, snapshot?.archive);
const [{ seedDemo, DEMO_PASSWORD }, { DEMO_YEAR, seedDemoYears }, { createApp }, { createOrm, describeDatabase, migrate }, { startHttpServer }, { recurringJobs }, { Scheduler }, { Pemda }] =
  await Promise.all([
    import('../seeds/demo.js'), import('../seeds/year.js'), import('./app.js'), import('./database/orm.js'), import('./http/http-server.js'),
    import('./jobs/recurring-jobs.js'), import('./jobs/scheduler.js'), import('./pemda/pemda.entity.js'),
  ]);
const orm = await createOrm(config, { embedded });
if (snapshot) {
  log.info({ accounts: snapshot.meta.accounts.map((a) => `${a.role} ${a.email} (${a.scope})`) },
    `Demo: loaded the demo year made at ${snapshot.meta.madeAt} (npm install or npm run demo:snapshot). Demo accounts, password "${DEMO_PASSWORD}"`);
}
const applied = await migrate(orm);
if (applied.length) log.info(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);

const em = orm.em.fork() as EntityManager;
const app = await createApp(config, orm);
const freshDemo = config.seedDemo && !workerOnly && (await em.count(Pemda)) === 0;
if (freshDemo) {
  const accounts = await seedDemo(em, { today: demoDay });
  await em.getConnection().execute('analyze'); // fresh tables have no statistics: plan from the seeded rows
  log.info({ accounts: accounts.map((a) => `${a.role} ${a.email} (${a.scope})`) }, `Loaded the demo catalogue. Demo accounts, password "${DEMO_PASSWORD}"`);
}

const scheduler = new Scheduler(() => orm.em.fork() as EntityManager, recurringJobs(app, config, () => orm.em.fork() as EntityManager), app.now, (line) => log.info(`Jobs: ${line}`));

// Installed before the server listens: a signal that arrives once it answers must find the drain in place, not
// Node's default, which would kill the process with the embedded database open.
let server: RunningServer | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info(`${signal}: finishing in-flight requests, then closing the database...`);
    const force = setTimeout(() => {
      log.error('Shutdown took longer than 10 s; exiting.');
      process.exit(1);
    }, 10_000);
    force.unref();
    // With no server to drain (a worker, or a signal before listening), the database closes once the jobs have stopped.
    Promise.all([scheduler.stop(), server?.close()]).then(() => (server ? undefined : orm.close())).then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  });
}

server = workerOnly ? null : await startHttpServer(app);
if (server) log.info(`Katalog Lokal GraphQL API on ${server.url} (${describeDatabase(config)}), ready in ${Date.now() - started} ms`);
else log.info(`Katalog Lokal worker on ${describeDatabase(config)}: running the background jobs, no HTTP.`);

// The demo year (January to today) is made through the order services, a few hundred orders step by step: it runs
// while the server already answers, and the figures fill in month by month.
const demoYear = freshDemo ? buildDemoYear() : Promise.resolve();
async function buildDemoYear() {
  const began = Date.now();
  log.info('Demo: building the year so far through the services (about a minute; the server answers meanwhile)...');
  try {
    await seedDemoYears({ services: app.services, config, em: () => orm.em.fork() as EntityManager }, demoDay, DEMO_YEAR, (stage, detail) => log.info(`demo ${stage}: ${detail}`));
    await orm.em.fork().getConnection().execute('analyze');
    log.info(`Demo: the year is ready (${((Date.now() - began) / 1000).toFixed(1)} s).`);
  } catch (error) {
    log.error({ err: error }, 'Demo: the year could not be completed; remove the data folder to start over.');
  }
}

// Background jobs (order expiry, mail, search outbox, ledger, allowances) run once per period across every process on
// the database (server/jobs). They start after the demo year, whose orders move on historical dates.
if (config.jobs) {
  await scheduler.register();
  void demoYear.then(() => scheduler.start());
}
if (app.services.search.meilisearch) log.info(`Search: Meilisearch at ${config.meiliHost}, kept in step by the outbox (run npm run reindex once after switching).`);
