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

/**
 * Which columns a read needs: every one, or the properties a query shows and, of each joined to-one relation, what it
 * needs of that (see `projectionOf` in the schema, which works it out from a query's selection).
 */
export type Projection = 'all' | Selected;
export interface Selected {
  props: Set<string>;
  joined: Map<string, Projection>;
}

/**
 * The JS values hydration would give (custom types such as bigint rupiah converted), relations as `{ id }`. With
 * `props`, only those: a property not read is absent, not null.
 */
export function rowOf<T extends object>(meta: EntityMetadata<T>, platform: Platform, columns: object, props?: Set<string>): Row<T> {
  const row: Record<string, unknown> = {};
  for (const prop of meta.hydrateProps) {
    if (props && !props.has(prop.name)) continue;
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

  /**
   * A row holding only some columns, read with another (a page's vendors, as much of them as the query shows): it
   * answers that row's relation (see `show`) and is never answered by this loader to anyone else. An entity this
   * request manages, or a whole row it has read, is taken instead.
   */
  adopt(partial: Row<T>): T | Row<T> {
    const { id } = partial as { id: string };
    const row = this.managed(id) ?? this.read.get(id) ?? partial;
    joinedRows.add(row);
    return row;
  }

  /**
   * The row a relation of another row names (`product.vendor`): the row joined to it when the page read one (see
   * `adopt`), one this request has read (synchronously: GraphQL completes the node without a promise), or a load.
   */
  show(relation: { id: string }): T | Row<T> | Promise<T | Row<T>> {
    if (joinedRows.has(relation)) return relation as Row<T>;
    return this.known(relation.id) ?? this.load(relation.id);
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
    // A fixed statement: MikroORM's driver.find built a query (criteria, query builder, knex) for every batch, which
    // cost a spend recap more than loading its Pemda did (about a sixth of the recap's CPU).
    const found = await rowsWithIds(em, entity, missing);
    const rows = new Map(found.map((row) => [(row as { id: string }).id, row]));
    return ids.map((id, i) => {
      const answer = answers[i] ?? rows.get(id) ?? notFound(meta.className);
      if (!(answer instanceof Error)) read.set(id, answer);
      return answer;
    });
  }, read, managed);
}

/** Rows put in place of a row's relation by `adopt`: what `show` answers as they are. */
const joinedRows = new WeakSet<object>();

/** To-one relations to read with rows, each handed to its row loader (e.g. `{ vendor: ctx.loaders.vendor }`). */
export type JoinedRelations<T> = Partial<Record<keyof T & string, RowLoader<{ id: string }>>>;

/**
 * Rows from a fixed statement over the entity's table (`select * from ...`): nothing built per call, nothing hydrated.
 * The to-one relations named in `joined` are read in the same statement, joined to its result. Read whole, they are
 * handed to their row loaders, which then answer them at once, without a statement or a promise; read in part (as
 * `projection` says), each takes the place of its relation in the rows (see `RowLoader.adopt`). With a projection,
 * the statement must select at least the properties it names, and a relation it does not name is not read. `order`
 * orders the result by the statement's own columns (a join may not keep the order the statement gave).
 */
export async function rowsOf<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  sql: string,
  params: unknown[],
  joined: JoinedRelations<T> = {},
  order: [column: string, direction: string][] = [],
  projection: Projection = 'all',
): Promise<Row<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const platform = em.getPlatform();
  const driver = em.getDriver();
  const asRow = <E extends object>(target: EntityMetadata<E>, columns: Record<string, unknown>, props?: Set<string>) => rowOf(target, platform, driver.mapResult(columns as never, target) ?? {}, props);
  const q = (identifier: string) => platform.quoteIdentifier(identifier);
  const own = projection === 'all' ? undefined : projection.props;
  // Each relation's columns come as "relation.column" (one quoted name, not a path), apart from the row's own.
  const relations = Object.entries(joined).flatMap(([name, loader]) => {
    const shown = projection === 'all' ? 'all' : projection.joined.get(name);
    if (!shown) return [];
    const prop = (meta.properties as Record<string, EntityProperty>)[name];
    const target = prop.targetMeta!;
    const props = shown === 'all' ? undefined : new Set([...shown.props, ...target.primaryKeys]);
    const columns = props ? selectedColumns(target, props) : columnsOf(target);
    return [{ name, target, foreignKey: prop.fieldNames[0], key: target.primaryKeys[0], loader: loader as RowLoader<{ id: string }>, columns, props }];
  }).map((r, i) => ({ ...r, alias: `r${i}` }));
  const statement = !relations.length ? sql : [
    `select s.*${relations.flatMap((r) => r.columns.map((c) => `, ${r.alias}.${q(c)} as "${r.name}.${c}"`)).join('')} from (${sql}) s`,
    ...relations.map((r) => `left join ${q(r.target.tableName)} ${r.alias} on ${r.alias}.${q(r.key)} = s.${q(r.foreignKey)}`),
    order.length ? `order by ${order.map(([column, direction]) => `s.${q(column)} ${direction === 'desc' ? 'desc' : 'asc'}`).join(', ')}` : '',
  ].join(' ');
  const found = await em.getConnection().execute<Record<string, unknown>[]>(statement, params, 'all', em.getTransactionContext());
  if (!relations.length) return found.map((columns) => asRow(meta, columns, own));

  const shownRows = relations.map((r) => {
    const read = new Map<string, { id: string }>();
    for (const columns of found) {
      const id = columns[`${r.name}.${r.key}`] as string | null;
      if (id == null || read.has(id)) continue;
      const values: Record<string, unknown> = {};
      for (const c of r.columns) values[c] = columns[`${r.name}.${c}`];
      read.set(id, asRow(r.target, values, r.props) as { id: string });
    }
    if (!r.props) r.loader.remember([...read.values()]);
    else for (const [id, row] of read) read.set(id, r.loader.adopt(row));
    return read;
  });
  return found.map((columns) => {
    const values: Record<string, unknown> = {};
    for (const key in columns) if (!key.includes('.')) values[key] = columns[key];
    const row = asRow(meta, values, own) as Record<string, { id: string } | null>;
    relations.forEach((r, i) => {
      if (r.props && row[r.name]) row[r.name] = shownRows[i].get(row[r.name]!.id)!;
    });
    return row as Row<T>;
  });
}

/**
 * The rows with these ids, in one fixed statement (no order), with `joined` and `projection` as `rowsOf` takes them:
 * what a row loader's batch and a search page's products read.
 */
export function rowsWithIds<T extends object>(em: EntityManager, entity: EntityClass<T>, ids: string[], joined: JoinedRelations<T> = {}, projection: Projection = 'all'): Promise<Row<T>[]> {
  if (!ids.length) return Promise.resolve([]);
  const meta = em.getMetadata().get<object>(entity.name);
  const q = (identifier: string) => em.getPlatform().quoteIdentifier(identifier);
  const list = projection === 'all' ? '*' : selectedColumns(meta, new Set([...projection.props, ...meta.primaryKeys])).map(q).join(', ');
  return rowsOf(em, entity, `select ${list} from ${q(meta.tableName)} where ${q(meta.getPrimaryProp().fieldNames[0])} in (?)`, [ids], joined, [], projection);
}

/** The columns holding these properties of an entity. */
function selectedColumns(meta: EntityMetadata<object>, props: Set<string>): string[] {
  return [...props].flatMap((name) => (meta.properties as Record<string, EntityProperty>)[name]?.fieldNames ?? []);
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
