import { useQuery } from 'urql';
import { graphql } from '../gql';
import { dateName, rupiah } from '../lib/format';

const SplitOrders = graphql(`
  query SplitOrders($pemdaId: ID!, $year: Int!) {
    splitOrderFlags(pemdaId: $pemdaId, year: $year) {
      opdId opdCode opdName basis keyName from to total threshold
      orders { id code submittedOn amount }
    }
  }
`);

/** Possible split orders of the year, largest first, each with the orders behind it: for BPBJ and the inspectorate. */
export function SplitOrdersPage({ pemdaId }: { pemdaId: string }) {
  const year = new Date().getFullYear();
  const [{ data, fetching, error }] = useQuery({ query: SplitOrders, variables: { pemdaId, year } });
  const flags = data?.splitOrderFlags ?? [];
  return (
    <>
      <h1>Indikasi pemecahan paket {year}</h1>
      <p>
        Pesanan satu OPD kepada penyedia yang sama, atau dalam kategori yang sama, dalam 14 hari yang jumlahnya melewati
        ambang persetujuan PPK sementara setiap pesanan di bawahnya.
      </p>
      {error && <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>}
      {!fetching && !error && !flags.length && <p>Tidak ada indikasi pada tahun ini.</p>}
      {flags.map((f) => (
        <section className="card" key={`${f.basis}-${f.opdId}-${f.from}-${f.keyName}`}>
          <h2>{f.opdName}: {rupiah(f.total)} ({f.basis === 'VENDOR' ? 'penyedia' : 'kategori'} {f.keyName})</h2>
          <p>{dateName(f.from)} s.d. {dateName(f.to)}, ambang {rupiah(f.threshold)}</p>
          <table>
            <thead><tr><th>Paket</th><th>Diajukan</th><th>Nilai</th></tr></thead>
            <tbody>
              {f.orders.map((o) => <tr key={o.id}><td>{o.code}</td><td>{dateName(o.submittedOn)}</td><td>{rupiah(o.amount)}</td></tr>)}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
