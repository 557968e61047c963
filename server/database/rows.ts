import DataLoader from 'dataloader';
import { ReferenceKind, wrap, type EntityClass, type EntityMetadata, type Platform, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../errors.js';

/**
 * Rows: entities read for showing only, as plain objects, without the unit of work. Hydrating a managed entity
 * (identity map, change tracking, per-instance accessors) costs several times the statement that read it; a page of
 * a hundred products and their vendors spent most of its time there (README, performance). A row has the entity's
 * properties, its to-one relations as `{ id }`, so code written against `entity.vendor.id` reads both.
 */
export type Row<T> = { [K in keyof T]: T[K] extends Ref<object> | undefined | null ? { id: string } : T[K] };

/** The JS values hydration would give (custom types such as bigint rupiah converted), relations as `{ id }`. */
export function rowOf<T extends object>(meta: EntityMetadata<T>, platform: Platform, columns: object): Row<T> {
  const row: Record<string, unknown> = {};
  for (const prop of meta.hydrateProps) {
    // The inverse side of a one-to-one has no column here: a row would show it as absent, so rows refuse it.
    if (prop.kind === ReferenceKind.ONE_TO_ONE && !prop.owner) throw new Error(`${meta.className}.${prop.name}: rows cannot show an inverse one-to-one`);
    const value = (columns as Record<string, unknown>)[prop.name];
    if (value == null) row[prop.name] = value ?? null;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) row[prop.name] = { id: value };
    else row[prop.name] = prop.customType ? prop.customType.convertToJSValue(value, platform) : value;
  }
  return row as Row<T>;
}

/**
 * A per-request loader of rows by id: all asked in one statement. An entity the request already manages (loaded, so
 * possibly changed and flushed by this request) is answered as it is, without a statement. An id that names nothing
 * is NOT_FOUND ("Pemda tidak ditemukan."), as `findInScope` answers it.
 */
export function rowsById<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | Row<T>> {
  return new DataLoader<string, T | Row<T>>(async (ids) => {
    const meta = em.getMetadata().get<T>(entity.name);
    const managed = ids.map((id) => {
      const known = em.getUnitOfWork().getById<T>(meta.className, id as never);
      return known && wrap(known).isInitialized() ? known : null;
    });
    const missing = ids.filter((_, i) => !managed[i]);
    const read = missing.length ? await em.getDriver().find<T>(meta.className, { id: { $in: missing } } as never, { ctx: em.getTransactionContext() }) : [];
    const rows = new Map(read.map((columns) => [(columns as unknown as { id: string }).id, rowOf(meta, em.getPlatform(), columns)]));
    return ids.map((id, i) => managed[i] ?? rows.get(id) ?? notFound(meta.className));
  });
}

/** Rows from a fixed statement over the entity's table (`select * from ...`): nothing built per call, nothing hydrated. */
export async function rowsOf<T extends object>(em: EntityManager, entity: EntityClass<T>, sql: string, params: unknown[]): Promise<Row<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const found = await em.getConnection().execute<Record<string, unknown>[]>(sql, params);
  return found.map((columns) => rowOf(meta, em.getPlatform(), em.getDriver().mapResult(columns as never, meta) ?? {}));
}
