import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  getNamedType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isColumnField } from '../../schema/projection.js';
import type { Actor, RequestContext } from '../context.js';
import { budgetFor, costOf, type OperationCost } from '../http/request-limits.js';
import { cataloguePageCache } from '../observability/metrics.js';
import { catalogueListing } from './visibility.js';
import { Role } from '../identity/user.entity.js';

/**
 * Catalogue pages answered from memory while the catalogue is unchanged.
 *
 * Callers who get the same list (`catalogueListing`) see the same page for the same request: the public, every buyer
 * and ASN, signed in or not, and another Pemda's BPBJ get the public's; a Pemda's own BPBJ gets its curators' list
 * (every state), and a vendor its own products. A page is kept under its request and whose list it shows
 * (`pageScope`), so each of those is answered from memory, and never with another's list. A page is kept with the
 * version of each Pemda it shows (catalogue_version, bumped by database triggers in the transaction of any write to a
 * product, vendor, category or search synonym), and answered again only while every version is the same: one small
 * statement instead of the page's work. The version is read
 * before the page is, so a page kept is never older than the version it is kept with; another process's write
 * changes the version too.
 *
 * Only a page the versions cover is kept: the root fields are all `products`, `categories`, or `searchProducts` on the
 * PostgreSQL engine (the web app's catalogue asks for the last two at once), and each field below is structure
 * (connection, edge, page info, a search result), a plain column of a product, vendor or category, or a field whose
 * resolver reads only those rows. A field that reads anything else (`priceCheck`, a guarded field) keeps the request
 * out. So does a caller held at a password change or over its budget (`mayUsePage`), an error, or a body too long to
 * be worth a key. The token is not part of the key, only whose list it gives: a page kept from a buyer's request is the
 * page the public gets for it.
 */

const STRUCTURE = new Set(['ProductConnection', 'ProductEdge', 'PageInfo']);
/**
 * The PostgreSQL engine's answer (hits, facets, the corrected query) is read from the search tables the product,
 * vendor, category and synonym triggers keep in the writing transaction. Meilisearch's index follows later, through
 * the outbox, so with Meilisearch a search page is never kept.
 */
const SEARCH_RESULT = new Set(['ProductSearchResult', 'ProductHit', 'SearchFacetsView', 'FacetValue']);
/** Fields with a resolver that reads only product, vendor and category rows. */
const RESOLVED_FROM_CATALOGUE: Record<string, Set<string>> = {
  Product: new Set(['vendor', 'category', 'isLocal', 'isUmkk']),
  Category: new Set(['children', 'isLeaf', 'parentId']),
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longer bodies are not worth keeping as keys: the catalogue's own pages are a few hundred bytes. */
const MAX_KEY_LENGTH = 4096;
/** A larger answer is not kept, so a full cache stays under about 500 x 256 KB (a page of 100 products is ~30 KB). */
export const MAX_PAGE_BYTES = 256 * 1024;

/** What the cache needs of an HTTP request. */
export interface PageRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** The version of each Pemda shown, read before the page was. */
  versions: Map<string, string>;
  /** Whose list it shows (`pageScope`). */
  scope: string;
  operation: string | undefined;
  /** The operation's cost, checked against the caller's budget and drawn from its allowance each time it is answered. */
  cost: OperationCost;
}

/**
 * What the GraphQL plugin leaves on a request's context for the HTTP layer: the page is kept only if `versions` is
 * set. Changed in place, never replaced: Apollo runs an operation on a copy of the context, which shares this object.
 */
export interface PageCandidate {
  key: string;
  versions?: Map<string, string>;
  scope?: string;
  operation?: string;
  cost?: OperationCost;
}

type Caller = { actor: Actor | null; passwordChangeRequired: boolean };

/** Whether the caller may be answered a page of this cost from memory, or have one kept: not held at a password change, and within its budget. */
export function mayUsePage(caller: Caller, cost: number): boolean {
  return !caller.passwordChangeRequired && cost <= budgetFor(caller.actor);
}

