import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';
import { dateTime, label, ORDER_STATUS, PRODUCT_STATUS, rupiah, VENDOR_STATUS } from '../lib/format';
import { HistoryEntries } from '../lib/history';
import { downloadScan } from '../lib/upload';
import { useAction } from '../lib/useAction';
import { VendorFacts } from '../vendor/VendorProfile';
import { VendorStatusActions } from './VendorsPage';

const VendorView = graphql(`
  query BpbjVendorView($pemdaId: ID!, $vendorId: ID!) {
    vendor(id: $vendorId) { ...VendorProfileShown statusReason verifiedAt productCount legalDocuments { kind url contentType createdAt } }
    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [SUBMITTED, PUBLISHED, SUSPENDED, REJECTED] }, sort: NAME_ASC, first: 100) {
      totalCount edges { node { id name price unit status statusReason } }
    }
    orders(first: 10, filter: { vendorId: $vendorId }) { totalCount edges { node { id code status total createdAt opd { id shortName } } } }
    auditLog(pemdaId: $pemdaId, subjectType: VENDOR, subjectId: $vendorId, limit: 50) { id createdAt action reason actorRole }
  }
`);


/**
 * One vendor for BPBJ: its profile and bank account, its NIB and NPWP scans, its products (each opening its page,
 * where BPBJ suspends or reinstates it), its latest orders in the Pemda, and its history (registration, verification, suspensions, classification requests, each with the reason); suspend or
 * reinstate it here.
 */
export function VendorPage({ pemdaId, vendorId, timeZone }: { pemdaId: string; vendorId: string; timeZone: string }) {
  const [{ data, error }, refresh] = useQuery({ query: VendorView, variables: { pemdaId, vendorId }, requestPolicy: 'cache-and-network' });
  const { message, act } = useAction(refresh);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const v = data.vendor;
  return (
    <>
      <p><Link to="/bpbj/penyedia">← Penyedia</Link></p>
      <h1>{v.businessName}</h1>
      <p data-testid="vendor-status">
        Status: <strong>{label(VENDOR_STATUS, v.status)}</strong>
        {v.verifiedAt && ` · terverifikasi ${dateTime(v.verifiedAt, timeZone)}`}
        {v.statusReason && <> — alasan: {v.statusReason}</>}
        {' · '}{v.productCount} produk tayang
      </p>
      {message && <p role="status" className="notice">{message}</p>}
      <div className="actions">
        <VendorStatusActions vendor={v} act={act} />
        {v.pendingClassification && <Link to="/bpbj/kurasi">Putuskan perubahan klasifikasi di Kurasi</Link>}
      </div>
      <section className="card">
        <h2>Profil</h2>
        <VendorFacts vendor={v} />
        <p>
          {v.legalDocuments.length === 0 ? 'Belum ada pindaian NIB atau NPWP.' : v.legalDocuments.map((d) => (
            <span key={d.kind}><button className="link" onClick={() => downloadScan(d, v.nib)}>Pindaian {d.kind}</button> ({dateTime(d.createdAt, timeZone)}) </span>
          ))}
        </p>
      </section>
      <section className="card">
        <h2>Produk ({data.products.totalCount})</h2>
        <table>
          <thead><tr><th>Produk</th><th className="num">Harga</th><th>Status</th></tr></thead>
          <tbody>
            {data.products.edges.map(({ node: p }) => (
              <tr key={p.id}>
                <td><Link to={`/publik/${pemdaId}/produk/${p.id}`}>{p.name}</Link></td>
                <td className="num">{rupiah(p.price)} / {p.unit}</td>
                <td>{label(PRODUCT_STATUS, p.status)}{p.statusReason && <><br /><small>{p.statusReason}</small></>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Paket terbaru ({data.orders.totalCount} paket)</h2>
        <table>
          <thead><tr><th>Kode</th><th>Dibuat</th><th>OPD</th><th className="num">Nilai</th><th>Status</th></tr></thead>
          <tbody>
            {data.orders.edges.map(({ node: o }) => (
              <tr key={o.id}><td><Link to={`/pesanan/${o.id}`}>{o.code}</Link></td><td>{dateTime(o.createdAt, timeZone)}</td><td>{o.opd.shortName}</td><td className="num">{rupiah(o.total)}</td><td>{label(ORDER_STATUS, o.status)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Riwayat</h2>
        <ul className="stack" data-testid="vendor-history">
          <HistoryEntries subject="VENDOR" entries={data.auditLog} timeZone={timeZone} />
        </ul>
      </section>
    </>
  );
}
