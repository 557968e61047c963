import { useQuery } from 'urql';
import { graphql } from '../gql';
import { MonthColumns } from '../lib/charts';
import { localToday, percent } from '../lib/format';
import { OpdTiles } from '../lib/OpdTiles';

const Standing = graphql(`
  query OpdStanding($pemdaId: ID!, $opdId: ID!, $year: Int!) {
    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {
      period { label }
      targetPercent
      opds { plannedUmkk plannedUmkkShare allocatedUmkk allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }
    }
    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }
    awardLeaderboard(pemdaId: $pemdaId) { rank opdId score tier }
  }
`);

/**
 * Where the officer's own OPD stands, for its PP, PPK and head: the UMK-K share of its budget against the Pemda's
 * target, what is still needed, its months, and its place in the last published E-Purchasing Award.
 */
export function StandingPage({ pemdaId, opd, timeZone }: { pemdaId: string; opd: { id: string; name: string }; timeZone: string }) {
  const year = Number(localToday(timeZone).slice(0, 4));
  const [{ data, error }] = useQuery({ query: Standing, variables: { pemdaId, opdId: opd.id, year }, requestPolicy: 'cache-and-network' });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const row = data.spendRecap.opds.find((o) => o.opd.id === opd.id);
  const award = data.awardLeaderboard.find((r) => r.opdId === opd.id);
  return (
    <>
      <h1>Capaian {opd.name} · {data.spendRecap.period.label}</h1>
      <p>Target Pemda: belanja produk UMK-K paling sedikit {percent(data.spendRecap.targetPercent)} dari pagu belanja barang/jasa.</p>
      {row ? <OpdTiles row={row} /> : <p>Pagu OPD ini untuk {year} belum tercatat di BPBJ.</p>}
      <section className="card">
        <h2>Porsi UMK-K kumulatif dari pagu, per bulan</h2>
        <MonthColumns label={`Porsi UMK-K ${opd.name} per bulan`} target={data.spendRecap.targetPercent} points={data.spendMonthlySeries} />
      </section>
      <section className="card">
        <h2>E-Purchasing Award</h2>
        {award ? (
          <p data-testid="opd-award">Peringkat {award.rank} dari {data.awardLeaderboard.length} OPD · nilai {award.score.toLocaleString('id-ID', { minimumFractionDigits: 3 })}{award.tier ? ` · ${award.tier}` : ''}</p>
        ) : <p>Belum ada hasil penghargaan yang diumumkan untuk OPD ini.</p>}
      </section>
    </>
  );
}
