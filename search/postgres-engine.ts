import type { EntityManager } from '@mikro-orm/postgresql';
import { facetsOf, PRICE_BANDS, queryGroups, SearchSort, type SearchEngine, type SearchRequest, type SearchResult } from './port.js';

// Below pg_trgm's default of 0.6 so one dropped letter still matches ("kripik" ~ "keripik" scores 0.57).
const WORD_SIMILARITY_THRESHOLD = 0.5;
// Shorter words have too few trigrams to tell a typo from another word ("gula" vs "bakar").
const MIN_GUESSED_WORD = 5;
// A typed word widens to at most this many completions and this many corrections.
const MAX_GUESSES = 3;
// A product found through a typo correction ranks below one that matches what was typed.
const CORRECTION_WEIGHT = 0.5;

/**
 * What a typed word may also mean, from the vocabulary: words it begins ("kerip" -> "keripik", typing in progress:
 * needed because the stemmer turns "keripik" into "ripik") and words it is a likely typo of ("kripik" -> "keripik").
 */
interface Guesses {
  /** Whether the word itself is in the vocabulary (then a correction is only a second reading). */
  known: boolean;
  completions: string[];
  corrections: string[];
}

const ORDER_BY: Record<SearchSort, string> = {
  [SearchSort.RELEVANCE]: 'score desc, s.product_id',
  [SearchSort.NEWEST]: 's.created_at desc, s.product_id desc',
  [SearchSort.PRICE_ASC]: 's.price asc, s.product_id',
  [SearchSort.PRICE_DESC]: 's.price desc, s.product_id desc',
  [SearchSort.NAME_ASC]: 's.name asc, s.product_id',
};

// Facets are counted per cell (category x local x UMK-K x PDN x basic needs, in the order of the covering index,
// with a count per price band) in SQL and summed here: a few hundred rows cross the wire however many products match.
const BAND_COUNTS = `array[${PRICE_BANDS.map(([, min, max]) => `count(*) filter (where s.price >= ${min} and s.price < ${max})`).join(', ')}]::int[]`;

/** A word, stemmed like the index ("membelikan" -> 'beli'). */
const exactQuery = (word: string): Sql => sql(`to_tsquery('indonesian', ?)`, word);
/** The word being typed: also a prefix ("minya" -> 'minya':*). */
const prefixQuery = (word: string): Sql => sql(`to_tsquery('indonesian', ?)`, `${word}:*`);
/**
 * How each word of the query matches: the last word typed is a prefix, as it may be unfinished; the words before
 * it, and the words of synonyms, are whole (an exact index lookup is also cheaper than a prefix range).
 */
const ownQuery = (typing: string | undefined) => (word: string) => (word === typing ? prefixQuery(word) : exactQuery(word));

/** The query, read once per request. */
interface Words {
  /** Per typed word, its alternatives: the word itself first, then each synonym's phrase. */
  groups: string[][][];
  guesses: Map<string, Guesses>;
  /** How a word of the query itself matches (see ownQuery). */
  own: (word: string) => Sql;
}

interface Sql {
  text: string;
  params: unknown[];
}

const sql = (text: string, ...params: unknown[]): Sql => ({ text, params });
const joinSql = (parts: Sql[], separator: string): Sql => ({ text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) });
/** tsquery alternatives (||) and conjunctions (&&), parenthesised: the two operators share one precedence in SQL. */
const anyOf = (parts: Sql[]): Sql => sql(`(${parts.map((p) => p.text).join(' || ')})`, ...parts.flatMap((p) => p.params));
const allOf = (parts: Sql[]): Sql => sql(`(${parts.map((p) => p.text).join(' && ')})`, ...parts.flatMap((p) => p.params));

