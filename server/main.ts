import type { EntityManager } from '@mikro-orm/postgresql';
import { seedDemo, DEMO_PASSWORD } from '../seeds/demo.js';
import { DEMO_YEAR, seedDemoYears } from '../seeds/year.js';
import { createApp } from './app.js';
import { configOrExit } from './bootstrap.js';
import { createOrm, describeDatabase, migrate } from './database/orm.js';
import { startHttpServer } from './http/http-server.js';
import { RateLimits } from './http/rate-limits.js';
import { Pemda } from './pemda/pemda.entity.js';
import { expireUnansweredOrders } from './purchasing/order-expiry.js';
import { mailTransport, sendDueEmails } from './notifications/mail.js';
import { compactFacetLedger } from '../search/facet-ledger.js';
import { discardOutbox, drainOutbox } from '../search/outbox.js';

const config = configOrExit();
const started = Date.now();
const orm = await createOrm(config);
const applied = await migrate(orm);
if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);

const em = orm.em.fork() as EntityManager;
const app = await createApp(config, orm);
const freshDemo = config.seedDemo && (await em.count(Pemda)) === 0;
const demoDay = new Date();
if (freshDemo) {
  const accounts = await seedDemo(em, { today: demoDay });
  await em.getConnection().execute('analyze'); // fresh tables have no statistics: plan from the seeded rows
  console.log(`Loaded the demo catalogue. Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of accounts) console.log(`  ${a.role.padEnd(14)} ${a.email.padEnd(30)} ${a.scope}`);
}

const server = await startHttpServer(app);
console.log(`Katalog Lokal GraphQL API on ${server.url} (${describeDatabase(config)}), ready in ${Date.now() - started} ms`);

// The demo year (January to today) is made through the order services, a few hundred orders step by step: it runs
// while the server already answers, and the figures fill in month by month.
const demoYear = freshDemo ? buildDemoYear() : Promise.resolve();
async function buildDemoYear() {
  const began = Date.now();
  console.log('Demo: building the year so far through the services (about a minute; the server answers meanwhile)...');
  try {
    await seedDemoYears({ services: app.services, config, em: () => orm.em.fork() as EntityManager }, demoDay, DEMO_YEAR, (stage, detail) => console.log(`  demo ${stage.padEnd(22)} ${detail}`));
    await orm.em.fork().getConnection().execute('analyze');
    console.log(`Demo: the year is ready (${((Date.now() - began) / 1000).toFixed(1)} s).`);
  } catch (error) {
    console.error('Demo: the year could not be completed; remove the data folder to start over.', error);
  }
}

// Orders a vendor leaves unanswered for 3 working days expire. Checked every 10 minutes, and once at start-up (after
// the demo year, whose orders move on historical dates).
const expireOrders = () =>
  expireUnansweredOrders(app.systemContext(), app.services.order).then(
    (ids) => ids.length && console.log(`Expired ${ids.length} unanswered order(s): tidak direspons`),
    (error) => console.error('Order expiry failed:', error),
  );
void demoYear.then(expireOrders);
const expiryTimer = setInterval(expireOrders, 10 * 60 * 1000);

// Notification emails: sent from the outbox every 15 seconds when an SMTP server is configured.
const mailer = mailTransport(config);
const sendMail = () =>
  mailer && sendDueEmails(orm.em.fork() as EntityManager, mailer, config, new Date()).then(
    ({ failed }) => failed && console.warn(`Mail: ${failed} notification(s) will be retried`),
    (error) => console.warn('Mail: will retry;', (error as Error).message),
  );
const mailTimer = setInterval(sendMail, 15_000);

// The search outbox: drained to Meilisearch every 2 seconds when it is configured (PostgreSQL search needs no sync).
const meili = app.services.search.meilisearch;
let draining = false;
const drainSearch = async () => {
  if (draining) return;
  draining = true;
  try {
    const em = orm.em.fork() as EntityManager;
    if (!meili) await discardOutbox(em);
    else while ((await drainOutbox(em, meili)).synced > 0);
  } catch (error) {
    console.warn('Search outbox: will retry;', (error as Error).message);
  } finally {
    draining = false;
  }
};
const searchTimer = setInterval(drainSearch, meili ? 2_000 : 60_000);
// The facet ledger grows by a row or two per catalogue change; fold it every minute (counts are exact either way).
const compactFacets = () => compactFacetLedger(orm.em.fork() as EntityManager).catch((error) => console.warn('Search facet ledger: will retry;', error.message));
// Spent request allowances are kept until they expire; sweep them every ten minutes.
const sweepAllowances = () => RateLimits.clearExpired(orm.em.fork().getConnection()).catch((error) => console.warn('Rate limits: will retry;', error.message));
const ledgerTimer = setInterval(compactFacets, 60_000);
const allowanceTimer = setInterval(sweepAllowances, 10 * 60_000);
if (meili) console.log(`Search: Meilisearch at ${config.meiliHost}, kept in step by the outbox (run npm run reindex once after switching).`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(expiryTimer);
    clearInterval(searchTimer);
    clearInterval(ledgerTimer);
    clearInterval(allowanceTimer);
    clearInterval(mailTimer);
    console.log(`${signal}: finishing in-flight requests, then closing the database...`);
    const force = setTimeout(() => {
      console.error('Shutdown took longer than 10 s; exiting.');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}
