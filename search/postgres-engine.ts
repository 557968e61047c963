import type { EntityManager } from '@mikro-orm/postgresql';
import { BUYER_VISIBLE_SQL } from '../server/catalogue/product.service.js';
import { PRICE_BANDS, queryGroups, SearchSort, type FacetCount, type SearchEngine, type SearchRequest, type SearchResult } from './port.js';

/** A word as an Indonesian prefix query ("membeli" -> 'beli':*): stemming plus matching while typing. */
const WORD_TSQUERY = `to_tsquery('indonesian', ? || ':*')`;
// Below pg_trgm's default of 0.6 so one dropped letter still matches ("kripik" ~ "keripik" scores 0.57).
const WORD_SIMILARITY_THRESHOLD = 0.5;
// Shorter words have too few trigrams to tell a typo from another word ("gula" vs "bakar").
const MIN_TYPO_WORD = 5;
// A typed word widens to at most this many vocabulary words.
const MAX_CORRECTIONS = 3;

const ORDER_BY: Record<SearchSort, string> = {
  [SearchSort.RELEVANCE]: 'score desc, p.id',
  [SearchSort.NEWEST]: 'p.created_at desc, p.id desc',
  [SearchSort.PRICE_ASC]: 'p.price asc, p.id',
  [SearchSort.PRICE_DESC]: 'p.price desc, p.id desc',
  [SearchSort.NAME_ASC]: 'p.name asc, p.id',
};

interface Sql {
  text: string;
  params: unknown[];
}

