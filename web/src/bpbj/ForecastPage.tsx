import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';
import { monthName, percent, rupiah } from '../lib/format';

const Forecast = graphql(`
  query DecemberForecast($pemdaId: ID!, $year: Int!) {
    decemberForecast(pemdaId: $pemdaId, year: $year) {
      throughMonth monthsLeft method targetPercent
      pemda { budget target realisedUmkk projectedUmkk projectedShare neededPerMonth willMiss }
      opds { opdId opdCode opdName budget realisedShare projectedShare projectedUmkk target neededPerMonth willMiss }
    }
    vendorConcentration(pemdaId: $pemdaId, year: $year) { opdId opdCode opdName catalogueSpend vendors topVendorName topVendorShare topThreeShare hhi }
  }
`);

const METHOD: Record<string, string> = {
  LAST_YEAR_SHAPE: 'realisasi s.d. bulan ini × (realisasi setahun penuh tahun lalu ÷ realisasi bulan yang sama tahun lalu), pola seluruh Pemda',
  CURRENT_PACE: 'realisasi s.d. bulan ini × 12 ÷ jumlah bulan (belum ada data tahun lalu)',
  FINAL: 'tahun telah berakhir: angka realisasi',
};

/** HHI as competition authorities read it: under 1.500 spread, 1.500-2.500 moderate, above 2.500 concentrated. */
const hhiLabel = (hhi: number) => (hhi > 2500 ? 'terkonsentrasi' : hhi >= 1500 ? 'sedang' : 'tersebar');

/**
 * Where each OPD's UMK-K share will stand on 31 December at its pace so far, and what it needs each month to reach the
 * target; then how concentrated each OPD's catalogue buying is. The rules are the API's, stated under each table.
 */
export function ForecastPage({ pemdaId }: { pemdaId: string }) {
  const year = new Date().getFullYear();
  const [{ data, fetching, error }] = useQuery({ query: Forecast, variables: { pemdaId, year } });
  if (fetching && !data) return <p>Memuat…</p>;
  if (error || !data) return <p role="alert" className="error">{error?.graphQLErrors[0]?.message ?? 'Data tidak tersedia.'}</p>;
  const f = data.decemberForecast;
  const missing = f.opds.filter((o) => o.willMiss);
  return (
    <>
      <h1>Proyeksi 31 Desember {year}</h1>
      <div className="tiles">
        <div className="tile">
          <span>Proyeksi porsi UMK-K Pemda</span>
          <strong data-testid="projected-share">{percent(f.pemda.projectedShare)}</strong>
          <small>target {percent(f.targetPercent)} · {f.pemda.willMiss ? 'diperkirakan tidak tercapai' : 'diperkirakan tercapai'}</small>
        </div>
        <div className="tile">
          <span>Perlu per bulan ({f.monthsLeft} bulan tersisa)</span>
          <strong>{rupiah(f.pemda.neededPerMonth)}</strong>
          <small>untuk mencapai {rupiah(f.pemda.target)}</small>
        </div>
        <div className="tile">
          <span>OPD diperkirakan tidak mencapai target</span>
          <strong data-testid="missing-count">{missing.length} dari {f.opds.length}</strong>
          <small>dihitung pada akhir {monthName(`${year}-${String(f.throughMonth).padStart(2, '0')}`)}</small>
        </div>
      </div>
      <section className="card">
        <h2>Per OPD: yang diperkirakan meleset lebih dulu</h2>
        <table data-testid="forecast-table">
          <thead>
            <tr><th>OPD</th><th className="num">Pagu</th><th className="num">% saat ini</th><th className="num">% proyeksi</th><th className="num">Perlu per bulan</th><th>Perkiraan</th></tr>
          </thead>
          <tbody>
            {f.opds.map((o) => (
              <tr key={o.opdId}>
                <td><Link to={`/bpbj/opd/${o.opdId}`}>{o.opdName}</Link></td>
                <td className="num">{rupiah(o.budget)}</td>
                <td className="num">{percent(o.realisedShare)}</td>
                <td className="num">{percent(o.projectedShare)}</td>
                <td className="num">{rupiah(o.neededPerMonth)}</td>
                <td><span className={`badge ${o.willMiss ? 'BELOW' : 'ON_TRACK'}`}>{o.willMiss ? 'Meleset' : 'Tercapai'}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
        <p><small>Cara hitung: {METHOD[f.method]}; dibulatkan sekali ke rupiah. Perlu per bulan = (target − realisasi) ÷ bulan tersisa, dibulatkan ke atas.</small></p>
      </section>
      <section className="card">
        <h2>Konsentrasi penyedia per OPD (belanja katalog)</h2>
        <table data-testid="concentration-table">
          <thead>
            <tr><th>OPD</th><th className="num">Belanja katalog</th><th className="num">Penyedia</th><th>Penyedia terbesar</th><th className="num">% terbesar</th><th className="num">% 3 terbesar</th><th className="num">HHI</th></tr>
          </thead>
          <tbody>
            {data.vendorConcentration.map((c) => (
              <tr key={c.opdId}>
                <td><Link to={`/bpbj/opd/${c.opdId}`}>{c.opdName}</Link></td>
                <td className="num">{rupiah(c.catalogueSpend)}</td>
                <td className="num">{c.vendors}</td>
                <td>{c.topVendorName}</td>
                <td className="num">{percent(c.topVendorShare)}</td>
                <td className="num">{percent(c.topThreeShare)}</td>
                <td className="num">{c.hhi} <small>{hhiLabel(c.hhi)}</small></td>
              </tr>
            ))}
          </tbody>
        </table>
        <p><small>HHI = jumlah kuadrat persentase belanja tiap penyedia (0-10.000); 10.000 berarti satu penyedia mengambil semuanya.</small></p>
      </section>
    </>
  );
}
