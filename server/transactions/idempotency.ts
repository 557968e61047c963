import { LockMode, ReferenceKind, type EntityClass, type EntityManager } from '@mikro-orm/core';
import { requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, notFound } from '../errors.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { inTransaction } from './in-transaction.js';

export interface FirstResult {
  /** The ids the call made or changed. */
  ids: string[];
  /** The changed row's fields as the first call left them, to answer a retry with the first response. */
  row?: Record<string, unknown>;
  /** True when this is a retry answered from what the first call stored. */
  replayed?: boolean;
}

/**
 * Runs `work` in one transaction. With a key, its result is stored in that same transaction; a retry with the same
 * key returns the stored result without running anything. Two concurrent calls with one key: the second fails (on
 * the unique index, or on the state the first left) and returns what the first stored.
 */
export async function runOnce(
  ctx: RequestContext,
  key: string | null | undefined,
  operation: string,
  work: (tx: RequestContext) => Promise<FirstResult>,
): Promise<FirstResult> {
  const actor = requireActor(ctx);
  if (key != null && !/^[A-Za-z0-9_.:\-]{8,100}$/.test(key)) {
    throw badInput([{ field: 'idempotencyKey', message: 'Kunci idempotensi 8-100 karakter: huruf, angka, titik, titik dua, garis bawah atau tanda hubung.' }]);
  }
  const stored = async () => {
    const record = await ctx.em.fork().findOne(IdempotencyRecord, { actorId: actor.userId, key: key! });
    if (record && record.operation !== operation) throw conflict('Kunci idempotensi ini sudah dipakai untuk tindakan lain.');
    return record ? { ids: record.result.orderIds, row: record.result.row, replayed: true } : null;
  };
  if (key) {
    const previous = await stored();
    if (previous) return previous;
  }
  try {
    return await inTransaction(ctx, async (tx) => {
      const first = await work(tx);
      if (key) tx.em.create(IdempotencyRecord, { actorId: actor.userId, key, operation, result: { orderIds: first.ids, ...(first.row ? { row: first.row } : {}) } });
      return first;
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
  const first = await runOnce(ctx, key, `${operation}:${id}`, async (tx) => {
    const row = await tx.em.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row) throw notFound(missing);
    await change(tx, row as T);
    return { ids: [id], row: scalarsOf(tx.em, row as T) };
  });
  if (!first.replayed || !first.row) return ctx.em.findOneOrFail(entity, { id: first.ids[0] } as never, { refresh: true }) as Promise<T>;
  // A retry: the row as the first call left it, even if it has moved on since (or the server restarted). It lives in
  // an EntityManager of its own that is never flushed, so the old values cannot be written back.
  const replayEm = ctx.em.fork();
  const row = (await replayEm.findOneOrFail(entity, { id: first.ids[0] } as never)) as T;
  restoreScalars(replayEm, row, first.row);
  return row;
}

function scalarProps(em: EntityManager, row: object) {
  return Object.values(em.getMetadata().get(row.constructor.name).props).filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false);
}

/** The row's own columns (no relations), as JSON keeps them. */
function scalarsOf(em: EntityManager, row: object): Record<string, unknown> {
  return Object.fromEntries(scalarProps(em, row).map((p) => [p.name, (row as Record<string, unknown>)[p.name]]));
}

function restoreScalars(em: EntityManager, row: object, snapshot: Record<string, unknown>): void {
  for (const p of scalarProps(em, row)) {
    if (!(p.name in snapshot)) continue;
    const value = snapshot[p.name];
    (row as Record<string, unknown>)[p.name] = value != null && p.runtimeType === 'Date' ? new Date(value as string) : value;
  }
}
