import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link, navigate, useLocation } from '../app/router';
import { rupiah } from '../lib/format';

const Search = graphql(`
  query CatalogueSearch($pemdaId: ID!, $query: String, $filter: SearchFilterInput) {
    searchProducts(pemdaId: $pemdaId, query: $query, filter: $filter, first: 24) {
      totalCount
      edges { node { id name unit price minOrderQuantity isPdn tkdnPercent isLocal isUmkk vendor { id businessName district } category { id name } } }
      facets { local { value count } umkk { value count } pdn { value count } basicNeeds { value count } }
    }
  }
`);

const FLAGS = [
  ['localOnly', 'Penyedia lokal', 'local'],
  ['umkkOnly', 'UMK-K', 'umkk'],
  ['pdnOnly', 'Produk dalam negeri (PDN)', 'pdn'],
  ['basicNeeds', 'Kebutuhan pokok', 'basicNeeds'],
] as const;

/** The public catalogue: search as you type, facets as checkboxes with counts; the URL keeps the query and filters. */
export function CataloguePage({ pemdaId }: { pemdaId: string }) {
  const url = useLocation();
  const query = url.searchParams.get('q') ?? '';
  const filter = Object.fromEntries(FLAGS.filter(([key]) => url.searchParams.get(key) === '1').map(([key]) => [key, true]));
  const [{ data, fetching, error }] = useQuery({ query: Search, variables: { pemdaId, query: query || null, filter } });
  const setParam = (key: string, value: string | null) => {
    const next = new URL(url);
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
    navigate(`${next.pathname}${next.search}`);
  };
  const result = data?.searchProducts;
  return (
    <>
      <h1>Katalog produk lokal</h1>
      <div className="catalogue">
        <aside aria-label="Saring" className="card">
          <label>
            Cari produk
            <input type="search" value={query} placeholder="beras, keripik apel, nasi kotak…" onChange={(e) => setParam('q', e.target.value || null)} />
          </label>
          <fieldset>
            <legend>Saring</legend>
            {FLAGS.map(([key, label, facet]) => (
              <label key={key} className="check">
                <input type="checkbox" checked={Boolean(filter[key])} onChange={(e) => setParam(key, e.target.checked ? '1' : null)} />
                {label} <small>({result?.facets[facet].find((v) => v.value === 'true')?.count ?? 0})</small>
              </label>
            ))}
          </fieldset>
        </aside>
        <section aria-live="polite">
          {error && <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Pencarian gagal.'}</p>}
          <p>{fetching ? 'Mencari…' : `${(result?.totalCount ?? 0).toLocaleString('id-ID')} produk`}</p>
          <ul className="products">
            {result?.edges.map(({ node: p }) => (
              <li key={p.id} className="card product">
                <h3><Link to={`/publik/${pemdaId}/produk/${p.id}`}>{p.name}</Link></h3>
                <p className="price">{rupiah(p.price)} <small>/ {p.unit}</small></p>
                <p><small>{p.vendor.businessName}, {p.vendor.district}</small></p>
                <p className="tags">
                  {p.isLocal && <span className="badge">Lokal</span>}
                  {p.isUmkk && <span className="badge">UMK-K</span>}
                  {p.isPdn && <span className="badge">PDN{p.tkdnPercent ? ` TKDN ${p.tkdnPercent}%` : ''}</span>}
                </p>
                <p><small>Minimal pesan {p.minOrderQuantity} {p.unit} · {p.category.name}</small></p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