/** The list only this kind of caller gets: a vendor its own products; a Pemda's curators (its BPBJ, the platform admin) every state. */
const ownList = (actor: Actor): string => (actor.role === Role.VENDOR ? `VENDOR ${actor.vendorId}` : `${actor.role} ${actor.pemdaId ?? ''}`);

/**
 * Whose list a page of these Pemdas shows the caller, the part of its key besides the request: 'PUBLIC' when the
 * caller gets the public's list of each (`catalogueListing`), else its own kind's. Two callers with the same scope get
 * the same page for the same request, since the list is all of a page that depends on the caller (`covered`).
 */
export function pageScope(actor: Actor | null, pemdaIds: Iterable<string>): string {
  for (const id of pemdaIds) if (catalogueListing(actor, id) !== 'PUBLIC') return ownList(actor!);
  return 'PUBLIC';
}

/** Each Pemda's catalogue version; '0' for one never written to. Read from the primary, where the pages are read too. */
export async function readCatalogueVersions(em: EntityManager, pemdaIds: string[]): Promise<Map<string, string>> {
  if (!pemdaIds.length || !pemdaIds.every((id) => UUID.test(id))) throw new Error('catalogue versions are read for UUIDs only');
  const rows = await em.getConnection().execute<{ id: string; version: string }[]>(
    `select pemda_id::text as id, version::text as version from catalogue_version where pemda_id in (${pemdaIds.map((id) => `'${id.toLowerCase()}'`).join(', ')})`,
  );
  const versions = new Map(pemdaIds.map((id) => [id.toLowerCase(), '0']));
  for (const row of rows) versions.set(row.id, row.version);
  return versions;
}

export class CataloguePageCache {
  /** Oldest first: a page answered again moves to the end, and the first is dropped when the cache is full. */
  private readonly pages = new Map<string, CachedPage>();

  constructor(private readonly capacity: number, private readonly fork: () => EntityManager) {}

  get size(): number {
    return this.pages.size;
  }

  /**
   * The key of a request the cache may answer (a JSON POST, anonymous or with a bearer token), or null. The token is
   * not part of it: a page is kept under the key and whose list it shows.
   */
  keyOf(request: PageRequest): string | null {
    const authorization = request.headers.authorization;
    if (request.method !== 'POST' || (authorization !== undefined && !/^Bearer \S+$/i.test(String(authorization)))) return null;
    // A body too long to be a key is known from its length before it is turned back into text (an import's file).
    if (Number(request.headers['content-length']) > MAX_KEY_LENGTH) return null;
    const body = request.body as { query?: unknown } | null;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string' || !/products|categories/i.test(body.query)) return null;
    const key = `${request.headers.accept ?? ''}\n${JSON.stringify(body)}`;
    return key.length <= MAX_KEY_LENGTH ? key : null;
  }

  /**
   * The page kept for this request that shows the caller's list, if the caller may have it and the catalogue it shows
   * has not changed since. Every page kept for one request shows the same Pemdas, so the public's or the caller's own
   * kind's, whichever is kept, says which list the caller gets.
   */
  async answer(key: string, caller: Caller): Promise<CachedPage | null> {
    const any = this.pages.get(`PUBLIC\n${key}`) ?? (caller.actor ? this.pages.get(`${ownList(caller.actor)}\n${key}`) : undefined);
    if (!any) return null;
    const scoped = `${pageScope(caller.actor, any.versions.keys())}\n${key}`;
    const page = this.pages.get(scoped);
    if (!page || !mayUsePage(caller, page.cost.cost)) return null;
    const now = await readCatalogueVersions(this.fork(), [...page.versions.keys()]);
    if ([...page.versions].some(([pemda, version]) => now.get(pemda) !== version)) {
      this.pages.delete(scoped);
      cataloguePageCache.inc({ outcome: 'stale' });
      return null;
    }
    this.pages.delete(scoped);
    this.pages.set(scoped, page);
    cataloguePageCache.inc({ outcome: 'hit' });
    return page;
  }

