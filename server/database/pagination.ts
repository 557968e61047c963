import { Cursor, Utils, type EntityClass, type EntityMetadata, type EntityProperty, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, Validation } from '../errors.js';
import { rowsOf, type JoinedRelations, type Projection, type Row } from './rows.js';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Every row matching, across pages: counted when first asked for (a page that shows no total costs no count). */
  totalCount(): Promise<number>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  cursorOf(item: T): string;
}

export const invalidCursor = () => badInput([{ field: 'after', message: 'Kursor halaman tidak valid; mulai lagi dari halaman pertama.' }]);

export function checkPageArgs(args: PageArgs): number {
  const first = args.first ?? 20;
  new Validation().check(first >= 1 && first <= MAX_PAGE_SIZE, 'first', `Jumlah per halaman 1 sampai ${MAX_PAGE_SIZE}.`).throwIfInvalid();
  return first;
}

/**
 * Keyset (cursor) pagination: a deep page costs what the first one does. The order must end on a unique
 * column (the id) so every row has exactly one place. Costs one query, and a second for the total count when the
 * caller asks for it.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  orderBy: QueryOrderMap<T>,
): Promise<Page<T>> {
  const first = checkPageArgs(args);
  checkCursor(em, entity, args.after, orderBy);
  const cursor = await em.findByCursor(entity, where, { first, after: args.after ?? undefined, orderBy, includeCount: false });
  return pageOf<T>(cursor, args, () => em.count(entity, where));
}

/** A page from MikroORM's cursor over its items; the total counted when first asked for, once. */
function pageOf<T>(cursor: Cursor<object, never, '*', never, boolean>, args: PageArgs, countAll: () => Promise<number>): Page<T> {
  let count: Promise<number> | null = null;
  return {
    items: cursor.items as unknown as T[],
    totalCount: () => (count ??= countAll()),
    hasNextPage: cursor.hasNextPage,
    hasPreviousPage: Boolean(args.after),
    startCursor: cursor.startCursor,
    endCursor: cursor.endCursor,
    cursorOf: (item) => cursor.from(item as never),
  };
}

/**
 * Decodes before querying: a tampered or stale cursor is the client's mistake, and no query should start. Each value
 * must be one its order column can hold (a page writes them from the rows), or PostgreSQL would refuse the statement
 * ("invalid input syntax for type timestamp") and the client would see a server error instead of a bad cursor.
 */
function checkCursor<T extends object>(em: EntityManager, entity: EntityName<T>, after: string | null | undefined, orderBy: object): void {
  if (!after) return;
  const props = em.getMetadata().get(Utils.className(entity)).properties as Record<string, EntityProperty>;
  let decoded: unknown;
  try {
    decoded = Cursor.decode(after);
  } catch {
    throw invalidCursor();
  }
  const columns = Object.keys(orderBy);
  if (!Array.isArray(decoded) || decoded.length !== columns.length || !columns.every((prop, i) => fitsColumn(props[prop], decoded[i]))) throw invalidCursor();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether a cursor's value is one the column can hold, by the column's type. */
function fitsColumn(prop: EntityProperty, value: unknown): boolean {
  const column = String(prop.columnTypes?.[0] ?? '').toLowerCase();
  if (value === null) return Boolean(prop.nullable);
  if (column === 'uuid') return typeof value === 'string' && UUID.test(value);
  // MikroORM's decoding already revives an ISO instant as a Date; anything else must still read as one.
  if (column.startsWith('timestamp') || column === 'date') return value instanceof Date ? !Number.isNaN(value.getTime()) : typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
  if (/^(smallint|int|bigint|numeric|decimal|real|double)/.test(column)) return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && !value.includes('\u0000');
}

/** MikroORM's driver turns a keyset cursor into a condition and an order (the same call its own `find` makes). */
interface CursorOptions {
  processCursorOptions<T>(meta: EntityMetadata<T>, options: { first: number; after?: string; overfetch: boolean; limit?: number }, orderBy: QueryOrderMap<T>[]): { orderBy: QueryOrderMap<T>[]; where: FilterQuery<T> };
}

/**
 * The page `paginate` reads, as plain rows instead of managed entities: MikroORM's query builder writes the very
 * statement (the where with its joins, the cursor condition, the order) and nothing enters the unit of work. For
 * read-only list pages, where hydrating a hundred entities costs three times the statement (see the README's
 * performance section). A row's relations are `{ id }`.
 *
 * The to-one relations named in `joined` come with the page, in the same statement (see `rowsOf`): the catalogue
 * page is one statement instead of three. They are joined after the page's limit, so PostgreSQL sorts the narrow
 * rows and joins a hundred; joined before it (as MikroORM's joined populate does), the sort carried every match's
 * vendor and category and took longer than the two statements it saved.
 */
export async function paginateRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  orderBy: QueryOrderMap<T>,
  joined: JoinedRelations<T> = {},
  projection: Projection = 'all',
): Promise<Page<Row<T>>> {
  const first = checkPageArgs(args);
  checkCursor(em, entity, args.after, orderBy);
  const metadata = em.getMetadata();
  const meta = metadata.get<T>(entity.name);
  const options = { first, after: args.after ?? undefined, orderBy, overfetch: true, limit: undefined as number | undefined };
  const cursor = (em.getDriver() as unknown as CursorOptions).processCursorOptions(meta, options, [orderBy]);
  // What the query shows, and what paging itself reads: the order's columns (for the cursors) and the id.
  const read: Projection = projection === 'all' ? 'all' : { props: new Set([...projection.props, ...Object.keys(orderBy), ...meta.primaryKeys]), joined: projection.joined };
  const page = em.createQueryBuilder(entity, 'page').select(read === 'all' ? '*' : ([...read.props] as never[])).where(where).andWhere(cursor.where).orderBy(cursor.orderBy).limit(options.limit).getKnexQuery().toSQL();

  const order = Object.entries(orderBy).map(([prop, direction]): [string, string] => [(meta.properties as Record<string, EntityProperty>)[prop].fieldNames[0], String(direction)]);
  const rows = await rowsOf(em, entity, page.sql, [...page.bindings], joined, order, read);
  const pageCursor = new Cursor(rows as never[], 0, options, meta); // drops the one row read past the page
  return pageOf<Row<T>>(pageCursor, args, () => em.count(entity, where));
}

/** Which end of a work queue comes first: the longest waiting (the default), or the latest. */
export enum QueueOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}

/** A queue's keyset order: when the row last changed, then the id, in the asked direction. */
export const queueOrder = (order: QueueOrder | null | undefined) => {
  const direction = order === QueueOrder.NEWEST_FIRST ? 'desc' : 'asc';
  return { updatedAt: direction, id: direction } as const;
};