/** Conditions on the facet dimensions, which the index and the facet ledger share (`column` prefixes the names). */
function cellFilters(filter: SearchRequest['filter'], column = ''): Sql[] {
  const parts: Sql[] = [];
  // Given literally, the planner can tell a small category from a large one and pick the index that fits.
  if (filter.categoryIds) parts.push(filter.categoryIds.length ? sql(`${column}category_id in (?)`, filter.categoryIds) : sql('false'));
  if (filter.localOnly) parts.push(sql(`${column}is_local`));
  if (filter.umkkOnly) parts.push(sql(`${column}is_umkk`));
  if (filter.pdnOnly) parts.push(sql(`${column}is_pdn`));
  if (filter.basicNeeds) parts.push(sql(`${column}basic_needs`));
  return parts;
}

/**
 * Search in PostgreSQL over `searchable_product`, a narrow table holding only what buyers may see, kept by
 * triggers (see its entity). The `indonesian` text search configuration over weighted fields (name, category,
 * description, vendor) gives stems and prefixes. Typos (words of 5+ letters) are first corrected against a small
 * vocabulary table by pg_trgm similarity, and synonyms widen a word into alternatives; all of it becomes one
 * tsquery, answered by one GIN index scan.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgresql' as const;

  constructor(private readonly em: () => EntityManager) {}

  /** The WHERE clause shared by hits and facets: the Pemda, the filters, and the words. */
  private where(request: SearchRequest, words: Words): Sql {
    const f = request.filter;
    const parts = [sql(`s.pemda_id = ?`, request.pemdaId), ...cellFilters(f, 's.')];
    if (f.vendorId) parts.push(sql(`s.vendor_id = ?`, f.vendorId));
    if (f.priceMin != null) parts.push(sql(`s.price >= ?`, f.priceMin));
    if (f.priceMax != null) parts.push(sql(`s.price <= ?`, f.priceMax));
    if (f.tkdnMin != null) parts.push(sql(`s.tkdn_percent >= ?`, f.tkdnMin));
    const match = this.matchQuery(words);
    if (match) parts.push(sql(`s.search_vector @@ (${match.text})`, ...match.params));
    return joinSql(parts, ' and ');
  }

  /**
   * Every typed word must match, as itself (stemmed; the last one also as a prefix), as a word it completes or is a
   * likely typo of, or through a synonym's phrase: (w1 | guess1) & (w2 | synonym-phrase) ... as one tsquery.
   */
  private matchQuery({ groups, guesses, own }: Words): Sql | null {
    const word = (w: string) => {
      const g = guesses.get(w);
      return anyOf([own(w), ...[...(g?.completions ?? []), ...(g?.corrections ?? [])].map(exactQuery)]);
    };
    return groups.length ? allOf(groups.map((alternatives) => anyOf(alternatives.map((phrase) => allOf(phrase.map(word)))))) : null;
  }

  /**
   * For ranking and highlighting: what was typed, its synonyms and completions, OR-ed; and apart, the typo
   * corrections, which count for less.
   */
  private rankQueries({ groups, guesses, own }: Words): { typed: Sql | null; corrected: Sql | null } {
    const typed = [...new Set(groups.flat(2))];
    const corrected = [...new Set(typed.flatMap((w) => guesses.get(w)?.corrections ?? []))];
    const any = (parts: Sql[]) => (parts.length ? anyOf(parts) : null);
    return {
      typed: any([...typed.map(own), ...typed.flatMap((w) => guesses.get(w)?.completions ?? []).map(exactQuery)]),
      corrected: any(corrected.map(exactQuery)),
    };
  }

  /**
   * Completions and likely intended words for each typed word of 5+ letters, from the vocabulary. Not for the
   * words of synonyms: BPBJ wrote those, and each guess widens the query.
   */
  private async guesses(typed: string[]): Promise<Map<string, Guesses>> {
    const words = [...new Set(typed)].filter((w) => w.length >= MIN_GUESSED_WORD);
    if (!words.length) return new Map();
    // "word % typed" (trigram similarity of at least 0.3, answered by the trigram index) narrows the vocabulary;
    // the word similarity threshold then decides. No session setting, so no transaction: this runs on every keystroke.
    const rows = await this.em().execute<{ typed: string; word: string; kind: 'known' | 'completion' | 'correction' }[]>(
      `select q.word as typed, v.word, v.kind from (values ${words.map(() => '(?)').join(', ')}) as q(word)
         cross join lateral (
           (select word, 'known' as kind from search_vocabulary where word = q.word)
           union all
           (select word, 'completion' from search_vocabulary where word like q.word || '%' and word <> q.word
             order by length(word), word limit ${MAX_GUESSES})
           union all
           (select word, 'correction' from search_vocabulary
             where word % q.word and word_similarity(q.word, word) >= ${WORD_SIMILARITY_THRESHOLD} and word <> q.word and word not like q.word || '%'
             order by word_similarity(q.word, word) desc, word limit ${MAX_GUESSES})) v`,
      words,
    );
    const map = new Map<string, Guesses>(words.map((w) => [w, { known: false, completions: [], corrections: [] }]));
    for (const r of rows) {
      const guesses = map.get(r.typed)!;
      if (r.kind === 'known') guesses.known = true;
      else guesses[r.kind === 'completion' ? 'completions' : 'corrections'].push(r.word);
    }
    return map;
  }

  /** Facet cells summed from the ledger, shaped like counted ones (a band count per cell). */
  private ledgerFacets(request: SearchRequest): Sql {
    const parts = [sql(`pemda_id = ?`, request.pemdaId), ...cellFilters(request.filter)];
    const bands = `array[${PRICE_BANDS.map((_, i) => `coalesce(sum(products) filter (where price_band = ${i}), 0)`).join(', ')}]::int[]`;
    return joinSql(
      [
        sql(`select category_id, is_local, is_umkk, is_pdn, basic_needs, sum(products)::int as n, ${bands} as bands from search_facet_count where`),
        joinSql(parts, ' and '),
        sql(`group by 1, 2, 3, 4, 5 having sum(products) > 0`),
      ],
      ' ',
    );
  }

  /** Highlighted snippets of the page only: ts_headline is the costliest call, so it runs on 20 rows, not every match. */
  private async snippets(ids: string[], highlight: Sql): Promise<Map<string, string>> {
    const rows = await this.em().execute<{ id: string; snippet: string }[]>(
      `select p.id, ts_headline('indonesian', p.name || ' - ' || p.description, ${highlight.text},
              'StartSel=<mark>, StopSel=</mark>, MaxWords=18, MinWords=6, HighlightAll=false') as snippet
         from product p where p.id in (?)`,
      [...highlight.params, ids],
    );
    return new Map(rows.map((r) => [r.id, r.snippet]));
  }

  async search(request: SearchRequest, onHits?: (productIds: string[]) => void): Promise<SearchResult> {
    const groups = queryGroups(request.query, request.synonyms);
    const typedWords = groups.map((alternatives) => alternatives[0][0]);
    const words: Words = { groups, guesses: await this.guesses(typedWords), own: ownQuery(typedWords.at(-1)) };
    const where = this.where(request, words);
    const { typed, corrected } = this.rankQueries(words);
    // ts_rank weighs name above category above description above vendor; it reads only the vector, unlike
    // ts_rank_cd, which costs ten times more per row on a broad query.
    const rankOf = (q: Sql) => sql(`ts_rank(s.search_vector, ${q.text})`, ...q.params);
    const score = !typed ? sql('0')
      : corrected ? joinSql([rankOf(typed), sql(`+ ${CORRECTION_WEIGHT} *`), rankOf(corrected)], ' ')
      : rankOf(typed);
    const highlight = typed && corrected ? sql(`(${typed.text} || ${corrected.text})`, ...typed.params, ...corrected.params) : typed;
    const order = ORDER_BY[request.sort === SearchSort.RELEVANCE && !typed ? SearchSort.NEWEST : request.sort];
    const hitsSql = joinSql(
      [
        sql(`select s.product_id as id, s.name,`),
        score,
        // Within a category, select first and sort after ("offset 0" keeps the subquery whole): otherwise the
        // planner walks the price or date index over every category, hoping to meet the category's rows early,
        // which for a small, dear category such as batik means most of the catalogue.
        sql(`as score from (select * from searchable_product s where`),
        where,
        sql(`${request.filter.categoryIds ? 'offset 0' : ''}) s order by ${order} limit ? offset ?`, request.limit, request.offset),
      ],
      ' ',
    );
    const facetSql = joinSql(
      [
        sql(`select s.category_id, s.is_local, s.is_umkk, s.is_pdn, s.basic_needs, count(*)::int as n, ${BAND_COUNTS} as bands from searchable_product s where`),
        where,
        sql(`group by 1, 2, 3, 4, 5`),
      ],
      ' ',
    );

    // Browsing without words or a price, vendor or TKDN filter: every facet dimension is a cell of the ledger, so
    // the counts are summed from a few hundred rows instead of counted over every product.
    const f = request.filter;
    const fromLedger = !typed && f.vendorId == null && f.priceMin == null && f.priceMax == null && f.tkdnMin == null;
    const facetQuery = fromLedger ? this.ledgerFacets(request) : facetSql;

    // Hits and facets run side by side on two connections. The page comes first: its products start loading
    // (onHits) while the snippets are cut and the facets counted.
    const page = async () => {
      const rows = await this.em().execute<{ id: string; name: string; score: number }[]>(hitsSql.text, hitsSql.params);
      onHits?.(rows.map((r) => r.id));
      const snippets = highlight && rows.length ? await this.snippets(rows.map((r) => r.id), highlight) : new Map<string, string>();
      return rows.map((r) => ({ id: r.id, score: r.score, snippet: snippets.get(r.id) ?? r.name }));
    };
    const [hits, cells] = await Promise.all([page(), this.em().execute<Record<string, any>[]>(facetQuery.text, facetQuery.params)]);
    return {
      total: cells.reduce((sum, c) => sum + c.n, 0),
      hits: hits.map((h) => ({ productId: h.id, snippet: h.snippet, score: Number(h.score) })),
      facets: sumFacets(cells),
      correctedQuery: correctedQuery(words),
    };
  }
}

