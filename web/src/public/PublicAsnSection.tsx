import { useQuery } from 'urql';
import { graphql } from '../gql';
import { OpdAsnRanking } from '../asn/OpdAsnRanking';
import { monthName } from '../lib/format';

const Programmes = graphql(`query PublicAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name startMonth latestClosedMonth } }`);
const Month = graphql(`
  query PublicAsnMonth($programmeId: ID!, $month: String!) {
    publicAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }
  }
`);

function ProgrammeMonth({ programme }: { programme: { id: string; name: string; startMonth: string; latestClosedMonth?: string | null } }) {
  const month = programme.latestClosedMonth;
  const [{ data }] = useQuery({ query: Month, variables: { programmeId: programme.id, month: month ?? '' }, pause: !month });
  return (
    <section className="card" aria-label={programme.name}>
      <h2>{programme.name}{month ? `: ${monthName(month)}` : ''}</h2>
      {!month ? <p>Program dimulai {monthName(programme.startMonth)}; belum ada bulan yang ditutup.</p>
        : !data ? <p>Memuat…</p>
        : <OpdAsnRanking rows={data.publicAsnCompliance} month={month} />}
      <p><small>Kepatuhan: ASN yang belanjanya di UMKM lokal memenuhi minimal jabatannya, dari ASN yang wajib (yang cuti tidak dihitung). Hanya angka per OPD; tidak ada data perorangan.</small></p>
    </section>
  );
}

/** PPID: each ASN purchase programme's latest closed month, OPD by OPD, for anyone. */
export function PublicAsnSection({ pemdaId }: { pemdaId: string }) {
  const [{ data }] = useQuery({ query: Programmes, variables: { pemdaId } });
  if (!data?.asnProgrammes.length) return null;
  return (
    <>
      {data.asnProgrammes.map((programme) => <ProgrammeMonth key={programme.id} programme={programme} />)}
    </>
  );
}
