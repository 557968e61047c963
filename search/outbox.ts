import type { EntityManager } from '@mikro-orm/postgresql';
import { documentsFor } from './documents.js';
import type { SyncedSearchEngine } from './port.js';

export interface DrainResult {
  /** Outbox rows handled (deleted) in this pass. */
  synced: number;
  /** Rows left for a later pass because the engine failed. */
  failed: number;
}

const MAX_BACKOFF_SECONDS = 300;

/**
 * One pass of the outbox worker: takes due rows in id order (skipping rows another worker holds), sends the
 * current state of their products to the engine, and deletes the rows only once the engine confirmed. On failure
 * the rows stay, with attempts counted and the next try pushed back exponentially (2, 4, 8... up to 300 s).
 */
export async function drainOutbox(em: EntityManager, engine: SyncedSearchEngine, batchSize = 500, now = new Date()): Promise<DrainResult> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string; product_id: string; pemda_id: string; attempts: number }[]>(
      `select id, product_id, pemda_id, attempts from search_outbox where next_attempt_at <= ? order by id limit ? for update skip locked`,
      [now, batchSize],
    );
    if (!rows.length) return { synced: 0, failed: 0 };
    const byPemda = new Map<string, Set<string>>();
    for (const row of rows) byPemda.set(row.pemda_id, (byPemda.get(row.pemda_id) ?? new Set()).add(row.product_id));
    try {
      for (const [pemdaId, ids] of byPemda) {
        const documents = await documentsFor(tx, [...ids]);
        const visible = new Set(documents.map((d) => d.id));
        await engine.upsert(pemdaId, documents);
        await engine.remove(pemdaId, [...ids].filter((id) => !visible.has(id)));
      }
    } catch (error) {
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      const delay = Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
      await tx.execute(`update search_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id in (?)`, [
        new Date(now.getTime() + delay * 1000),
        String((error as Error).message ?? error).slice(0, 500),
        rows.map((r) => r.id),
      ]);
      return { synced: 0, failed: rows.length };
    }
    await tx.execute(`delete from search_outbox where id in (?)`, [rows.map((r) => r.id)]);
    return { synced: rows.length, failed: 0 };
  });
}

/** Without an external engine nothing reads the outbox: keep it from growing. */
export async function discardOutbox(em: EntityManager): Promise<number> {
  const result = await em.execute<{ affectedRows: number }>(`delete from search_outbox`, [], 'run');
  return result.affectedRows;
}
