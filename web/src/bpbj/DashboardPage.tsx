import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';
import { MonthColumns, ShareBars } from '../lib/charts';
import { OpdShareTable } from '../lib/OpdShareTable';
import { percent, rupiah, STATUS_LABEL } from '../lib/format';

const Dashboard = graphql(`
  query BpbjDashboard($pemdaId: ID!, $year: Int!) {
    spendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {
      period { label }
      targetPercent
      pemda { budget realisedTotal realisedUmkk umkkShareOfBudget expectedUmkkByPeriodEnd shortfall status }
      catalogueSpendYearToDate
      catalogueSpendTarget
      opds { rank status budget realisedUmkk umkkShareOfBudget shortfall opd { id name shortName } }
    }
    spendMonthlySeries(pemdaId: $pemdaId, year: $year) { month realisedUmkk umkkShareOfBudgetYearToDate }
  }
`);

const STATUSES = ['ON_TRACK', 'AT_RISK', 'BELOW', 'NOT_ASSESSABLE'] as const;

/** The morning view of a BPBJ officer: where the Pemda stands against 40%, who is behind, and by how much. */
export function DashboardPage({ pemdaId }: { pemdaId: string }) {
  const year = new Date().getFullYear();
  const [{ data, fetching, error }] = useQuery({ query: Dashboard, variables: { pemdaId, year }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <p>Memuat…</p>;
  if (error || !data) return <p role="alert" className="error">{error?.graphQLErrors[0]?.message ?? 'Data tidak tersedia.'}</p>;
  const recap = data.spendRecap;
  const shortfalls = recap.opds.filter((o) => o.shortfall > 0).sort((a, b) => b.shortfall - a.shortfall).slice(0, 8);
  // A Pemda new to the platform has nothing to measure yet: the dashboard says what to set up, in the order it builds up.
  const starting = recap.opds.length === 0 || recap.pemda.budget === 0;
  return (
    <>
      <h1>Dasbor belanja UMK-K · {recap.period.label}</h1>
      {starting && (
        <section className="card" aria-label="Langkah awal">
          <h2>Langkah awal</h2>
          <ol data-testid="getting-started">
            <li className={recap.opds.length ? 'done' : undefined}><Link to="/bpbj/akun">OPD & akun</Link>: impor daftar OPD dari Perda perangkat daerah, lalu beri PP, PPK dan kepala OPD akunnya.</li>
            <li className={recap.pemda.budget ? 'done' : undefined}><Link to="/bpbj/impor">Impor pagu</Link>: pagu belanja barang/jasa tiap OPD dan rencana UMK-K-nya, agar porsi 40% dapat diukur.</li>
            <li><Link to="/bpbj/pengaturan">Pengaturan</Link>: target Pemda, penomoran surat pesanan dan BAST, hari libur daerah.</li>
            <li><Link to="/bpbj/kategori">Kategori</Link>: tambahkan produk unggulan daerah pada pohon kategori standar; lalu verifikasi penyedia yang mendaftar di <Link to="/bpbj/kurasi">Kurasi</Link>.</li>
          </ol>
        </section>
      )}
      <div className="tiles">
        <div className="tile">
          <span>Porsi UMK-K dari pagu Pemda</span>
          <strong data-testid="pemda-share">{percent(recap.pemda.umkkShareOfBudget)}</strong>
          <small>target {percent(recap.targetPercent)} · {STATUS_LABEL[recap.pemda.status]}</small>
        </div>
        <div className="tile">
          <span>Realisasi UMK-K</span>
          <strong data-testid="pemda-umkk">{rupiah(recap.pemda.realisedUmkk)}</strong>
          <small>dari pagu {rupiah(recap.pemda.budget)}</small>
        </div>
        <div className="tile">
          <span>Belanja katalog lokal</span>
          <strong>{rupiah(recap.catalogueSpendYearToDate)}</strong>
          <small>target {rupiah(recap.catalogueSpendTarget)}</small>
        </div>
        <div className="tile">
          <span>OPD per status</span>
          <ul className="statuses" data-testid="status-counts">
            {STATUSES.map((s) => (
              <li key={s}><span className={`badge ${s}`}>{STATUS_LABEL[s]}</span> {recap.opds.filter((o) => o.status === s).length}</li>
            ))}
          </ul>
        </div>
      </div>
      <div className="columns">
        <section className="card">
          <h2>Porsi UMK-K kumulatif dari pagu, per bulan</h2>
          <MonthColumns label="Porsi UMK-K Pemda per bulan" target={recap.targetPercent} points={data.spendMonthlySeries} />
        </section>
        <section className="card">
          <h2>Kekurangan terbesar</h2>
          <table>
            <thead><tr><th>OPD</th><th className="num">Masih perlu</th><th className="num">% pagu</th></tr></thead>
            <tbody>
              {shortfalls.map((o) => (
                <tr key={o.opd.id}>
                  <td><Link to={`/bpbj/opd/${o.opd.id}`}>{o.opd.shortName}</Link></td>
                  <td className="num">{rupiah(o.shortfall)}</td>
                  <td className="num">{percent(o.umkkShareOfBudget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card">
        <h2>Semua OPD</h2>
        <ShareBars label="Porsi UMK-K per OPD" target={recap.targetPercent} rows={recap.opds.map((o) => ({ name: o.opd.shortName, share: o.umkkShareOfBudget ?? null, status: o.status }))} />
        <OpdShareTable rows={recap.opds} name={(o) => <Link to={`/bpbj/opd/${o.opd.id}`}>{o.opd.name}</Link>} />
      </section>
    </>
  );
}
