import { LockMode, type EntityClass } from '@mikro-orm/core';
import { requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, notFound } from '../errors.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { inTransaction } from './in-transaction.js';

/**
 * Runs `work` in one transaction. With a key, the result (the ids it made or changed) is stored in that same
 * transaction; a retry with the same key returns the stored result without running anything. Two concurrent calls
 * with one key: the second fails (on the unique index, or on the state the first left) and returns what the first
 * stored.
 */
export async function runOnce(
  ctx: RequestContext,
  key: string | null | undefined,
  operation: string,
  work: (tx: RequestContext) => Promise<string[]>,
): Promise<string[]> {
  const actor = requireActor(ctx);
  if (key != null && !/^[A-Za-z0-9_.:\-]{8,100}$/.test(key)) {
    throw badInput([{ field: 'idempotencyKey', message: 'Kunci idempotensi 8-100 karakter: huruf, angka, titik, titik dua, garis bawah atau tanda hubung.' }]);
  }
  const stored = async () => {
    const record = await ctx.em.fork().findOne(IdempotencyRecord, { actorId: actor.userId, key: key! });
    if (record && record.operation !== operation) throw conflict('Kunci idempotensi ini sudah dipakai untuk tindakan lain.');
    return record?.result.orderIds ?? null;
  };
  if (key) {
    const previous = await stored();
    if (previous) return previous;
  }
  try {
    return await inTransaction(ctx, async (tx) => {
      const ids = await work(tx);
      if (key) tx.em.create(IdempotencyRecord, { actorId: actor.userId, key, operation, result: { orderIds: ids } });
      return ids;
    });
  } catch (error) {
    // A concurrent call with the same key may have committed meanwhile: this call then failed on the unique key,
    // or on the state the first one left (an emptied cart, a moved order). Either way the first result stands.
    if (key) {
      const previous = await stored();
      if (previous) return previous;
    }
    throw error;
  }
}

/**
 * One step on one row (an order's transition): the row is locked, `change` runs, all in one transaction, and the
 * idempotency key is bound to that row, so a key reused for another row does not answer for it.
 */
export async function runOnceLocked<T extends { id: string }>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  id: string,
  operation: string,
  key: string | null | undefined,
  missing: string,
  change: (tx: RequestContext, row: T) => Promise<void>,
): Promise<T> {
  const [done] = await runOnce(ctx, key, `${operation}:${id}`, async (tx) => {
    const row = await tx.em.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row) throw notFound(missing);
    await change(tx, row as T);
    return [id];
  });
  return ctx.em.findOneOrFail(entity, { id: done } as never, { refresh: true }) as Promise<T>;
}
