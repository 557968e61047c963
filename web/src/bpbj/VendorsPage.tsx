import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useAction } from '../lib/useAction';
import type { VendorStatus } from '../gql/graphql';
import { Link, navigate, useLocation } from '../app/router';
import { BUSINESS_SCALE, label } from '../lib/format';

const Vendors = graphql(`
  query VendorList($pemdaId: ID!, $status: VendorStatus, $after: String) {
    vendors(pemdaId: $pemdaId, status: $status, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id businessName ownerName nib scale isKoperasi isLocal isUmkk district status statusReason productCount } }
    }
  }
`);
const Suspend = graphql(`mutation SuspendVendor($id: ID!, $reason: String!) { suspendVendor(id: $id, reason: $reason) { id status statusReason } }`);
const Reinstate = graphql(`mutation ReinstateVendor($id: ID!) { reinstateVendor(id: $id) { id status statusReason } }`);

const STATUS: [VendorStatus, string][] = [['VERIFIED', 'Terverifikasi'], ['SUSPENDED', 'Ditangguhkan'], ['PENDING', 'Menunggu'], ['REJECTED', 'Ditolak']];

/** Suspend (asking the reason) or reinstate a vendor, as its state allows; the list or page shows the outcome. */
export function VendorStatusActions({ vendor: v, act }: { vendor: { id: string; businessName: string; status: VendorStatus }; act: ReturnType<typeof useAction>['act'] }) {
  const [, suspend] = useMutation(Suspend);
  const [, reinstate] = useMutation(Reinstate);
  if (v.status === 'VERIFIED') {
    return <button className="secondary" onClick={() => act(() => suspend({ id: v.id, reason: window.prompt('Alasan penangguhan (minimal 5 karakter):')?.trim() ?? '' }), `${v.businessName} ditangguhkan; produknya tidak tayang.`)}>Tangguhkan</button>;
  }
  if (v.status === 'SUSPENDED') return <button onClick={() => act(() => reinstate({ id: v.id }), `${v.businessName} aktif kembali.`)}>Aktifkan kembali</button>;
  return null;
}

/** The Pemda's vendors by status, each opening its page: suspending one hides all its products at once; reinstating brings them back. */
export function VendorsPage({ pemdaId }: { pemdaId: string }) {
  const url = useLocation();
  const status = (url.searchParams.get('status') as VendorStatus | null) ?? 'VERIFIED';
  const after = url.searchParams.get('setelah');
  const [{ data }, refresh] = useQuery({ query: Vendors, variables: { pemdaId, status, after } });
  const { message, act } = useAction(refresh);
  const list = data?.vendors;
  return (
    <>
      <h1>Penyedia</h1>
      <label>
        Status
        <select value={status} onChange={(e) => navigate(`/bpbj/penyedia?status=${e.target.value}`)}>
          {STATUS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {message && <p role="status" className="notice">{message}</p>}
      <p>{list?.totalCount ?? 0} penyedia</p>
      <table>
        <thead><tr><th>Penyedia</th><th>NIB</th><th>Klasifikasi</th><th className="num">Produk tayang</th><th>Tindakan</th></tr></thead>
        <tbody>
          {list?.edges.map(({ node: v }) => (
            <tr key={v.id}>
              <td><Link to={`/bpbj/penyedia/${v.id}`}>{v.businessName}</Link><br /><small>{v.ownerName} · {v.district}</small>{v.statusReason && <><br /><small>{v.statusReason}</small></>}</td>
              <td>{v.nib}</td>
              <td>{label(BUSINESS_SCALE, v.scale)}{v.isKoperasi ? ', koperasi' : ''}{v.isLocal ? ', lokal' : ''}{v.isUmkk ? ', UMK-K' : ''}</td>
              <td className="num">{v.productCount}</td>
              <td className="actions"><VendorStatusActions vendor={v} act={act} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {after && <button className="secondary" onClick={() => navigate(`/bpbj/penyedia?status=${status}`)}>Halaman pertama</button>}
        {list?.pageInfo.hasNextPage && <button className="secondary" onClick={() => navigate(`/bpbj/penyedia?status=${status}&setelah=${encodeURIComponent(list.pageInfo.endCursor!)}`)}>Halaman berikutnya</button>}
      </div>
    </>
  );
}