/**
 * Search in PostgreSQL: the `indonesian` text search configuration over weighted fields (name, category,
 * description, vendor) for stems and prefixes. Typos (words of 5+ letters) are first corrected against a small
 * vocabulary table by pg_trgm similarity, so every match, typo or not, is answered by the full-text GIN index.
 * Synonyms widen a word into alternatives.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgresql' as const;

  constructor(private readonly em: () => EntityManager) {}

  /** The WHERE clause shared by hits and facets: what buyers may see, the filters, and the words. */
  where(request: SearchRequest, corrections: Map<string, string[]> = new Map()): Sql {
    const parts = [`p.pemda_id = ?`, BUYER_VISIBLE_SQL];
    const params: unknown[] = [request.pemdaId];
    const add = (condition: string, ...values: unknown[]) => {
      parts.push(condition);
      params.push(...values);
    };
    const f = request.filter;
    if (f.categoryPath) add(`c.path like ?`, `${f.categoryPath}%`);
    if (f.vendorId) add(`p.vendor_id = ?`, f.vendorId);
    if (f.priceMin != null) add(`p.price >= ?`, f.priceMin);
    if (f.priceMax != null) add(`p.price <= ?`, f.priceMax);
    if (f.localOnly) add(`v.is_local`);
    if (f.umkkOnly) add(`v.is_umkk`);
    if (f.pdnOnly) add(`p.is_pdn`);
    if (f.tkdnMin != null) add(`p.tkdn_percent >= ?`, f.tkdnMin);
    if (f.basicNeeds) add(`c.basic_needs`);

    for (const alternatives of queryGroups(request.query, request.synonyms)) {
      // Each word matches as itself (stemmed prefix) or as any vocabulary word it is a likely typo of.
      const options = alternatives.map((words) => {
        const all = words.map((word) => {
          const forms = [`${word}:*`, ...(corrections.get(word) ?? [])];
          params.push(...forms);
          return `p.search_vector @@ (${forms.map(() => `to_tsquery('indonesian', ?)`).join(' || ')})`;
        });
        return `(${all.join(' and ')})`;
      });
      parts.push(`(${options.join(' or ')})`);
    }
    return { text: parts.join(' and '), params };
  }

  /** Every typed word, synonym and typo correction, OR-ed, for ranking and highlighting. */
  private rankQuery(request: SearchRequest, corrections: Map<string, string[]>): Sql {
    const typed = queryGroups(request.query, request.synonyms).flat(2);
    const words = [...new Set([...typed, ...typed.flatMap((w) => corrections.get(w) ?? [])])];
    if (!words.length) return { text: `null::tsquery`, params: [] };
    return { text: `(${words.map(() => WORD_TSQUERY).join(' || ')})`, params: words };
  }

  /** Runs one statement in its own transaction with the trigram threshold this engine relies on. */
  private query(sql: string, params: unknown[]): Promise<Record<string, any>[]> {
    return this.em().transactional(async (em) => {
      await em.execute(`set local pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
      return em.execute<Record<string, any>[]>(sql, params);
    });
  }

  /** Likely intended words for each typed word of 5+ letters ("kripik" -> ["keripik"]), from the vocabulary. */
  async corrections(request: SearchRequest): Promise<Map<string, string[]>> {
    const words = [...new Set(queryGroups(request.query, request.synonyms).flat(2))].filter((w) => w.length >= MIN_TYPO_WORD);
    if (!words.length) return new Map();
    const rows = await this.query(
      `select q.word as typed, v.word from (values ${words.map(() => '(?)').join(', ')}) as q(word)
         cross join lateral (select word from search_vocabulary where q.word <% word and word <> q.word
                             order by word_similarity(q.word, word) desc, word limit ${MAX_CORRECTIONS}) v`,
      words,
    );
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.typed, [...(map.get(r.typed) ?? []), r.word]);
    return map;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const corrections = await this.corrections(request);
    const where = this.where(request, corrections);
    const rank = this.rankQuery(request, corrections);
    const from = `from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id where ${where.text}`;
    const typed = rank.params.length > 0;
    const typos = queryGroups(request.query, request.synonyms).flat(2).filter((w) => w.length >= MIN_TYPO_WORD);
    // Rank: text relevance (weighted fields) plus how close the typed words are to the name itself, for typo matches.
    const score = typed
      ? `ts_rank_cd(p.search_vector, ${rank.text}) + ${typos.length ? typos.map(() => `word_similarity(?, lower(p.name))`).join(' + ') : '0'} * 0.1`
      : '0';
    // Highlight only the page: ts_headline is the costliest call, so it runs on 20 rows, not on every match.
    const snippet = typed
      ? `ts_headline('indonesian', page.name || ' - ' || page.description, ${rank.text}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=18, MinWords=6, HighlightAll=false')`
      : `page.name`;
    const order = ORDER_BY[request.sort === SearchSort.RELEVANCE && !typed ? SearchSort.NEWEST : request.sort];
    const bands = PRICE_BANDS.map(([, min, max]) => `count(*) filter (where p.price >= ${min} and p.price < ${max})`).join(', ');

    // Hits and facets are independent scans: on the server they run side by side on two connections.
    const [hits, facetRows] = await Promise.all([
      this.query(
        `select page.id, ${snippet} as snippet, page.score from (
           select p.id, p.name, p.description, ${score} as score, p.created_at, p.price ${from} order by ${order} limit ? offset ?
         ) page order by ${order.replace(/\bp\./g, 'page.')}`,
        [...(typed ? [...rank.params, ...rank.params, ...typos] : []), ...where.params, request.limit, request.offset],
      ),
      this.query(
        `select grouping(p.category_id) as all_rows, p.category_id, count(*) as total,
           count(*) filter (where v.is_local) as local_yes, count(*) filter (where v.is_umkk) as umkk_yes,
           count(*) filter (where p.is_pdn) as pdn_yes, count(*) filter (where c.basic_needs) as basic_yes,
           array[${bands}] as bands
         ${from} group by grouping sets ((), (p.category_id))`,
        where.params,
      ),
    ]);
    const totals = facetRows.find((r) => Number(r.all_rows) === 1) ?? { total: 0, local_yes: 0, umkk_yes: 0, pdn_yes: 0, basic_yes: 0, bands: PRICE_BANDS.map(() => 0) };
    const total = Number(totals.total);
    const yesNo = (key: string): FacetCount[] => [
      { value: 'true', count: Number(totals[key]) },
      { value: 'false', count: total - Number(totals[key]) },
    ];
    const bandCounts = totals.bands as (string | number)[];
    const categories = facetRows
      .filter((r) => Number(r.all_rows) === 0)
      .map((r) => ({ value: String(r.category_id), count: Number(r.total) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, 50);
    return {
      total,
      hits: hits.map((h) => ({ productId: h.id, snippet: h.snippet, score: Number(h.score) })),
      facets: {
        categories,
        local: yesNo('local_yes'),
        umkk: yesNo('umkk_yes'),
        pdn: yesNo('pdn_yes'),
        basicNeeds: yesNo('basic_yes'),
        priceBands: PRICE_BANDS.map(([label], i) => ({ value: label, count: Number(bandCounts[i]) })),
      },
    };
  }
}
