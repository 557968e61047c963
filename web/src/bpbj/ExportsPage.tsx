import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import { monthName } from '../lib/format';

const SpendRecapFile = graphql(`
  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!) {
    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format) { filename contentType base64 }
  }
`);
const OrdersFile = graphql(`
  query OrdersFile($pemdaId: ID!, $from: String!, $to: String!) {
    exportOrdersCsv(pemdaId: $pemdaId, from: $from, to: $to)
  }
`);
const PublishedAward = graphql(`
  query PublishedAward($pemdaId: ID!, $period: String!) {
    awardVersions(pemdaId: $pemdaId, period: $period) { id status }
  }
`);
const AwardFile = graphql(`
  query AwardFile($id: ID!, $format: ExportFormat!) {
    exportAward(id: $id, format: $format) { filename contentType base64 }
  }
`);

const AsnProgrammeList = graphql(`
  query AsnProgrammeList($pemdaId: ID!) {
    asnProgrammes(pemdaId: $pemdaId) { id name }
  }
`);
const AsnComplianceFile = graphql(`
  query AsnComplianceFile($programmeId: ID!, $month: String!) {
    exportAsnCompliance(programmeId: $programmeId, month: $month, format: XLSX) { filename contentType base64 }
  }
`);

function save(filename: string, type: string, bytes: BlobPart) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type }));
  link.download = filename;
  link.click();
}
const fromBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Reports for the regent's office, downloaded as files the browser saves. */
export function ExportsPage({ pemdaId }: { pemdaId: string }) {
  const client = useClient();
  const now = new Date();
  const year = now.getFullYear();
  const lastQuarter = Math.floor(now.getMonth() / 3);
  const fail = (message?: string) => window.alert(message ?? 'Gagal mengunduh.');
  const [{ data: asn }] = useQuery({ query: AsnProgrammeList, variables: { pemdaId } });
  const previousMonth = new Date(Date.UTC(year, now.getMonth() - 1, 1)).toISOString().slice(0, 7);
  async function asnRecap(programmeId: string) {
    const result = await client.query(AsnComplianceFile, { programmeId, month: previousMonth }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.exportAsnCompliance;
    return file ? save(file.filename, file.contentType, fromBase64(file.base64)) : fail(result.error?.graphQLErrors[0]?.message);
  }
  async function recap(format: 'CSV' | 'XLSX') {
    const result = await client.query(SpendRecapFile, { pemdaId, year, format }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.exportSpendRecap;
    return file ? save(file.filename, file.contentType, fromBase64(file.base64)) : fail(result.error?.graphQLErrors[0]?.message);
  }
  async function orders() {
    const result = await client.query(OrdersFile, { pemdaId, from: `${year}-01-01`, to: `${year}-12-31` }, { requestPolicy: 'network-only' }).toPromise();
    return result.data ? save(`paket-${year}.csv`, 'text/csv', result.data.exportOrdersCsv) : fail(result.error?.graphQLErrors[0]?.message);
  }
  async function award() {
    const versions = await client.query(PublishedAward, { pemdaId, period: `${year}-Q${lastQuarter}` }, { requestPolicy: 'network-only' }).toPromise();
    const published = versions.data?.awardVersions.find((v) => v.status === 'PUBLISHED');
    if (!published) return fail(`Belum ada hasil penghargaan ${year}-Q${lastQuarter} yang diumumkan.`);
    const result = await client.query(AwardFile, { id: published.id, format: 'XLSX' }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.exportAward;
    return file ? save(file.filename, file.contentType, fromBase64(file.base64)) : fail(result.error?.graphQLErrors[0]?.message);
  }
  return (
    <>
      <h1>Unduh laporan</h1>
      <section className="card">
        <h2>Rekap belanja UMK-K {year} per OPD dan bulan</h2>
        <div className="actions">
          <button onClick={() => recap('XLSX')}>Unduh XLSX</button>
          <button className="secondary" onClick={() => recap('CSV')}>Unduh CSV</button>
        </div>
      </section>
      <section className="card">
        <h2>Daftar paket {year}</h2>
        <button onClick={orders}>Unduh CSV paket</button>
      </section>
      {asn?.asnProgrammes.map((programme) => (
        <section className="card" key={programme.id}>
          <h2>{programme.name}: rekap per OPD {monthName(previousMonth)}</h2>
          <button onClick={() => asnRecap(programme.id)}>Unduh XLSX rekap ASN</button>
        </section>
      ))}
      {lastQuarter >= 1 && (
        <section className="card">
          <h2>E-Purchasing Award {year} triwulan {lastQuarter}, dengan penjelasan</h2>
          <button onClick={award}>Unduh XLSX penghargaan</button>
        </section>
      )}
    </>
  );
}
