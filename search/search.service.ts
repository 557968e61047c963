import type { EntityManager } from '@mikro-orm/postgresql';
import { assertManagesPemda, requireActor } from '../server/auth/scope.js';
import { Product } from '../server/catalogue/product.entity.js';
import type { ProductFilter } from '../server/catalogue/product-filter.js';
import type { RequestContext } from '../server/context.js';
import { invalidCursor, MAX_PAGE_SIZE } from '../server/database/pagination.js';
import { rowsWithIds, type Projection, type Row } from '../server/database/rows.js';
import { badInput, notFound, Validation } from '../server/errors.js';
import { MeilisearchEngine } from './meilisearch-engine.js';
import { PostgresSearchEngine } from './postgres-engine.js';
import { SearchSort, type SearchEngine, type SearchFacets } from './port.js';
import { SearchSynonym } from './search.entities.js';

export interface SearchArgs {
  pemdaId?: string | null;
  query?: string | null;
  filter?: Omit<ProductFilter, 'status'> | null;
  sort?: SearchSort | null;
  first?: number | null;
  after?: string | null;
  /** What the page's products must hold (the columns the query shows); every column when not given. */
  shows?: Projection;
}

export interface ProductSearchPage {
  engine: string;
  totalCount: number;
  hits: { product: Row<Product>; snippet: string; score: number; cursor: string }[];
  hasNextPage: boolean;
  endCursor: string | null;
  facets: SearchFacets;
  /** See SearchResult.correctedQuery. */
  correctedQuery: string | null;
}

// Relevance has no stable key to resume from, so search pages by position.
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalidCursor();
  return Number(match[1]);
}

export class SearchService {
  readonly postgres: PostgresSearchEngine;
  readonly meilisearch: MeilisearchEngine | null;

  constructor(
    em: () => EntityManager,
    meili: { host: string | null; apiKey: string | null },
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {
    this.postgres = new PostgresSearchEngine(em);
    this.meilisearch = meili.host ? new MeilisearchEngine(meili.host, meili.apiKey) : null;
  }

  get primary(): SearchEngine {
    return this.meilisearch ?? this.postgres;
  }

  async search(ctx: RequestContext, args: SearchArgs, engine: SearchEngine = this.primary): Promise<ProductSearchPage> {
    const pemdaId = args.pemdaId ?? ctx.actor?.pemdaId;
    if (!pemdaId) throw badInput([{ field: 'pemdaId', message: 'Sebutkan Pemda yang katalognya ingin dicari.' }]);
    const first = args.first ?? 20;
    const query = (args.query ?? '').trim();
    new Validation()
      .check(first >= 1 && first <= MAX_PAGE_SIZE, 'first', `Jumlah per halaman 1 sampai ${MAX_PAGE_SIZE}.`)
      .check(query.length <= 200, 'query', 'Kata kunci paling panjang 200 karakter.')
      .throwIfInvalid();
    const offset = args.after ? decodeCursor(args.after) : 0;
    const { categoryId, ...filter } = args.filter ?? {};
    let categoryIds: string[] | null = null;
    if (categoryId) {
      // The category and every category under it, in one query; none means it is not one of this Pemda's.
      const subtree = await ctx.em.execute<{ id: string }[]>(
        `select c.id from category root join category c on c.path like root.path || '%' where root.id = ? and root.pemda_id = ?`,
        [categoryId, pemdaId],
      );
      if (!subtree.length) throw notFound('Kategori');
      categoryIds = subtree.map((c) => c.id);
    }
    // Raw rows, not entities: this runs on every keystroke, and hydrating entities costs more than the query.
    const synonymRows = await ctx.em.execute<{ term: string; expansions: string[] }[]>(`select term, expansions from search_synonym where pemda_id = ?`, [pemdaId]);
    const synonyms = new Map(synonymRows.map((s) => [s.term, s.expansions]));
    const request = {
      pemdaId,
      query,
      filter: { ...filter, categoryIds },
      sort: args.sort ?? (query ? SearchSort.RELEVANCE : SearchSort.NEWEST),
      offset,
      limit: first,
      synonyms,
    };

    // The page's products load, as rows (server/database/rows.ts) with their vendors and categories in the same
    // statement, while the engine is still counting facets.
    let products: Promise<Row<Product>[]> | null = null;
    const load = (ids: string[]) => {
      products = rowsWithIds(ctx.em, Product, ids, { vendor: ctx.loaders.vendor, category: ctx.loaders.category }, args.shows);
      products.catch(() => {}); // awaited below; this only keeps an engine failure from leaving it unhandled
      return products;
    };
    let used = engine;
    let result;
    try {
      result = await engine.search(request, load);
    } catch (error) {
      if (engine === this.postgres) throw error;
      // The external engine is down or failing: buyers still get answers, from PostgreSQL.
      this.warn(`Search: ${engine.name} failed (${(error as Error).message}); answering from PostgreSQL.`);
      used = this.postgres;
      result = await this.postgres.search(request, load);
    }

    const byId = new Map((await (products ?? load(result.hits.map((h) => h.productId)))).map((p) => [p.id, p]));
    const hits = result.hits
      .filter((h) => byId.has(h.productId))
      .map((h, i) => ({ product: byId.get(h.productId)!, snippet: h.snippet, score: h.score, cursor: encodeCursor(offset + i + 1) }));
    const hasNextPage = offset + result.hits.length < result.total;
    return { engine: used.name, totalCount: result.total, hits, hasNextPage, endCursor: hits.at(-1)?.cursor ?? null, facets: result.facets, correctedQuery: result.correctedQuery ?? null };
  }

  synonyms(ctx: RequestContext, pemdaId: string): Promise<SearchSynonym[]> {
    return ctx.em.find(SearchSynonym, { pemda: pemdaId }, { orderBy: { term: 'asc' } });
  }

  /** BPBJ teaches its Pemda's search a word; no expansions removes it. */
  async setSynonym(ctx: RequestContext, pemdaId: string, termInput: string, expansionsInput: string[]): Promise<SearchSynonym[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const term = termInput.trim().toLowerCase();
    const expansions = [...new Set(expansionsInput.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    new Validation()
      .check(/^[\p{L}\p{N}]{2,40}$/u.test(term), 'term', 'Istilah berupa satu kata, 2-40 huruf atau angka.')
      .check(expansions.length <= 20 && expansions.every((e) => e.length <= 80 && e !== term), 'expansions', 'Paling banyak 20 padanan, masing-masing paling panjang 80 karakter dan berbeda dari istilahnya.')
      .throwIfInvalid();
    const existing = await ctx.em.findOne(SearchSynonym, { pemda: pemdaId, term });
    if (!expansions.length) {
      if (existing) ctx.em.remove(existing);
    } else if (existing) {
      existing.expansions = expansions;
    } else {
      ctx.em.create(SearchSynonym, { pemda: pemdaId, term, expansions });
    }
    await ctx.em.flush();
    const all = await this.synonyms(ctx, pemdaId);
    if (this.meilisearch) {
      await this.meilisearch
        .applySynonyms(pemdaId, new Map(all.map((s) => [s.term, s.expansions])))
        .catch((error) => this.warn(`Search: synonyms saved, but Meilisearch was not updated (${error.message}); run npm run reindex.`));
    }
    return all;
  }
}
