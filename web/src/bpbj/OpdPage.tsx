import { useQuery } from 'urql';
import { graphql } from '../gql';
import { MonthColumns } from '../lib/charts';
import { dateName, dateTime, ORDER_STATUS, percent, rupiah, STATUS_LABEL } from '../lib/format';

const OpdView = graphql(`
  query OpdView($pemdaId: ID!, $opdId: ID!, $year: Int!) {
    opd(id: $opdId) { id name shortName code }
    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {
      opds { budget plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }
    }
    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }
    opdBudgetHistory(opdId: $opdId, fiscalYear: $year) { id effectiveFrom goodsServicesBudget plannedUmkk allocatedUmkk reason createdAt }
    orders(first: 20, filter: { opdId: $opdId }) { totalCount edges { node { id code status total createdAt vendorIsUmkk vendor { id businessName } } } }
  }
`);

/** One OPD: planned, allocated and realised (Inpres 2/2022), its months, and every version of its budget. */
export function OpdPage({ pemdaId, opdId, timeZone }: { pemdaId: string; opdId: string; timeZone: string }) {
  const year = new Date().getFullYear();
  const [{ data, error }] = useQuery({ query: OpdView, variables: { pemdaId, opdId, year } });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message}</p>;
  if (!data) return <p>Memuat…</p>;
  const row = data.spendRecap.opds.find((o) => o.opd.id === opdId);
  return (
    <>
      <h1>{data.opd.name}</h1>
      {row && (
        <div className="tiles">
          <div className="tile"><span>Direncanakan (RUP)</span><strong>{percent(row.plannedUmkkShare)}</strong><small>{rupiah(row.plannedUmkk)}</small></div>
          <div className="tile"><span>Dialokasikan</span><strong>{percent(row.allocatedUmkkShare)}</strong><small>{rupiah(row.allocatedUmkk)}</small></div>
          <div className="tile"><span>Direalisasikan</span><strong>{percent(row.umkkShareOfBudget)}</strong><small>{rupiah(row.realisedUmkk)} · {STATUS_LABEL[row.status]}</small></div>
          <div className="tile"><span>Masih perlu</span><strong>{rupiah(row.shortfall)}</strong><small>katalog {rupiah(row.catalogueTotal)} · luar katalog {rupiah(row.externalTotal)}</small></div>
        </div>
      )}
      <section className="card">
        <h2>Per bulan</h2>
        <MonthColumns label={`Realisasi UMK-K ${data.opd.shortName} per bulan`} points={data.spendMonthlySeries} />
      </section>
      <section className="card">
        <h2>Paket terbaru ({data.orders.totalCount} paket)</h2>
        <table>
          <thead><tr><th>Kode</th><th>Dibuat</th><th>Penyedia</th><th className="num">Nilai</th><th>Status</th></tr></thead>
          <tbody>
            {data.orders.edges.map(({ node: o }) => (
              <tr key={o.id}><td>{o.code}</td><td>{dateTime(o.createdAt, timeZone)}</td><td>{o.vendor.businessName}{o.vendorIsUmkk ? ' (UMK-K)' : ''}</td><td className="num">{rupiah(o.total)}</td><td>{ORDER_STATUS[o.status] ?? o.status}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Riwayat pagu {year}</h2>
        <table>
          <thead><tr><th>Berlaku mulai</th><th className="num">Pagu</th><th className="num">Rencana UMK-K</th><th className="num">Alokasi UMK-K</th><th>Alasan</th></tr></thead>
          <tbody>
            {data.opdBudgetHistory.map((b) => (
              <tr key={b.id}><td>{dateName(b.effectiveFrom)}</td><td className="num">{rupiah(b.goodsServicesBudget)}</td><td className="num">{rupiah(b.plannedUmkk)}</td><td className="num">{rupiah(b.allocatedUmkk)}</td><td>{b.reason ?? 'APBD'}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
