import type { ProductFilter } from '../server/catalogue/product-filter.js';

/**
 * The one search interface. Engines (PostgreSQL, Meilisearch) implement it; the service picks one by
 * configuration and falls back to PostgreSQL when the external engine fails.
 */
export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NAME_ASC = 'NAME_ASC',
}

/** The catalogue's buyer filters, with the category resolved to itself and every category under it (engines need no category lookup). */
export type SearchFilter = Omit<ProductFilter, 'categoryId' | 'status'> & { categoryIds?: string[] | null };

export interface SearchRequest {
  pemdaId: string;
  /** What the officer typed; empty means browse with facets. */
  query: string;
  filter: SearchFilter;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** term -> expansions ("migor" -> ["minyak goreng"]) for this Pemda. */
  synonyms: Map<string, string[]>;
}

export interface SearchHit {
  productId: string;
  /** Matching text with <mark>...</mark> around what matched. */
  snippet: string;
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchFacets {
  categories: FacetCount[];
  local: FacetCount[];
  umkk: FacetCount[];
  pdn: FacetCount[];
  basicNeeds: FacetCount[];
  priceBands: FacetCount[];
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: SearchFacets;
  /** The query as the results read it when the engine took a typed word for a typo; null or absent otherwise. */
  correctedQuery?: string | null;
}

/** What an external engine stores for one product: only products buyers may see. */
export interface ProductDocument {
  id: string;
  pemdaId: string;
  name: string;
  description: string;
  categoryId: string;
  categoryName: string;
  vendorId: string;
  vendorName: string;
  price: number;
  priceBand: string;
  isLocal: boolean;
  isUmkk: boolean;
  isPdn: boolean;
  basicNeeds: boolean;
  tkdnPercent: number | null;
  createdAt: number;
}

export interface SearchEngine {
  readonly name: 'postgresql' | 'meilisearch';
  /**
   * `onHits`, when the engine knows the page's products before it has finished counting facets, lets the caller
   * start loading them meanwhile.
   */
  search(request: SearchRequest, onHits?: (productIds: string[]) => void): Promise<SearchResult>;
}

/** Engines kept in sync from the outbox (the PostgreSQL engine needs none: triggers keep it current). */
export interface SyncedSearchEngine extends SearchEngine {
  upsert(pemdaId: string, documents: ProductDocument[]): Promise<void>;
  remove(pemdaId: string, productIds: string[]): Promise<void>;
  /** Builds a fresh index for the Pemda from all documents and swaps it in. */
  rebuild(pemdaId: string, documents: AsyncIterable<ProductDocument[]>, synonyms: Map<string, string[]>): Promise<number>;
}

import { PRICE_BANDS } from './price-bands.js';
export { PRICE_BANDS };

/** How many leaf categories a facet lists, the most populated first. */
export const CATEGORY_FACET_CAP = 50;

/**
 * Every engine's facets in one shape and order: categories by count (then id), at most 50; yes/no facets always
 * `true` then `false`, zero counts included; price bands in their fixed order, zeros included.
 */
export function facetsOf(counts: Record<keyof SearchFacets, Map<string, number>>): SearchFacets {
  const yesNo = (m: Map<string, number>): FacetCount[] => ['true', 'false'].map((value) => ({ value, count: m.get(value) ?? 0 }));
  return {
    categories: [...counts.categories]
      .filter(([, count]) => count > 0)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, CATEGORY_FACET_CAP),
    local: yesNo(counts.local),
    umkk: yesNo(counts.umkk),
    pdn: yesNo(counts.pdn),
    basicNeeds: yesNo(counts.basicNeeds),
    priceBands: PRICE_BANDS.map(([label]) => ({ value: label, count: counts.priceBands.get(label) ?? 0 })),
  };
}

export const priceBandOf = (price: number) => PRICE_BANDS.find(([, min, max]) => price >= min && price < max)![0];

/**
 * Splits what was typed into word groups: each group is the word itself or any of its synonyms' phrases.
 * "migor 2 liter" -> [[["migor"], ["minyak", "goreng"]], [["2"]], [["liter"]]].
 */
export function queryGroups(query: string, synonyms: Map<string, string[]>): string[][][] {
  const words = query.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 12).map((word) => [[word], ...(synonyms.get(word) ?? []).map((phrase) => phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]);
}
