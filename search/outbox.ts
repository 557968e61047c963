import type { EntityManager } from '@mikro-orm/postgresql';
import { documentsFor } from './documents.js';
import type { SyncedSearchEngine } from './port.js';
import { log } from '../server/observability/log.js';

export interface DrainResult {
  /** Outbox rows handled (deleted) in this pass. */
  synced: number;
  /** Rows left for a later pass because the engine failed. */
  failed: number;
}

const MAX_BACKOFF_SECONDS = 300;
/** How long claimed rows are hidden from other workers: longer than a batch's engine calls may take. */
const LEASE_SECONDS = 180;

/**
 * One pass of the outbox worker, in two short transactions with the engine called between them, so no transaction
 * (and no row lock) stays open while Meilisearch works:
 * 1. claim due rows in id order (skipping rows another worker holds) by moving their next try past a lease, commit;
 * 2. send the current state of their products to the engine;
 * 3. delete the rows once the engine confirmed, or count the attempt and push the next try back exponentially
 *    (2, 4, 8... up to 300 s), keeping the error.
 * A worker that dies between 1 and 3 leaves the rows to be claimed again when the lease ends: at least once.
 */
export async function drainOutbox(em: EntityManager, engine: SyncedSearchEngine, batchSize = 500, now = new Date()): Promise<DrainResult> {
  const rows = await em.transactional((tx) =>
    tx.execute<{ id: string; product_id: string; pemda_id: string; attempts: number }[]>(
      `update search_outbox set next_attempt_at = ? where id in (
         select id from search_outbox where next_attempt_at <= ? order by id limit ? for update skip locked)
       returning id, product_id, pemda_id, attempts`,
      [new Date(now.getTime() + LEASE_SECONDS * 1000), now, batchSize],
    ),
  );
  if (!rows.length) return { synced: 0, failed: 0 };
  const ids = rows.map((r) => r.id);
  const byPemda = new Map<string, Set<string>>();
  for (const row of rows) byPemda.set(row.pemda_id, (byPemda.get(row.pemda_id) ?? new Set()).add(row.product_id));
  try {
    for (const [pemdaId, products] of byPemda) {
      const documents = await documentsFor(em, [...products]);
      const visible = new Set(documents.map((d) => d.id));
      await engine.upsert(pemdaId, documents);
      await engine.remove(pemdaId, [...products].filter((id) => !visible.has(id)));
    }
  } catch (error) {
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    const delay = Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
    log.warn({ err: error, rows: rows.length, attempts }, 'search outbox: the engine refused a batch; kept for a later try');
    await em.execute(`update search_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id in (?)`, [
      new Date(now.getTime() + delay * 1000),
      String((error as Error).message ?? error).slice(0, 500),
      ids,
    ]);
    return { synced: 0, failed: rows.length };
  }
  await em.execute(`delete from search_outbox where id in (?)`, [ids]);
  return { synced: rows.length, failed: 0 };
}

/** Without an external engine nothing reads the outbox: keep it from growing. */
export async function discardOutbox(em: EntityManager): Promise<number> {
  const result = await em.execute<{ affectedRows: number }>(`delete from search_outbox`, [], 'run');
  return result.affectedRows;
}
