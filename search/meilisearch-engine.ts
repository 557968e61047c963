import { Meilisearch, type Settings } from 'meilisearch';
import { SearchSort, type ProductDocument, type SearchRequest, type SearchResult, type SyncedSearchEngine } from './port.js';

const WAIT = { timeout: 60_000 };
const BATCH = 1_000;

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
    synonyms: table,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    pagination: { maxTotalHits: 200_000 },
    faceting: { maxValuesPerFacet: 100 },
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
    const response = await this.client.index<ProductDocument>(this.indexUid(request.pemdaId)).search(request.query, {
      filter,
      sort: SORT[request.sort],
      offset: request.offset,
      limit: request.limit,
      facets: FACETS,
      attributesToHighlight: ['name', 'description'],
      attributesToCrop: ['description'],
      cropLength: 18,
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
      showRankingScore: true,
    });
    const distribution = response.facetDistribution ?? {};
    const facet = (name: string) => Object.entries(distribution[name] ?? {}).map(([value, count]) => ({ value, count }));
    return {
      total: response.estimatedTotalHits ?? response.hits.length,
      hits: response.hits.map((hit) => ({
        productId: hit.id,
        snippet: `${hit._formatted?.name ?? hit.name} - ${hit._formatted?.description ?? ''}`,
        score: hit._rankingScore ?? 0,
      })),
      facets: {
        categories: facet('categoryId'),
        local: facet('isLocal'),
        umkk: facet('isUmkk'),
        pdn: facet('isPdn'),
        basicNeeds: facet('basicNeeds'),
        priceBands: facet('priceBand'),
      },
    };
  }

  async upsert(pemdaId: string, documents: ProductDocument[]): Promise<void> {
    if (!documents.length) return;
    const index = this.client.index<ProductDocument>(this.indexUid(pemdaId));
    for (const task of index.addDocumentsInBatches(documents, BATCH, { primaryKey: 'id' })) await task.waitTask(WAIT);
  }

  async remove(pemdaId: string, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    await this.client.index(this.indexUid(pemdaId)).deleteDocuments(productIds).waitTask(WAIT);
  }

  /** Zero-downtime rebuild: fill a new index, swap it with the live one, drop the old. */
  async rebuild(pemdaId: string, batches: AsyncIterable<ProductDocument[]>, synonyms: Map<string, string[]>): Promise<number> {
    const live = this.indexUid(pemdaId);
    const fresh = `${live}_${Date.now()}`;
    await this.client.createIndex(fresh, { primaryKey: 'id' }).waitTask(WAIT);
    await this.client.index(fresh).updateSettings(indexSettings(synonyms)).waitTask(WAIT);
    let count = 0;
    for await (const documents of batches) {
      for (const task of this.client.index<ProductDocument>(fresh).addDocumentsInBatches(documents, BATCH)) await task.waitTask(WAIT);
      count += documents.length;
    }
    const exists = await this.client.getIndex(live).then(() => true, () => false);
    if (!exists) await this.client.createIndex(live, { primaryKey: 'id' }).waitTask(WAIT);
    await this.client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask(WAIT);
    await this.client.deleteIndex(fresh).waitTask(WAIT);
    return count;
  }

  async applySynonyms(pemdaId: string, synonyms: Map<string, string[]>): Promise<void> {
    await this.client.index(this.indexUid(pemdaId)).updateSettings({ synonyms: indexSettings(synonyms).synonyms }).waitTask(WAIT);
  }

  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }
}
