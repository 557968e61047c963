import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, Validation } from '../errors.js';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  cursorOf(item: T): string;
}

export function checkPageArgs(args: PageArgs): number {
  const first = args.first ?? 20;
  new Validation().check(first >= 1 && first <= MAX_PAGE_SIZE, 'first', `Jumlah per halaman 1 sampai ${MAX_PAGE_SIZE}.`).throwIfInvalid();
  return first;
}

/**
 * Keyset (cursor) pagination: a deep page costs what the first one does. The order must end on a unique
 * column (the id) so every row has exactly one place. Costs two queries: the page and the total count.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  orderBy: QueryOrderMap<T>,
): Promise<Page<T>> {
  const first = checkPageArgs(args);
  let cursor;
  try {
    cursor = await em.findByCursor(entity, where, { first, after: args.after ?? undefined, orderBy, includeCount: true });
  } catch (error) {
    // A tampered or stale cursor is the client's mistake, not a server error.
    if (args.after) throw badInput([{ field: 'after', message: 'Kursor halaman tidak valid; mulai lagi dari halaman pertama.' }]);
    throw error;
  }
  return {
    items: cursor.items as T[],
    totalCount: cursor.totalCount,
    hasNextPage: cursor.hasNextPage,
    hasPreviousPage: Boolean(args.after),
    startCursor: cursor.startCursor,
    endCursor: cursor.endCursor,
    cursorOf: (item) => cursor.from(item as never),
  };
}
