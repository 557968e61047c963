import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ShareBars } from '../lib/charts';
import { OpdShareTable } from '../lib/OpdShareTable';
import { percent, rupiah, STATUS_LABEL } from '../lib/format';
import { Link } from '../app/router';
import { PublicAsnSection } from './PublicAsnSection';

const PublicRecap = graphql(`
  query PublicRecap($pemdaId: ID!, $year: Int!) {
    publicSpendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {
      period { label }
      targetPercent
      pemda { budget realisedUmkk umkkShareOfBudget status }
      catalogueSpendYearToDate
      catalogueSpendTarget
      catalogueTargetAchieved
      opds { rank status budget realisedUmkk umkkShareOfBudget catalogueShare opd { id name shortName } }
    }
    catalogueProgress(pemdaId: $pemdaId) { publishedProducts publishedLocalProducts listedProductsTarget targetAchievedPercent verifiedVendors verifiedLocalUmkkVendors }
    awardLeaderboard(pemdaId: $pemdaId) { rank opdName score tier }
    pemda(id: $pemdaId) { id name kemendagriCode }
  }
`);

/** PPID: the Pemda's progress for anyone, without signing in. */
export function PublicRecapPage({ pemdaId }: { pemdaId: string }) {
  const year = new Date().getFullYear();
  const [{ data, fetching, error }] = useQuery({ query: PublicRecap, variables: { pemdaId, year } });
  if (fetching) return <p>Memuat…</p>;
  if (error || !data) return <p role="alert" className="error">{error?.graphQLErrors[0]?.message ?? 'Data tidak tersedia.'}</p>;
  const recap = data.publicSpendRecap;
  const progress = data.catalogueProgress;
  return (
    <>
      <h1>{data.pemda.name}: belanja produk UMK-K {recap.period.label}</h1>
      <div className="tiles">
        <div className="tile">
          <span>Porsi UMK-K dari pagu</span>
          <strong data-testid="pemda-share">{percent(recap.pemda.umkkShareOfBudget)}</strong>
          <small>target {percent(recap.targetPercent)} · {STATUS_LABEL[recap.pemda.status]}</small>
        </div>
        <div className="tile">
          <span>Belanja melalui katalog lokal</span>
          <strong>{rupiah(recap.catalogueSpendYearToDate)}</strong>
          <small>dari target {rupiah(recap.catalogueSpendTarget)} ({percent(recap.catalogueTargetAchieved)})</small>
        </div>
        {/* The target counts local products (DOMAIN: 2,500 local products listed), so the tile leads with those. */}
        <div className="tile" data-testid="listing-progress">
          <span>Produk lokal tayang</span>
          <strong>{progress.publishedLocalProducts.toLocaleString('id-ID')}</strong>
          <small>target {progress.listedProductsTarget.toLocaleString('id-ID')} ({percent(progress.targetAchievedPercent)}) · dari {progress.publishedProducts.toLocaleString('id-ID')} produk tayang · {progress.verifiedLocalUmkkVendors} UMKM lokal terverifikasi</small>
        </div>
      </div>
      <section className="card">
        <h2>Porsi UMK-K per OPD terhadap target {percent(recap.targetPercent)}</h2>
        <ShareBars label="Porsi belanja UMK-K per OPD" target={recap.targetPercent} rows={recap.opds.map((o) => ({ name: o.opd.shortName, share: o.umkkShareOfBudget ?? null, status: o.status }))} />
      </section>
      <section className="card">
        <h2>Tabel rekap</h2>
        <OpdShareTable rows={recap.opds} />
      </section>
      <section className="card">
        <h2>E-Purchasing Award: hasil terakhir yang diumumkan</h2>
        {data.awardLeaderboard.length === 0 ? (
          <p>Belum ada hasil yang diumumkan.</p>
        ) : (
          <table>
            <thead><tr><th>Peringkat</th><th>OPD</th><th className="num">Nilai</th><th>Predikat</th></tr></thead>
            <tbody data-testid="leaderboard">
              {data.awardLeaderboard.map((r) => (
                <tr key={r.rank}><td>{r.rank}</td><td>{r.opdName}</td><td className="num">{r.score.toLocaleString('id-ID', { minimumFractionDigits: 3 })}</td><td>{r.tier ?? '-'}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <PublicAsnSection pemdaId={pemdaId} />
      <p><Link to={`/publik/${pemdaId}/katalog`}>Lihat katalog produk lokal →</Link></p>
      <p>
        Data terbuka: setiap paket katalog dalam format Open Contracting (OCDS 1.1),{' '}
        <a href={`/opendata/${data.pemda.kemendagriCode}/ocds.json?from=${year}-01-01&to=${year}-12-31`} data-testid="ocds-link">unduh JSON tahun {year}</a>.
      </p>
    </>
  );
}
