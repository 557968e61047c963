import DataLoader from 'dataloader';
import { ReferenceKind, wrap, type EntityClass, type EntityMetadata, type EntityProperty, type Platform, type Ref } from '@mikro-orm/core';
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
 * A per-request loader of rows by id (see `rowsById`) that also answers, synchronously, the rows this request has
 * already read. A field resolver that returns a known row instead of a promise lets GraphQL complete a page's
 * hundred nodes without a promise and a microtask each (in a trial on the catalogue page, about a quarter more
 * requests a second).
 */
export class RowLoader<T extends { id: string }> extends DataLoader<string, T | Row<T>> {
  constructor(
    batch: DataLoader.BatchLoadFn<string, T | Row<T>>,
    private readonly read: Map<string, T | Row<T>>,
    private readonly managed: (id: string) => T | null,
  ) {
    super(batch);
  }

  /** The row, when this request has read it already; otherwise undefined (then `load` it). */
  known(id: string): T | Row<T> | undefined {
    return this.read.get(id);
  }

  /** Rows read by another statement (a page joined to its relations): answered from now on without a statement. */
  remember(rows: Row<T>[]): void {
    for (const row of rows) {
      const { id } = row as { id: string };
      // An entity this request manages may have changed since: it, not the row, stays the answer.
      const current = this.managed(id) ?? row;
      this.read.set(id, current);
      this.prime(id, current);
    }
  }
}

/**
 * A per-request loader of rows by id: all asked in one statement. An entity the request already manages (loaded, so
 * possibly changed and flushed by this request) is answered as it is, without a statement. An id that names nothing
 * is NOT_FOUND ("Pemda tidak ditemukan."), as `findInScope` answers it.
 */
export function rowsById<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): RowLoader<T> {
  const read = new Map<string, T | Row<T>>();
  const managed = (id: string) => {
    const known = em.getUnitOfWork().getById<T>(entity.name, id as never);
    return known && wrap(known).isInitialized() ? known : null;
  };
  return new RowLoader<T>(async (ids) => {
    const meta = em.getMetadata().get<T>(entity.name);
    const answers = ids.map(managed);
    const missing = ids.filter((_, i) => !answers[i]);
    const found = missing.length ? await em.getDriver().find<T>(meta.className, { id: { $in: missing } } as never, { ctx: em.getTransactionContext() }) : [];
    const rows = new Map(found.map((columns) => [(columns as unknown as { id: string }).id, rowOf(meta, em.getPlatform(), columns)]));
    return ids.map((id, i) => {
      const answer = answers[i] ?? rows.get(id) ?? notFound(meta.className);
      if (!(answer instanceof Error)) read.set(id, answer);
      return answer;
    });
  }, read, managed);
}

/** To-one relations to read with rows, each handed to its row loader (e.g. `{ vendor: ctx.loaders.vendor }`). */
export type JoinedRelations<T> = Partial<Record<keyof T & string, RowLoader<{ id: string }>>>;

/**
 * Rows from a fixed statement over the entity's table (`select * from ...`): nothing built per call, nothing hydrated.
 * The to-one relations named in `joined` are read in the same statement, joined to its result, and handed to their
 * row loaders, which then answer them at once, without a statement or a promise. `order` orders the result by the
 * statement's own columns (a join may not keep the order the statement gave).
 */
export async function rowsOf<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  sql: string,
  params: unknown[],
  joined: JoinedRelations<T> = {},
  order: [column: string, direction: string][] = [],
): Promise<Row<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const platform = em.getPlatform();
  const driver = em.getDriver();
  const asRow = <E extends object>(target: EntityMetadata<E>, columns: Record<string, unknown>) => rowOf(target, platform, driver.mapResult(columns as never, target) ?? {});
  const q = (identifier: string) => platform.quoteIdentifier(identifier);
  // Each relation's columns come as "relation.column" (one quoted name, not a path), apart from the row's own.
  const relations = Object.entries(joined).map(([name, loader], i) => {
    const prop = (meta.properties as Record<string, EntityProperty>)[name];
    const target = prop.targetMeta!;
    return { name, target, foreignKey: prop.fieldNames[0], key: target.primaryKeys[0], loader: loader as RowLoader<{ id: string }>, alias: `r${i}`, columns: columnsOf(target) };
  });
  const statement = !relations.length ? sql : [
    `select s.*${relations.flatMap((r) => r.columns.map((c) => `, ${r.alias}.${q(c)} as "${r.name}.${c}"`)).join('')} from (${sql}) s`,
    ...relations.map((r) => `left join ${q(r.target.tableName)} ${r.alias} on ${r.alias}.${q(r.key)} = s.${q(r.foreignKey)}`),
    order.length ? `order by ${order.map(([column, direction]) => `s.${q(column)} ${direction === 'desc' ? 'desc' : 'asc'}`).join(', ')}` : '',
  ].join(' ');
  const found = await em.getConnection().execute<Record<string, unknown>[]>(statement, params, 'all', em.getTransactionContext());
  if (!relations.length) return found.map((columns) => asRow(meta, columns));

  for (const r of relations) {
    const read = new Map<string, Row<{ id: string }>>();
    for (const columns of found) {
      const id = columns[`${r.name}.${r.key}`] as string | null;
      if (id == null || read.has(id)) continue;
      const own: Record<string, unknown> = {};
      for (const c of r.columns) own[c] = columns[`${r.name}.${c}`];
      read.set(id, asRow(r.target, own) as Row<{ id: string }>);
    }
    r.loader.remember([...read.values()]);
  }
  return found.map((columns) => {
    const own: Record<string, unknown> = {};
    for (const key in columns) if (!key.includes('.')) own[key] = columns[key];
    return asRow(meta, own);
  });
}

const relationColumns = new WeakMap<EntityMetadata<object>, string[]>();

/** An entity's own columns (not its collections), worked out once per entity: `rowsOf` selects them on every page. */
function columnsOf(meta: EntityMetadata<object>): string[] {
  let columns = relationColumns.get(meta);
  if (!columns) {
    const own = (p: EntityProperty) => p.kind === ReferenceKind.SCALAR || ((p.kind === ReferenceKind.MANY_TO_ONE || p.kind === ReferenceKind.ONE_TO_ONE) && p.owner);
    columns = meta.props.filter((p) => p.persist !== false && own(p)).flatMap((p) => p.fieldNames);
    relationColumns.set(meta, columns);
  }
  return columns;
}