  keep(key: string, page: CachedPage): void {
    if (page.body.length > MAX_PAGE_BYTES) return;
    const scoped = `${page.scope}\n${key}`;
    this.pages.delete(scoped);
    this.pages.set(scoped, page);
    while (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value!);
    cataloguePageCache.inc({ outcome: 'kept' });
  }
}

/**
 * Marks a request the HTTP layer offered (`ctx.cataloguePage`) as one to keep, with the versions read before it runs,
 * unless the operation reads what the versions do not cover; takes the mark off again when the answer has an error.
 */
export function cataloguePageCachePlugin(metadata: () => MetadataStorage): ApolloServerPlugin<RequestContext> {
  // Whether an operation's fields are covered, worked out once per parsed query: Apollo keeps the parsed document, so
  // the operation's node is the same object on every request that sends the same text.
  const coveredOperations = new WeakMap<OperationDefinitionNode, boolean>();
  return {
    async requestDidStart({ contextValue: ctx }) {
      const candidate = ctx.cataloguePage;
      if (!candidate) return;
      return {
        async responseForOperation({ operation, document, schema, request, operationName }) {
          const roots = ctx.config.meiliHost ? ['products', 'categories'] : ['products', 'categories', 'searchProducts'];
          const pemdaIds = operation.operation === 'query' ? pemdasShown(operation, request.variables ?? {}, roots) : null;
          if (!pemdaIds) return null;
          let isCovered = coveredOperations.get(operation);
          if (isCovered === undefined) {
            const fragments = Object.fromEntries(
              document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
            );
            const root = schema.getQueryType();
            coveredOperations.set(operation, (isCovered = Boolean(root && covered(root, operation.selectionSet, fragments, metadata()))));
          }
          if (!isCovered) return null;
          const cost = costOf(schema, document, request.variables, operationName ?? undefined);
          if (!mayUsePage(ctx, cost.cost)) return null;
          candidate.versions = await readCatalogueVersions(ctx.em, pemdaIds);
          candidate.scope = pageScope(ctx.actor, pemdaIds);
          candidate.operation = ctx.trace.operation; // as the request log named it (didResolveOperation ran first)
          candidate.cost = cost;
          return null;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) candidate.versions = undefined;
        },
      };
    },
  };
}

/** The Pemdas the operation's root fields show, or null when a root field is not one of `roots`. */
function pemdasShown(operation: OperationDefinitionNode, variables: Record<string, unknown>, roots: string[]): string[] | null {
  const ids = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === '__typename') continue;
    if (!roots.includes(selection.name.value)) return null;
    const value = selection.arguments?.find((a) => a.name.value === 'pemdaId')?.value;
    const id = value?.kind === Kind.VARIABLE ? variables[value.name.value] : value?.kind === Kind.STRING ? value.value : undefined;
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    ids.add(id.toLowerCase());
  }
  return ids.size ? [...ids] : null;
}

/** Every field of the selection is one the catalogue version covers (see the module's comment). */
function covered(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, metadata: MetadataStorage): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (!fieldCovered(type.name, name, metadata)) return false;
      const field = type.getFields()[name];
      if (!field) return false;
      if (selection.selectionSet) {
        const inner = getNamedType(field.type);
        if (!isObjectType(inner) || !covered(inner, selection.selectionSet, fragments, metadata)) return false;
      }
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) return false;
      if (!covered(type, fragment.selectionSet, fragments, metadata)) return false;
    }
  }
  return true;
}

function fieldCovered(type: string, field: string, metadata: MetadataStorage): boolean {
  if (type === 'Query') return true; // the root fields were checked with the Pemdas they show
  if (STRUCTURE.has(type) || SEARCH_RESULT.has(type)) return true;
  if (RESOLVED_FROM_CATALOGUE[type]?.has(field)) return true;
  if (type !== 'Product' && type !== 'Vendor' && type !== 'Category') return false;
  return isColumnField(metadata.get(type) as EntityMetadata<object>, field);
}
