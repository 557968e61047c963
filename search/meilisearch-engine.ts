import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type Settings } from 'meilisearch';
import type { EntityManager } from '@mikro-orm/postgresql';
import { log } from '../server/observability/log.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { allDocuments } from './documents.js';
import { SearchSynonym } from './search.entities.js';
import { facetsOf, SearchSort, type ProductDocument, type SearchRequest, type SearchResult, type SyncedSearchEngine } from './port.js';

/**
 * The Meilisearch version this adapter is written and pinned for (docker-compose.yml): every request it sends is one
 * that version documents.
 */
export const MEILISEARCH_VERSION = 'v1.12';

const WAIT = { timeout: 60_000 };
const BATCH = 1_000;

/** A task Meilisearch finished without success: its code and message, for the log and the outbox's last_error. */
export class MeilisearchTaskFailed extends Error {
  constructor(readonly taskUid: number, readonly status: string, readonly code: string | null, detail: string) {
    super(`Meilisearch task ${taskUid} ${status}${code ? ` (${code})` : ''}: ${detail}`);
  }
}

/**
 * Waits for a task and insists it succeeded: `waitTask` resolves with failed and canceled tasks too, and a failed
 * indexing taken for success would delete outbox rows whose changes never arrived.
 */
async function succeeded(task: EnqueuedTaskPromise): Promise<void> {
  const done = await task.waitTask(WAIT);
  if (done.status === 'succeeded') return;
  const failure = new MeilisearchTaskFailed(done.uid, done.status, done.error?.code ?? null, done.error?.message ?? 'no detail');
  log.warn({ taskUid: done.uid, status: done.status, code: done.error?.code }, 'Meilisearch task did not succeed');
  throw failure;
}

/** Indonesian words too common to tell products apart; Meilisearch has no Indonesian stemmer or stop list of its own. */
export const INDONESIAN_STOP_WORDS = ['yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'dengan', 'atau', 'ini', 'itu', 'pada', 'dalam', 'adalah', 'juga', 'per', 'isi', 'oleh', 'se', 'para'];

const SORT: Record<SearchSort, string[] | undefined> = {
  [SearchSort.RELEVANCE]: undefined,
  [SearchSort.NEWEST]: ['createdAt:desc'],
  [SearchSort.PRICE_ASC]: ['price:asc'],
  [SearchSort.PRICE_DESC]: ['price:desc'],
  [SearchSort.NAME_ASC]: ['name:asc'],
};

const FACETS = ['categoryId', 'isLocal', 'isUmkk', 'isPdn', 'basicNeeds', 'priceBand'];

/** Settings go in before any document, so documents are indexed once with the right rules. */
export function indexSettings(synonyms: Map<string, string[]>): Settings {
  const table: Record<string, string[]> = {};
  for (const [term, expansions] of synonyms) {
    table[term] = expansions;
    for (const phrase of expansions) table[phrase] = [...new Set([...(table[phrase] ?? []), term])];
  }
  return {
    // Order is weight: name above category above description above vendor, as in the PostgreSQL engine.
    searchableAttributes: ['name', 'categoryName', 'description', 'vendorName'],
    filterableAttributes: ['categoryId', 'vendorId', 'price', 'isLocal', 'isUmkk', 'isPdn', 'basicNeeds', 'tkdnPercent', 'priceBand'],
    sortableAttributes: ['price', 'createdAt', 'name'],
    // `sort` first: a price or name sort orders by price or name, as on PostgreSQL, not within relevance groups. With
    // no sort asked for, the rule does nothing and relevance decides.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: table,
    stopWords: INDONESIAN_STOP_WORDS,
    // One typo from 5 letters, as the PostgreSQL engine's trigram rule: "sapu" must not find "sapi".
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 200_000 },
    // Counts first and room for every leaf category, so the 50 most populated are always among those returned.
    faceting: { maxValuesPerFacet: 1_000, sortFacetValuesBy: { '*': 'count' } },
  };
}

