import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { rupiah } from '../lib/format';

const Queues = graphql(`
  query CurationQueues($pemdaId: ID!) {
    vendorCurationQueue(pemdaId: $pemdaId) { id businessName ownerName nib scale isKoperasi domicileRegionName district status isLocal isUmkk }
    productCurationQueue(pemdaId: $pemdaId) {
      id name unit price status isPdn tkdnPercent submittedAt vendor { id businessName } category { id name }
      pendingRevision { name price unit description isPdn tkdnPercent submittedAt }
    }
  }
`);
const VerifyVendor = graphql(`mutation VerifyVendor($id: ID!) { verifyVendor(id: $id) { id status } }`);
const RejectVendor = graphql(`mutation RejectVendor($id: ID!, $reason: String!) { rejectVendor(id: $id, reason: $reason) { id status statusReason } }`);
const ApproveProduct = graphql(`mutation ApproveProduct($id: ID!) { approveProduct(id: $id) { id status } }`);
const RejectProduct = graphql(`mutation RejectProduct($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { id status statusReason } }`);

/** Vendors and products waiting for BPBJ, oldest first; each decision is shown in place. */
export function CurationPage({ pemdaId }: { pemdaId: string }) {
  const [{ data }, refresh] = useQuery({ query: Queues, variables: { pemdaId }, requestPolicy: 'cache-and-network' });
  const [, verify] = useMutation(VerifyVendor);
  const [, rejectVendor] = useMutation(RejectVendor);
  const [, approve] = useMutation(ApproveProduct);
  const [, rejectProduct] = useMutation(RejectProduct);
  const [message, setMessage] = useState<string | null>(null);
  async function act(run: () => Promise<{ error?: { graphQLErrors: { message: string }[] } }>, done: string) {
    const result = await run();
    setMessage(result.error ? result.error.graphQLErrors[0]?.message ?? 'Gagal.' : done);
    refresh({ requestPolicy: 'network-only' });
  }
  const askReason = () => window.prompt('Alasan (minimal 5 karakter):')?.trim() ?? '';
  return (
    <>
      <h1>Kurasi</h1>
      {message && <p role="status" className="notice">{message}</p>}
      <section className="card">
        <h2>Penyedia menunggu verifikasi ({data?.vendorCurationQueue.length ?? 0})</h2>
        <table>
          <thead><tr><th>Penyedia</th><th>NIB</th><th>Skala</th><th>Domisili</th><th>Tindakan</th></tr></thead>
          <tbody>
            {data?.vendorCurationQueue.map((v) => (
              <tr key={v.id}>
                <td>{v.businessName}<br /><small>{v.ownerName}</small></td>
                <td>{v.nib}</td>
                <td>{v.scale}{v.isKoperasi ? ' (koperasi)' : ''}</td>
                <td>{v.district}, {v.domicileRegionName}</td>
                <td className="actions">
                  <button onClick={() => act(() => verify({ id: v.id }), `${v.businessName} terverifikasi.`)}>Verifikasi</button>
                  <button className="secondary" onClick={() => act(() => rejectVendor({ id: v.id, reason: askReason() }), `${v.businessName} ditolak.`)}>Tolak</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Produk menunggu tayang ({data?.productCurationQueue.length ?? 0})</h2>
        <table>
          <thead><tr><th>Produk</th><th>Penyedia</th><th className="num">Harga</th><th>Perubahan diajukan</th><th>Tindakan</th></tr></thead>
          <tbody>
            {data?.productCurationQueue.map((p) => (
              <tr key={p.id}>
                <td>{p.name}<br /><small>{p.category.name} · {p.unit}</small></td>
                <td>{p.vendor.businessName}</td>
                <td className="num">{rupiah(p.price)}</td>
                <td>{p.pendingRevision ? `${p.pendingRevision.name ?? p.name} · ${rupiah(p.pendingRevision.price ?? p.price)}` : 'Produk baru'}</td>
                <td className="actions">
                  <button onClick={() => act(() => approve({ id: p.id }), `${p.name} tayang.`)}>Tayangkan</button>
                  <button className="secondary" onClick={() => act(() => rejectProduct({ id: p.id, reason: askReason() }), `${p.name} ditolak.`)}>Tolak</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
