import type { EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../errors.js';

/**
 * One row, or NOT_FOUND naming what was sought ("Pemda tidak ditemukan."). Put the caller's scope in `where` (its
 * Pemda, OPD or vendor): a row outside it is then exactly as absent as one that never existed. (Ids that are not
 * UUIDs never get this far: the `ID` scalar refuses them, server/ids.ts.)
 */
export async function findInScope<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  where: string | FilterQuery<T>,
  what: string,
  options?: FindOneOptions<T, P>,
): Promise<Loaded<T, P>> {
  const row = await em.findOne(entity, where as FilterQuery<T>, options);
  if (!row) throw notFound(what);
  return row;
}
