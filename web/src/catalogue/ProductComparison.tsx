import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { ComparedProductQuery } from '../gql/graphql';
import { Link } from '../app/router';
import { localContent, rupiah } from '../lib/format';

export const MAX_COMPARED = 4;

const ComparedProduct = graphql(`
  query ComparedProduct($id: ID!) {
    product(id: $id) {
      id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls
      category { id name }
      vendor { id businessName district scale isKoperasi }
    }
  }
`);

type Compared = ComparedProductQuery['product'];

const ROWS: [string, (p: Compared) => ReactNode][] = [
  ['Harga', (p) => <strong>{rupiah(p.price)} / {p.unit}</strong>],
  ['Minimal pesan', (p) => `${p.minOrderQuantity} ${p.unit}`],
  ['Stok', (p) => `${p.stock.toLocaleString('id-ID')} ${p.unit}`],
  ['Kategori', (p) => p.category.name],
  ['Penyedia', (p) => `${p.vendor.businessName}, ${p.vendor.district}`],
  ['Penyedia lokal', (p) => (p.isLocal ? 'Ya' : 'Tidak')],
  ['UMK-K', (p) => (p.isUmkk ? 'Ya' : 'Tidak')],
  ['PDN / TKDN', (p) => localContent(p.isPdn, p.tkdnPercent)],
];

/**
 * Up to four products side by side, a row per thing a PP weighs (price and unit, minimum order, stock, who makes
 * it, local and UMK-K, TKDN). One query per product: the hooks are fixed in number, the unused ones paused.
 */
export function ProductComparison({ ids, productHref, onRemove }: { ids: string[]; productHref: (id: string) => string; onRemove: (id: string) => void }) {
  const slots = Array.from({ length: MAX_COMPARED }, (_, i) => ids[i] ?? null);
  const results = slots.map((id) =>
    // A hook in a loop is safe here: always MAX_COMPARED calls, in the same order.
    useQuery({ query: ComparedProduct, variables: { id: id ?? '' }, pause: !id })[0],
  );
  const products = results.flatMap((r) => (r.data ? [r.data.product] : []));
  const units = [...new Set(products.map((p) => p.unit))];
  // A price per kotak and one per pack are not one scale: "termurah" only among products sold by the same unit.
  const cheapest = units.length === 1 && products.length > 1 ? Math.min(...products.map((p) => p.price)) : null;
  return (
    <section className="card" aria-label="Perbandingan produk">
      <h2>Bandingkan {ids.length} produk</h2>
      <table data-testid="comparison">
        <thead>
          <tr>
            <th />
            {products.map((p) => (
              <th key={p.id} scope="col">
                {p.imageUrls[0] && <img className="thumb" src={p.imageUrls[0]} alt="" />}
                <Link to={productHref(p.id)}>{p.name}</Link>
                <br /><button type="button" className="secondary" onClick={() => onRemove(p.id)}>Keluarkan</button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([name, cell]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {products.map((p) => <td key={p.id}>{cell(p)}{name === 'Harga' && p.price === cheapest && <> <span className="badge">termurah</span></>}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p><small data-testid="comparison-units">
        {units.length > 1 ? `Satuannya berbeda (${units.join(', ')}): harga per satuan tidak dapat dibandingkan langsung.` : 'Harga per satuan.'}
      </small></p>
    </section>
  );
}