/**
 * The query as the results read it, when a typed word was taken for a typo ("kripik apel" -> "keripik apel"): a
 * word is replaced by its likeliest correction when the vocabulary knows neither it nor a word it begins, and BPBJ
 * gave it no synonym (then the synonyms answered). Null when every word was taken as typed.
 */
function correctedQuery({ groups, guesses }: Words): string | null {
  let corrected = false;
  const words = groups.map((alternatives) => {
    const typed = alternatives[0][0];
    const g = guesses.get(typed);
    if (alternatives.length > 1 || !g || g.known || g.completions.length || !g.corrections.length) return typed;
    corrected = true;
    return g.corrections[0];
  });
  return corrected ? words.join(' ') : null;
}

interface FacetCell {
  category_id: string;
  is_local: boolean;
  is_umkk: boolean;
  is_pdn: boolean;
  basic_needs: boolean;
  n: number;
  bands: number[];
}

function sumFacets(cells: Record<string, any>[]): SearchResult['facets'] {
  const count = (key: (c: FacetCell) => string) => {
    const counts = new Map<string, number>();
    for (const c of cells as FacetCell[]) counts.set(key(c), (counts.get(key(c)) ?? 0) + c.n);
    return counts;
  };
  return facetsOf({
    categories: count((c) => c.category_id),
    local: count((c) => String(c.is_local)),
    umkk: count((c) => String(c.is_umkk)),
    pdn: count((c) => String(c.is_pdn)),
    basicNeeds: count((c) => String(c.basic_needs)),
    priceBands: new Map(PRICE_BANDS.map(([label], i) => [label, (cells as FacetCell[]).reduce((sum, c) => sum + c.bands[i], 0)])),
  });
}
