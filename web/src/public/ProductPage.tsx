import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { BUSINESS_SCALE, label, localContent, PRODUCT_STATUS, rupiah } from '../lib/format';
import { useAction } from '../lib/useAction';

const ProductView = graphql(`
  query ProductView($id: ID!) {
    product(id: $id) {
      id name description unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls status statusReason
      category { id name }
      vendor { id businessName ownerName scale isKoperasi district domicileRegionName address phone contactEmail productCount isLocal isUmkk }
    }
  }
`);

const SuspendProduct = graphql(`mutation SuspendProduct($id: ID!, $reason: String!) { suspendProduct(id: $id, reason: $reason) { id status statusReason } }`);
const ReinstateProduct = graphql(`mutation ReinstateProduct($id: ID!) { reinstateProduct(id: $id) { id status statusReason } }`);

/** BPBJ's hand on a listed product: freeze it (a complaint, a wrong price) with the reason, or bring it back. */
function ProductCuration({ product: p, refresh }: { product: { id: string; name: string; status: string; statusReason?: string | null }; refresh: (opts: { requestPolicy: 'network-only' }) => void }) {
  const [, suspend] = useMutation(SuspendProduct);
  const [, reinstate] = useMutation(ReinstateProduct);
  const { message, act } = useAction(refresh);
  return (
    <section className="card" aria-label="Kurasi BPBJ">
      <h2>Kurasi BPBJ</h2>
      <p data-testid="product-status">Status: <strong>{label(PRODUCT_STATUS, p.status)}</strong>{p.statusReason && <> — alasan: {p.statusReason}</>}</p>
      {message && <p role="status" className="notice">{message}</p>}
      {p.status === 'PUBLISHED' && (
        <button className="secondary" onClick={() => act(() => suspend({ id: p.id, reason: window.prompt('Alasan pembekuan (minimal 5 karakter):')?.trim() ?? '' }), `${p.name} dibekukan; tidak tampil di katalog.`)}>Bekukan produk</button>
      )}
      {p.status === 'SUSPENDED' && <button onClick={() => act(() => reinstate({ id: p.id }), `${p.name} tayang kembali.`)}>Tayangkan kembali</button>}
    </section>
  );
}

/** A product as a buyer weighs it: price and unit, minimum order, stock, local content, and who makes it. */
export function ProductPage({ pemdaId, productId }: { pemdaId: string; productId: string }) {
  const [{ data, error }, refresh] = useQuery({ query: ProductView, variables: { id: productId } });
  const { account } = useSession();
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Produk tidak tersedia.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const p = data.product;
  const v = p.vendor;
  return (
    <>
      <p><Link to={`/publik/${pemdaId}/katalog`}>← Katalog</Link></p>
      <h1>{p.name}</h1>
      {p.imageUrls.length > 0 && <div className="gallery">{p.imageUrls.map((url, i) => <img key={url} src={url} alt={`${p.name}, foto ${i + 1}`} />)}</div>}
      <div className="columns">
        <section className="card">
          <p className="price">{rupiah(p.price)} <small>/ {p.unit}</small></p>
          <p className="tags">
            {p.isLocal && <span className="badge">Lokal</span>}
            {p.isUmkk && <span className="badge">UMK-K</span>}
            <span className="badge">{localContent(p.isPdn, p.tkdnPercent)}</span>
          </p>
          <table>
            <tbody>
              <tr><th>Kategori</th><td>{p.category.name}</td></tr>
              <tr><th>Minimal pesan</th><td>{p.minOrderQuantity} {p.unit}</td></tr>
              <tr><th>Stok</th><td>{p.stock.toLocaleString('id-ID')} {p.unit}</td></tr>
            </tbody>
          </table>
          <p>{p.description}</p>
        </section>
        <section className="card">
          <h2>{v.businessName}</h2>
          <p>{label(BUSINESS_SCALE, v.scale)}{v.isKoperasi ? ' (koperasi)' : ''} · {v.isLocal ? `lokal, ${v.district}` : v.domicileRegionName}</p>
          <p>{v.address}<br />{v.phone}{v.contactEmail ? ` · ${v.contactEmail}` : ''}</p>
          <p><small>{v.productCount} produk tayang · pemilik {v.ownerName}</small></p>
        </section>
      </div>
      {account?.role === 'BPBJ' && account.pemda?.id === pemdaId && <ProductCuration product={p} refresh={refresh} />}
    </>
  );
}
