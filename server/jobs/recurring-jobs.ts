import type { EntityManager } from '@mikro-orm/postgresql';
import { compactFacetLedger } from '../../search/facet-ledger.js';
import { discardOutbox, drainOutbox } from '../../search/outbox.js';
import type { App } from '../app.js';
import type { AppConfig } from '../config.js';
import { RateLimits } from '../http/rate-limits.js';
import type { Transporter } from 'nodemailer';
import { mailTransport, sendDueEmails } from '../notifications/mail.js';
import { expireUnansweredOrders } from '../purchasing/order-expiry.js';
import type { RecurringJob } from './scheduler.js';

/** The tables whose rows every order step, payment or catalogue change updates or replaces in place. */
const UPDATED_IN_PLACE = ['spend_rollup', 'vendor_spend_rollup', 'payment_delay_rollup', 'search_facet_count', 'document_counter'];

/** Makes up to `limit` queued export files, oldest first, each as the officer who asked; answers how many were made. */
export async function runQueuedExports(app: App, em: () => EntityManager, limit: number): Promise<number> {
  let made = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await app.services.exportJobs.runNext(em, (jobEm) => ({ ...app.systemContext(), em: jobEm }), app.now());
    if (!outcome) break;
    if (outcome === 'done') made++;
  }
  return made;
}

/** Every background task of the platform, with its period. Each is a sweep of what is due, safe to run again. */
export function recurringJobs(app: App, config: AppConfig, em: () => EntityManager): RecurringJob[] {
  let mailer: Transporter | undefined; // made with the first sweep
  const meili = app.services.search.meilisearch;
  const smtpUrl = config.smtpUrl; // no SMTP_URL, no mail job
  return [
    {
      // Orders a vendor leaves unanswered for 3 working days are cancelled "tidak direspons".
      name: 'expire-orders', everyMs: 10 * 60_000,
      run: async () => {
        const ids = await expireUnansweredOrders(app.systemContext(), app.services.order);
        return ids.length ? `${ids.length} unanswered order(s) cancelled: tidak direspons` : undefined;
      },
    },
    ...(smtpUrl
      ? [{
          name: 'send-mail', everyMs: 15_000,
          run: async () => {
            mailer ??= await mailTransport(smtpUrl);
            const { sent, failed } = await sendDueEmails(em(), mailer, config, app.now());
            return sent || failed ? `${sent} email(s) sent, ${failed} to retry` : undefined;
          },
        }]
      : []),
    {
      // Drained to Meilisearch when it is configured; PostgreSQL search needs no sync, so the outbox is discarded.
      name: 'search-outbox', everyMs: meili ? 2_000 : 60_000,
      run: async () => {
        if (!meili) return void (await discardOutbox(em()));
        let synced = 0;
        for (let batch; (batch = (await drainOutbox(em(), meili)).synced) > 0; ) synced += batch;
        return synced ? `${synced} product(s) synced to Meilisearch` : undefined;
      },
    },
    {
      // ASN who have not yet reported enough for last month hear of it in the three days before the deadline.
      name: 'remind-asn-reports', everyMs: 6 * 3600_000,
      run: async () => {
        const told = await app.services.asnMonitoring.remindMissingReports(app.systemContext());
        return told ? `${told} ASN reminded of a missing report` : undefined;
      },
    },
    {
      // Files asked for with requestOrdersExport, oldest first, a few per run so the other jobs keep their turn.
      name: 'run-exports', everyMs: 2_000,
      run: async () => {
        const made = await runQueuedExports(app, em, 5);
        return made ? `${made} export file(s) made` : undefined;
      },
    },
    // The facet ledger grows by a row or two per catalogue change; folded every minute (counts are exact either way).
    { name: 'fold-facet-ledger', everyMs: 60_000, run: async () => void (await compactFacetLedger(em())) },
    // The embedded database has no autovacuum: without fresh statistics the planner picks plans for empty tables, and
    // the rollups, updated in place by every order step and payment, fill with dead row versions that every recap
    // reads past (bench:recap: a year of live updates made the recap 36 ms, 8 ms after a vacuum). Start-up and the demo
    // seed analyze already, so the first run is an hour on (on PGlite a vacuum or an analyze holds the process).
    ...(config.databaseUrl
      ? []
      : [{
          name: 'analyze-embedded',
          everyMs: 3600_000,
          firstAfterMs: 3600_000,
          run: async () => {
            const sql = em().getConnection();
            await sql.execute(`vacuum ${UPDATED_IN_PLACE.join(', ')}`);
            await sql.execute('analyze');
          },
        }]),
    // Spent request allowances are kept until they expire.
    { name: 'sweep-rate-limits', everyMs: 10 * 60_000, run: async () => void (await RateLimits.clearExpired(em().getConnection())) },
  ];
}
