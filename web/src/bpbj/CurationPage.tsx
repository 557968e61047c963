import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useAction } from '../lib/useAction';
import { navigate, useLocation } from '../app/router';
import { BUSINESS_SCALE, label, percent, rupiah, yesNo } from '../lib/format';
import type { BusinessScale } from '../gql/graphql';
import { downloadScan } from '../lib/upload';

const Queues = graphql(`
  query CurationQueues($pemdaId: ID!, $order: QueueOrder, $vendorsAfter: String, $productsAfter: String) {
    vendorCurationQueue(pemdaId: $pemdaId, first: 20, after: $vendorsAfter, order: $order) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id businessName ownerName nib scale isKoperasi domicileRegionName district status isLocal isUmkk legalDocuments { kind url contentType }
        pendingClassification { scale isKoperasi domicileRegionName isUmkk isLocal } } }
    }
    productCurationQueue(pemdaId: $pemdaId, first: 20, after: $productsAfter, order: $order) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id name unit price description status isPdn tkdnPercent vendor { id businessName } category { id name }
          pendingRevision { name price unit description isPdn tkdnPercent submittedAt }
          priceCheck(proposed: true) { checkedPrice verdict explanation aboveEarlierPrice earlierAgreedPrice }
        }
      }
    }
  }
`);
const VerifyVendor = graphql(`mutation VerifyVendor($id: ID!) { verifyVendor(id: $id) { id status } }`);
const RejectVendor = graphql(`mutation RejectVendor($id: ID!, $reason: String!) { rejectVendor(id: $id, reason: $reason) { id status statusReason } }`);
const ReviewClassification = graphql(`mutation ReviewVendorClassification($id: ID!, $approve: Boolean!, $reason: String) { reviewVendorClassification(id: $id, approve: $approve, reason: $reason) { id scale isKoperasi isUmkk isLocal } }`);
const ApproveProduct = graphql(`mutation ApproveProduct($id: ID!) { approveProduct(id: $id) { id status } }`);
const RejectProduct = graphql(`mutation RejectProduct($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { id status statusReason } }`);

/**
 * Vendors and products waiting for BPBJ, a page at a time with their counts, oldest or newest first (in the URL); a
 * pending revision is shown beside the approved version; each decision is shown in place.
 */
