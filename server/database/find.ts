import type { EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../errors.js';
import { isUuid } from '../ids.js';

/** The ids a condition looks up by (the id itself, `id: ...`, also inside `$and`, `$or`, `$in`) are all well-formed. */
function idsWellFormed(where: unknown, key = 'id'): boolean {
  if (typeof where === 'string') return key !== 'id' || isUuid(where);
  if (Array.isArray(where)) return where.every((w) => idsWellFormed(w, key));
  // Plain conditions only: an entity or reference given as a value is already a row.
  if (where && Object.getPrototypeOf(where) === Object.prototype) return Object.entries(where).every(([k, v]) => idsWellFormed(v, k.startsWith('$') ? key : k));
  return true;
}

/**
 * One row, or NOT_FOUND naming what was sought ("Pemda tidak ditemukan."). Put the caller's scope in `where` (its
 * Pemda, OPD or vendor): a row outside it is then exactly as absent as one that never existed. An id that is not a
 * UUID is not found without asking the database, so a hostile id never reaches SQL as a type error.
 */
export async function findInScope<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  where: string | FilterQuery<T>,
  what: string,
  options?: FindOneOptions<T, P>,
): Promise<Loaded<T, P>> {
  if (!idsWellFormed(where)) throw notFound(what);
  const row = await em.findOne(entity, where as FilterQuery<T>, options);
  if (!row) throw notFound(what);
  return row;
}
