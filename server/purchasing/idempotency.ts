import type { EntityManager } from '@mikro-orm/postgresql';
import { requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict } from '../errors.js';
import { IdempotencyRecord } from './order.entity.js';

/**
 * Runs `work` in one transaction. With a key, the result (the order ids) is stored in that same transaction;
 * a retry with the same key returns the stored result without running anything. Two concurrent calls with one
 * key: the second fails (on the unique index, or on the state the first left) and returns what the first stored.
 */
export async function runOnce(
  ctx: RequestContext,
  key: string | null | undefined,
  operation: string,
  work: (em: EntityManager) => Promise<string[]>,
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
    return await ctx.em.transactional(async (em) => {
      const orderIds = await work(em);
      if (key) em.create(IdempotencyRecord, { actorId: actor.userId, key, operation, result: { orderIds } });
      return orderIds;
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