const quote = (value: string) => `"${value.replace(/"/g, '\\"')}"`;

/**
 * Meilisearch, one index per Pemda (synonyms differ between regions). Holds only what buyers may see; the
 * outbox keeps it in step. Meilisearch has no Indonesian stemmer: "membelikan" does not find "beli" here.
 */
export class MeilisearchEngine implements SyncedSearchEngine {
  readonly name = 'meilisearch' as const;
  readonly client: Meilisearch;

  constructor(host: string, apiKey: string | null, private readonly prefix = 'products') {
    this.client = new Meilisearch({ host, apiKey: apiKey ?? undefined, timeout: 5_000 });
  }

  indexUid(pemdaId: string): string {
    return `${this.prefix}_${pemdaId.replace(/-/g, '')}`;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const f = request.filter;
    const filter = [
      f.categoryIds && `categoryId IN [${f.categoryIds.map(quote).join(', ')}]`,
      f.vendorId && `vendorId = ${quote(f.vendorId)}`,
      f.priceMin != null && `price >= ${f.priceMin}`,
      f.priceMax != null && `price <= ${f.priceMax}`,
      f.localOnly && 'isLocal = true',
      f.umkkOnly && 'isUmkk = true',
      f.pdnOnly && 'isPdn = true',
      f.tkdnMin != null && `tkdnPercent >= ${f.tkdnMin}`,
      f.basicNeeds && 'basicNeeds = true',
    ].filter((x): x is string => Boolean(x));
    // An empty query has no relevance: newest first, as the PostgreSQL engine browses.
    const sort = request.sort === SearchSort.RELEVANCE && !request.query.trim() ? SORT[SearchSort.NEWEST] : SORT[request.sort];
    // Page mode gives exhaustive totals (`totalHits`), so both engines count alike; a position that is not a page
    // boundary falls back to offset mode, whose total Meilisearch only estimates.
    const paged = request.limit > 0 && request.offset % request.limit === 0;
    const response = await this.client.index<ProductDocument>(this.indexUid(request.pemdaId)).search(request.query, {
      filter,
      sort,
      ...(paged ? { page: request.offset / request.limit + 1, hitsPerPage: request.limit } : { offset: request.offset, limit: request.limit }),
      facets: FACETS,
      attributesToHighlight: ['name', 'description'],
      attributesToCrop: ['description'],
      cropLength: 18,
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
      showRankingScore: true,
    });
    const distribution = response.facetDistribution ?? {};
    const counts = (name: string) => new Map(Object.entries(distribution[name] ?? {}));
    return {
      total: (response as { totalHits?: number }).totalHits ?? response.estimatedTotalHits ?? response.hits.length,
      hits: response.hits.map((hit) => ({
        productId: hit.id,
        snippet: `${hit._formatted?.name ?? hit.name} - ${hit._formatted?.description ?? ''}`,
        score: hit._rankingScore ?? 0,
      })),
      // Meilisearch leaves out empty buckets and may order values its own way: put them in the one shared shape.
      facets: facetsOf({
        categories: counts('categoryId'),
        local: counts('isLocal'),
        umkk: counts('isUmkk'),
        pdn: counts('isPdn'),
        basicNeeds: counts('basicNeeds'),
        priceBands: counts('priceBand'),
      }),
    };
  }

  /** Indexes this process has seen exist, so each is looked up once. */
  private readonly known = new Set<string>();