export function CurationPage({ pemdaId }: { pemdaId: string }) {
  const url = useLocation();
  const order = url.searchParams.get('urut') === 'terbaru' ? 'NEWEST_FIRST' : 'OLDEST_FIRST';
  const vendorsAfter = url.searchParams.get('penyedia') ?? null;
  const productsAfter = url.searchParams.get('produk') ?? null;
  const [{ data }, refresh] = useQuery({ query: Queues, variables: { pemdaId, order, vendorsAfter, productsAfter }, requestPolicy: 'cache-and-network' });
  const vendors = data?.vendorCurationQueue;
  const products = data?.productCurationQueue;
  const page = (key: string, cursor: string | null) => {
    const next = new URL(url);
    if (cursor) next.searchParams.set(key, cursor);
    else next.searchParams.delete(key);
    navigate(`${next.pathname}${next.search}`);
  };
  const [, verify] = useMutation(VerifyVendor);
  const [, rejectVendor] = useMutation(RejectVendor);
  const [, reviewClassification] = useMutation(ReviewClassification);
  const [, approve] = useMutation(ApproveProduct);
  const [, rejectProduct] = useMutation(RejectProduct);
  const { message, act } = useAction(refresh);
  const askReason = () => window.prompt('Alasan (minimal 5 karakter):')?.trim() ?? '';
  return (
    <>
      <h1>Kurasi</h1>
      <label>
        Urutan
        <select value={order} onChange={(e) => navigate(e.target.value === 'NEWEST_FIRST' ? '/bpbj/kurasi?urut=terbaru' : '/bpbj/kurasi')}>
          <option value="OLDEST_FIRST">Terlama menunggu dahulu</option>
          <option value="NEWEST_FIRST">Terbaru dahulu</option>
        </select>
      </label>
      {message && <p role="status" className="notice">{message}</p>}
      <section className="card">
        <h2>Penyedia menunggu verifikasi atau keputusan klasifikasi ({vendors?.totalCount ?? 0})</h2>
        <table>
          <thead><tr><th>Penyedia</th><th>NIB dan pindaian</th><th>Skala</th><th>Domisili</th><th>Tindakan</th></tr></thead>
          <tbody>
            {vendors?.edges.map(({ node: v }) => (
              <tr key={v.id}>
                <td>{v.businessName}<br /><small>{v.ownerName}</small></td>
                <td>
                  {v.nib}
                  {v.legalDocuments.length === 0 ? <><br /><small>belum ada pindaian</small></> : v.legalDocuments.map((d) => (
                    <span key={d.kind}><br /><button className="link" onClick={() => downloadScan(d, v.nib)}>Pindaian {d.kind}</button></span>
                  ))}
                </td>
                {v.status === 'PENDING' || !v.pendingClassification ? (
                  <>
                    <td>{label(BUSINESS_SCALE, v.scale)}{v.isKoperasi ? ' (koperasi)' : ''}</td>
                    <td>{v.district}, {v.domicileRegionName}</td>
                    <td className="actions">
                      <button onClick={() => act(() => verify({ id: v.id }), `${v.businessName} terverifikasi.`)}>Verifikasi</button>
                      <button className="secondary" onClick={() => act(() => rejectVendor({ id: v.id, reason: askReason() }), `${v.businessName} ditolak.`)}>Tolak</button>
                    </td>
                  </>
                ) : (
                  <>
                    {/* A verified vendor asks to be classified otherwise: what it is, what it asks, and what that changes in the 40% measure. */}
                    <td colSpan={2} data-testid="classification-request">
                      <ClassificationChange now={v} asked={v.pendingClassification} />
                    </td>
                    <td className="actions">
                      <button onClick={() => act(() => reviewClassification({ id: v.id, approve: true }), `Klasifikasi ${v.businessName} disetujui.`)}>Setujui klasifikasi</button>
                      <button className="secondary" onClick={() => act(() => reviewClassification({ id: v.id, approve: false, reason: askReason() }), `Perubahan klasifikasi ${v.businessName} ditolak.`)}>Tolak perubahan</button>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <Pager hasNext={Boolean(vendors?.pageInfo.hasNextPage)} onFirst={vendorsAfter ? () => page('penyedia', null) : null} onNext={() => page('penyedia', vendors!.pageInfo.endCursor!)} />
      </section>
      <section className="card">
        <h2>Produk menunggu tayang ({products?.totalCount ?? 0})</h2>
        <table>
          <thead><tr><th>Produk (yang tayang)</th><th>Penyedia</th><th className="num">Harga</th><th>Perubahan diajukan</th><th>Tindakan</th></tr></thead>
          <tbody>
            {products?.edges.map(({ node: p }) => (
              <tr key={p.id}>
                <td>{p.name}<br /><small>{p.category.name} · {p.unit}</small></td>
                <td>{p.vendor.businessName}</td>
                <td className="num">
                  {rupiah(p.price)}
                  {p.priceCheck?.verdict === 'HIGH' && <><br /><small className="error" title={p.priceCheck.explanation}>{rupiah(p.priceCheck.checkedPrice)} jauh di atas harga pembanding</small></>}
                  {p.priceCheck?.aboveEarlierPrice && <><br /><small className="error" title={p.priceCheck.explanation}>naik &gt;10% dari harga yang pernah disepakati ({rupiah(p.priceCheck.earlierAgreedPrice)})</small></>}
                </td>
                <td>{p.pendingRevision ? <Revision before={p} after={p.pendingRevision} /> : 'Produk baru'}</td>
                <td className="actions">
                  <button onClick={() => act(() => approve({ id: p.id }), `${p.name} tayang.`)}>Tayangkan</button>
                  <button className="secondary" onClick={() => act(() => rejectProduct({ id: p.id, reason: askReason() }), `${p.name} ditolak.`)}>Tolak</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager hasNext={Boolean(products?.pageInfo.hasNextPage)} onFirst={productsAfter ? () => page('produk', null) : null} onNext={() => page('produk', products!.pageInfo.endCursor!)} />
      </section>
    </>
  );
}

interface Classification { scale: BusinessScale; isKoperasi: boolean; domicileRegionName: string; isUmkk: boolean; isLocal: boolean }

/** A requested classification beside the one in force; the rows that change are marked. */
function ClassificationChange({ now, asked }: { now: Classification; asked: Classification }) {
  const rows: [string, string, string][] = [
    ['Skala', label(BUSINESS_SCALE, now.scale), label(BUSINESS_SCALE, asked.scale)],
    ['Koperasi', yesNo(now.isKoperasi), yesNo(asked.isKoperasi)],
    ['Domisili', now.domicileRegionName, asked.domicileRegionName],
    ['UMK-K', yesNo(now.isUmkk), yesNo(asked.isUmkk)],
    ['Lokal', yesNo(now.isLocal), yesNo(asked.isLocal)],
  ];
  return (
    <table className="revision">
      <caption>Perubahan klasifikasi diajukan</caption>
      <thead><tr><th /><th>Sekarang</th><th>Diajukan</th></tr></thead>
      <tbody>{rows.map(([field, was, proposed]) => <tr key={field}><th>{field}</th><td>{was}</td><td>{was === proposed ? proposed : <strong>{proposed}</strong>}</td></tr>)}</tbody>
    </table>
  );
}

interface Shown { name?: string | null; price?: number | null; unit?: string | null; description?: string | null; isPdn?: boolean | null; tkdnPercent?: number | null }

/** Only what changes, approved beside proposed, so BPBJ sees exactly what it is asked to approve. */
function Revision({ before, after }: { before: Shown; after: Shown }) {
  const rows: [string, string, string][] = [];
  const show = (v: unknown) => (v == null ? '-' : typeof v === 'boolean' ? yesNo(v) : String(v));
  if (after.name != null && after.name !== before.name) rows.push(['Nama', show(before.name), show(after.name)]);
  if (after.price != null && after.price !== before.price) rows.push(['Harga', rupiah(before.price), rupiah(after.price)]);
  if (after.unit != null && after.unit !== before.unit) rows.push(['Satuan', show(before.unit), show(after.unit)]);
  if (after.isPdn != null && after.isPdn !== before.isPdn) rows.push(['PDN', show(before.isPdn), show(after.isPdn)]);
  if (after.tkdnPercent != null && after.tkdnPercent !== before.tkdnPercent) rows.push(['TKDN', percent(before.tkdnPercent), percent(after.tkdnPercent)]);
  if (after.description != null && after.description !== before.description) rows.push(['Deskripsi', 'berubah', show(after.description).slice(0, 80)]);
  return (
    <table className="revision">
      <thead><tr><th /><th>Sekarang</th><th>Diajukan</th></tr></thead>
      <tbody>{rows.map(([field, was, proposed]) => <tr key={field}><th>{field}</th><td>{was}</td><td><strong>{proposed}</strong></td></tr>)}</tbody>
    </table>
  );
}

function Pager({ hasNext, onNext, onFirst }: { hasNext: boolean; onNext: () => void; onFirst: (() => void) | null }) {
  return (
    <div className="actions">
      {onFirst && <button className="secondary" onClick={onFirst}>Halaman pertama</button>}
      {hasNext && <button className="secondary" onClick={onNext}>Halaman berikutnya</button>}
    </div>
  );
}
