import { useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { CatalogueSearchQuery, SearchSort } from '../gql/graphql';
import { PRICE_BANDS } from '../../../search/price-bands.js';
import { Link, navigate, useLocation } from '../app/router';
import { localContent, rupiah } from '../lib/format';
import { stockShortfall, StockShortfallBadge } from './stock';
import { flattenCategories } from '../lib/categories';
import { MAX_COMPARED, ProductComparison } from './ProductComparison';

const Search = graphql(`
  query CatalogueSearch($pemdaId: ID!, $query: String, $filter: SearchFilterInput, $sort: SearchSort) {
    searchProducts(pemdaId: $pemdaId, query: $query, filter: $filter, sort: $sort, first: 24) {
      totalCount correctedQuery
      edges { node { id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls vendor { id businessName district } category { id name } } }
      facets { categories { value count } local { value count } umkk { value count } pdn { value count } basicNeeds { value count } priceBands { value count } }
    }
    categories(pemdaId: $pemdaId) { id name children { id name children { id name } } }
  }
`);

export type SearchHit = CatalogueSearchQuery['searchProducts']['edges'][number]['node'];

const FLAGS = [
  ['localOnly', 'Penyedia lokal', 'local'],
  ['umkkOnly', 'UMK-K', 'umkk'],
  ['pdnOnly', 'Produk dalam negeri (PDN)', 'pdn'],
  ['basicNeeds', 'Kebutuhan pokok', 'basicNeeds'],
] as const;

const SORTS: [SearchSort, string][] = [['RELEVANCE', 'Paling sesuai'], ['PRICE_ASC', 'Harga terendah'], ['PRICE_DESC', 'Harga tertinggi'], ['NEWEST', 'Terbaru'], ['NAME_ASC', 'Nama A-Z']];

/**
 * The catalogue as buyers search it, for the public and for OPD officers alike: search as you type, facets as
 * checkboxes with their counts (category, local, UMK-K, PDN, basic needs, price band), a sort; the URL keeps it all,
 * so a link or a reload shows the same results. `action` adds what the caller may do with a product (the cart).
 */
export function ProductSearch({ pemdaId, productHref, action }: { pemdaId: string; productHref: (id: string) => string; action?: (product: SearchHit) => ReactNode }) {
  const url = useLocation();
  const query = url.searchParams.get('q') ?? '';
  const categoryId = url.searchParams.get('kategori');
  const band = PRICE_BANDS.find(([label]) => label === url.searchParams.get('harga'));
  const sort = (url.searchParams.get('urut') as SearchSort | null) ?? 'RELEVANCE';
  const flags: Partial<Record<(typeof FLAGS)[number][0], boolean>> = Object.fromEntries(FLAGS.filter(([key]) => url.searchParams.get(key) === '1').map(([key]) => [key, true]));
  const filter = {
    ...flags,
    ...(categoryId ? { categoryId } : {}),
    // Bands are [min, max): the API's bounds are inclusive.
    ...(band ? { priceMin: band[1], ...(band[2] < Number.MAX_SAFE_INTEGER ? { priceMax: band[2] - 1 } : {}) } : {}),
  };
  const [{ data, fetching, error }] = useQuery({ query: Search, variables: { pemdaId, query: query || null, filter, sort } });
  const setParam = (key: string, value: string | null) => {
    const next = new URL(url);
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
    navigate(`${next.pathname}${next.search}`);
  };
  const compared = (url.searchParams.get('banding') ?? '').split(',').filter(Boolean).slice(0, MAX_COMPARED);
  const setCompared = (ids: string[]) => setParam('banding', ids.join(',') || null);
  const result = data?.searchProducts;
  // On a phone the filters start folded, so the products come first on the screen; beside the list (wider than the
  // .catalogue grid's 800px breakpoint in styles.css) they start open.
  const [filtersOpen] = useState(() => window.matchMedia('(min-width: 801px)').matches);
  const activeFilters = Object.keys(flags).length + (band ? 1 : 0) + (categoryId ? 1 : 0);
  const categoryName = new Map(flattenCategories(data?.categories ?? []).map((c) => [c.id, c.name]));
  return (
    <div className="catalogue">
      <aside aria-label="Saring" className="card">
        <label>
          Cari produk
          <input type="search" value={query} placeholder="beras, nasi kotak, kertas HVS…" onChange={(e) => setParam('q', e.target.value || null)} />
        </label>
        <label>
          Urutkan
          <select value={sort} onChange={(e) => setParam('urut', e.target.value === 'RELEVANCE' ? null : e.target.value)}>
            {SORTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <details className="filters" open={filtersOpen}>
          <summary>Saring hasil{activeFilters ? ` (${activeFilters} aktif)` : ''}</summary>
          <fieldset>
            <legend>Saring</legend>
            {FLAGS.map(([key, label, facet]) => (
              <label key={key} className="check">
                <input type="checkbox" checked={Boolean(flags[key])} onChange={(e) => setParam(key, e.target.checked ? '1' : null)} />
                {label} <small>({result?.facets[facet].find((v) => v.value === 'true')?.count ?? 0})</small>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Harga</legend>
            {result?.facets.priceBands.filter((b) => b.count > 0 || b.value === band?.[0]).map((b) => (
              <label key={b.value} className="check">
                <input type="checkbox" checked={band?.[0] === b.value} onChange={(e) => setParam('harga', e.target.checked ? b.value : null)} />
                {b.value} <small>({b.count})</small>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Kategori</legend>
            {result?.facets.categories.slice(0, 12).map((c) => (
              <label key={c.value} className="check">
                <input type="checkbox" checked={categoryId === c.value} onChange={(e) => setParam('kategori', e.target.checked ? c.value : null)} />
                {categoryName.get(c.value) ?? c.value} <small>({c.count})</small>
              </label>
            ))}
          </fieldset>
        </details>
      </aside>
      <section aria-live="polite">
        {error && <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Pencarian gagal.'}</p>}
        {compared.length > 1 && <ProductComparison ids={compared} productHref={productHref} onRemove={(id) => setCompared(compared.filter((c) => c !== id))} />}
        <p data-testid="result-count">{fetching ? 'Mencari…' : `${(result?.totalCount ?? 0).toLocaleString('id-ID')} produk`}</p>
        {!fetching && result?.correctedQuery && <p data-testid="corrected-query">Menampilkan hasil untuk <strong>{result.correctedQuery}</strong></p>}
        <ul className="products">
          {result?.edges.map(({ node: p }) => (
            <li key={p.id} className="card product">
              {p.imageUrls[0] && <img className="photo" src={p.imageUrls[0]} alt="" loading="lazy" />}
              <h3><Link to={productHref(p.id)}>{p.name}</Link></h3>
              <p className="price">{rupiah(p.price)} <small>/ {p.unit}</small></p>
              <p><small>{p.vendor.businessName}, {p.vendor.district}</small></p>
              <p className="tags">
                {p.isLocal && <span className="badge">Lokal</span>}
                {p.isUmkk && <span className="badge">UMK-K</span>}
                {p.isPdn && <span className="badge">{localContent(p.isPdn, p.tkdnPercent)}</span>}
              </p>
              <p><small>Minimal pesan {p.minOrderQuantity} {p.unit} · stok {p.stock.toLocaleString('id-ID')} · {p.category.name}</small></p>
              {/* Shown to everyone who reads the card, the public too, not only to a buyer offered no quantity. */}
              {stockShortfall(p) && <p><StockShortfallBadge product={p} /></p>}
              <label className="check">
                <input type="checkbox" checked={compared.includes(p.id)} disabled={!compared.includes(p.id) && compared.length >= MAX_COMPARED}
                  onChange={(e) => setCompared(e.target.checked ? [...compared, p.id] : compared.filter((c) => c !== p.id))} />
                Bandingkan{compared.length === 1 && compared[0] === p.id ? ' (pilih satu lagi)' : ''}
              </label>
              {action?.(p)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
