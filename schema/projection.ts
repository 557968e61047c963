import { ReferenceKind, type EntityMetadata, type EntityProperty, type MetadataStorage as OrmMetadata } from '@mikro-orm/core';
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Projection, Selected } from '../server/database/rows.js';

/**
 * Reading only the columns a query selects. A list page of a hundred products with their vendors and categories
 * read every column of the three (about sixty, the descriptions among them) to show eight; reading just those made
 * the page about 1.8 times faster (README, performance).
 *
 * What a GraphQL field needs of its row is known in two ways, and in no other:
 * - a plain field (no resolver, no middleware, no role) of an entity property reads that property;
 * - a field resolver says what it reads with `@Reads(...)`, and `@ShowsRelation(...)` when it answers with a joined
 *   relation's row, whose own fields then decide what of that row is read.
 * Any other field (a resolver that declares nothing, a getter, a guarded field) makes the read take every column, as
 * before. So a resolver added without a declaration costs speed, never a wrong answer.
 */

const declared = new Map<Function, Map<string, { reads: string[]; shows?: string }>>();

function declare(target: object, method: string | symbol, update: (d: { reads: string[]; shows?: string }) => void): void {
  const byMethod = declared.get(target.constructor) ?? new Map();
  declared.set(target.constructor, byMethod);
  const declaration = byMethod.get(String(method)) ?? { reads: [] };
  update(declaration);
  byMethod.set(String(method), declaration);
}

/**
 * What a field resolver reads from its parent row: its own properties ("pemda", "pendingRevision") and a joined
 * relation's ("vendor.isLocal").
 */
export function Reads(...paths: string[]): MethodDecorator {
  return (target, method) => declare(target, method, (d) => d.reads.push(...paths));
}

/** The field answers with the row of this to-one relation: the field's own selection decides what of it is read. */
export function ShowsRelation(relation: string): MethodDecorator {
  return (target, method) => declare(target, method, (d) => {
    d.reads.push(relation);
    d.shows = relation;
  });
}

type FieldPlan = { kind: 'column'; property: string } | { kind: 'resolved'; reads: string[]; shows?: string } | { kind: 'unknown' };

const plans = new WeakMap<Function, Map<string, FieldPlan>>();

/** How each field of an entity's GraphQL type reads its row, worked out once per type from type-graphql's metadata. */
function plansOf(meta: EntityMetadata<object>): Map<string, FieldPlan> {
  const type = meta.class as Function;
  let byField = plans.get(type);
  if (byField) return byField;
  byField = new Map();
  const storage = getMetadataStorage();
  const properties = meta.properties as Record<string, EntityProperty>;
  // As type-graphql builds the type: the fields of the interfaces it implements (BaseEntity's id), then its own.
  const objectType = storage.objectTypes.find((o) => o.target === type);
  const interfaces = storage.interfaceTypes.filter((i) => objectType?.interfaceClasses?.includes(i.target));
  for (const field of [...interfaces.flatMap((i) => i.fields ?? []), ...(objectType?.fields ?? [])]) {
    const property = properties[field.name];
    const plain = !field.middlewares?.length && !field.roles?.length && property && property.persist !== false && (property.kind === ReferenceKind.SCALAR || property.kind === ReferenceKind.EMBEDDED);
    byField.set(field.schemaName, plain ? { kind: 'column', property: field.name } : { kind: 'unknown' });
  }
  for (const resolver of storage.fieldResolvers.filter((r) => r.getObjectType?.() === type)) {
    const declaration = declared.get(resolver.target)?.get(resolver.methodName);
    const guarded = resolver.middlewares?.length || resolver.roles?.length;
    byField.set(resolver.schemaName, declaration && !guarded ? { kind: 'resolved', ...declaration } : { kind: 'unknown' });
  }
  plans.set(type, byField);
  return byField;
}

/** The fields of a selection, through fragments (a directive may skip a field: reading it anyway is only wasted). */
function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, fragments, into);
    else if (fragments[selection.name.value]) fieldsOf(fragments[selection.name.value].selectionSet, fragments, into);
  }
  return into;
}

/** What an entity's rows must hold for these GraphQL fields: `'all'` when a field's needs are not known. */
function projectionFor(meta: EntityMetadata<object>, fields: FieldNode[], fragments: Record<string, FragmentDefinitionNode>): Projection {
  const projection: Selected = { props: new Set(['id']), joined: new Map() };
  const plans = plansOf(meta);
  const relationOf = (name: string) => {
    const property = (meta.properties as Record<string, EntityProperty>)[name];
    return property?.kind === ReferenceKind.MANY_TO_ONE ? property : null;
  };
  const joined = (relation: string): Projection => {
    let inner = projection.joined.get(relation);
    if (!inner) projection.joined.set(relation, (inner = { props: new Set(['id']), joined: new Map() }));
    return inner;
  };
  for (const field of fields) {
    const name = field.name.value;
    if (name === '__typename') continue;
    const plan = plans.get(name) ?? { kind: 'unknown' };
    if (plan.kind === 'unknown') return 'all';
    if (plan.kind === 'column') {
      projection.props.add(plan.property);
      continue;
    }
    for (const path of plan.reads) {
      const [own, of] = path.split('.');
      projection.props.add(own);
      if (!of) continue;
      if (!relationOf(own)) return 'all';
      const inner = joined(own);
      if (inner !== 'all') inner.props.add(of);
    }
    if (plan.shows) {
      const relation = relationOf(plan.shows);
      if (!relation) return 'all';
      const shown = projectionFor(relation.targetMeta as EntityMetadata<object>, fieldsOf(field.selectionSet, fragments), fragments);
      const inner = joined(plan.shows);
      if (shown === 'all' || inner === 'all') projection.joined.set(plan.shows, 'all');
      else {
        for (const p of shown.props) inner.props.add(p);
        if (shown.joined.size) projection.joined.set(plan.shows, 'all'); // a relation of a relation: read it whole
      }
    }
  }
  return projection;
}

const cache = new WeakMap<FieldNode, Projection>();

/**
 * What the rows answering this field must hold, for the entity shown at `path` inside it (`['edges', 'node']` for a
 * connection). Worked out once per query text: Apollo keeps the parsed query, so the field's node is the same object
 * on every request that sends it.
 */
export function projectionOf(info: GraphQLResolveInfo, entity: Function, path: string[], orm: OrmMetadata): Projection {
  const root = info.fieldNodes[0];
  const known = info.fieldNodes.length === 1 ? cache.get(root) : undefined;
  if (known) return known;
  let fields = info.fieldNodes.slice();
  for (const step of path) fields = fields.flatMap((f) => fieldsOf(f.selectionSet, info.fragments)).filter((f) => f.name.value === step);
  const selected = fields.flatMap((f) => fieldsOf(f.selectionSet, info.fragments));
  const projection = projectionFor(orm.get(entity.name) as EntityMetadata<object>, selected, info.fragments);
  if (info.fieldNodes.length === 1) cache.set(root, projection);
  return projection;
}

/** The GraphQL field is a plain column of the entity's own table: no resolver, no middleware, no role. */
export function isColumnField(meta: EntityMetadata<object>, field: string): boolean {
  return plansOf(meta).get(field)?.kind === 'column';
}