  /**
   * Makes sure the Pemda's index exists with its settings before any document goes in: adding documents to a missing
   * index would create it with default settings (no filterable attributes), and every filtered search would fail.
   * A new index gets the settings without synonyms; `npm run reindex` and `applySynonyms` bring those.
   */
  private async ensureIndex(uid: string): Promise<void> {
    if (this.known.has(uid)) return;
    const exists = await this.client.getIndex(uid).then(
      () => true,
      (error) => (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found' ? false : Promise.reject(error)),
    );
    if (!exists) {
      await succeeded(this.client.createIndex(uid, { primaryKey: 'id' }));
      await succeeded(this.client.index(uid).updateSettings(indexSettings(new Map())));
    }
    this.known.add(uid);
  }

  async upsert(pemdaId: string, documents: ProductDocument[]): Promise<void> {
    if (!documents.length) return;
    const uid = this.indexUid(pemdaId);
    await this.ensureIndex(uid);
    const index = this.client.index<ProductDocument>(uid);
    for (const task of index.addDocumentsInBatches(documents, BATCH, { primaryKey: 'id' })) await succeeded(task);
  }

  async remove(pemdaId: string, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    const uid = this.indexUid(pemdaId);
    await this.ensureIndex(uid);
    await succeeded(this.client.index(uid).deleteDocuments(productIds));
  }

  /** Zero-downtime rebuild: fill a new index, swap it with the live one, drop the old. */
  async rebuild(pemdaId: string, batches: AsyncIterable<ProductDocument[]>, synonyms: Map<string, string[]>): Promise<number> {
    const live = this.indexUid(pemdaId);
    const fresh = `${live}_${Date.now()}`;
    await succeeded(this.client.createIndex(fresh, { primaryKey: 'id' }));
    await succeeded(this.client.index(fresh).updateSettings(indexSettings(synonyms)));
    let count = 0;
    for await (const documents of batches) {
      for (const task of this.client.index<ProductDocument>(fresh).addDocumentsInBatches(documents, BATCH)) await succeeded(task);
      count += documents.length;
    }
    await this.ensureIndex(live); // a swap needs both indexes to exist
    // Only `indexes`: the `rename` field exists from v1.18 on, and v1.12 (pinned) refuses an unknown field.
    await succeeded(this.client.swapIndexes([{ indexes: [live, fresh] } as { indexes: [string, string]; rename: boolean }]));
    await succeeded(this.client.deleteIndex(fresh));
    return count;
  }

  async applySynonyms(pemdaId: string, synonyms: Map<string, string[]>): Promise<void> {
    const uid = this.indexUid(pemdaId);
    await this.ensureIndex(uid);
    await succeeded(this.client.index(uid).updateSettings({ synonyms: indexSettings(synonyms).synonyms }));
  }

  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }
}

/**
 * Rebuilds every Pemda's index and swaps it in (`npm run reindex`). The cut-off is the database's clock, the one
 * outbox rows and `updated_at` are stamped with. Rows queued before it are in the new indexes. A change made while the
 * rebuild ran may have been drained into the old index and lost in the swap, so every product changed since the
 * cut-off (it, its vendor or its category) is queued again for the outbox to replay.
 */
export async function reindexMeilisearch(em: EntityManager, engine: MeilisearchEngine, report: (line: string) => void): Promise<void> {
  const [{ cutoff }] = await em.execute<{ cutoff: Date }[]>('select now() as cutoff');
  for (const pemda of await em.find(Pemda, {})) {
    const synonyms = new Map((await em.find(SearchSynonym, { pemda })).map((s) => [s.term, s.expansions]));
    const count = await engine.rebuild(pemda.id, allDocuments(em, pemda.id), synonyms);
    report(`Meilisearch: ${pemda.name}: ${count} products indexed and swapped in.`);
  }
  await em.execute('delete from search_outbox where created_at < ?', [cutoff]);
  const replayed = await em.execute<{ affectedRows: number }>(
    `insert into search_outbox (product_id, pemda_id)
     select p.id, p.pemda_id from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id
      where p.updated_at >= ? or v.updated_at >= ? or c.updated_at >= ?`,
    [cutoff, cutoff, cutoff], 'run');
  report(`Meilisearch: ${replayed.affectedRows} products changed during the rebuild queued again.`);
}
