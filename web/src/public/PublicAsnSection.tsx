import { useQuery } from 'urql';
import { graphql } from '../gql';
import { OpdAsnRanking } from '../asn/OpdAsnRanking';
import { localToday, monthName } from '../lib/format';

const Programmes = graphql(`query PublicAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name startMonth reportDeadlineDay } }`);
const Month = graphql(`
  query PublicAsnMonth($programmeId: ID!, $month: String!) {
    publicAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }
  }
`);

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** The latest month whose reports have closed: last month once today is past the deadline day, else the one before. */
export function latestClosedMonth(today: string, deadlineDay: number): string {
  return addMonths(today.slice(0, 7), Number(today.slice(8, 10)) > deadlineDay ? -1 : -2);
}

function ProgrammeMonth({ programme, timeZone }: { programme: { id: string; name: string; startMonth: string; reportDeadlineDay: number }; timeZone: string }) {
  const month = latestClosedMonth(localToday(timeZone), programme.reportDeadlineDay);
  const [{ data }] = useQuery({ query: Month, variables: { programmeId: programme.id, month }, pause: month < programme.startMonth });
  return (
    <section className="card" aria-label={programme.name}>
      <h2>{programme.name}: {monthName(month)}</h2>
      {month < programme.startMonth ? <p>Program dimulai {monthName(programme.startMonth)}; belum ada bulan yang ditutup.</p>
        : !data ? <p>Memuat…</p>
        : <OpdAsnRanking rows={data.publicAsnCompliance} month={month} />}
      <p><small>Kepatuhan: ASN yang belanjanya di UMKM lokal memenuhi minimal jabatannya, dari ASN yang wajib (yang cuti tidak dihitung). Hanya angka per OPD; tidak ada data perorangan.</small></p>
    </section>
  );
}

/** PPID: each ASN purchase programme's latest closed month, OPD by OPD, for anyone. */
export function PublicAsnSection({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const [{ data }] = useQuery({ query: Programmes, variables: { pemdaId } });
  if (!data?.asnProgrammes.length) return null;
  return (
    <>
      {data.asnProgrammes.map((programme) => <ProgrammeMonth key={programme.id} programme={programme} timeZone={timeZone} />)}
    </>
  );
}
