import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CsvDialect, ExportFormat } from '../gql/graphql';
import { monthName } from '../lib/format';
import { saveFile, type ApiFile } from '../lib/saveFile';

const SpendRecapFile = graphql(`
  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!, $dialect: CsvDialect) {
    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format, dialect: $dialect) { filename contentType base64 }
  }
`);
const OrdersFile = graphql(`
  query OrdersFile($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect) {
    exportOrders(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect) { filename contentType base64 }
  }
`);
const CatalogueProgressFile = graphql(`
  query CatalogueProgressFile($pemdaId: ID!, $format: ExportFormat!, $dialect: CsvDialect) {
    exportCatalogueProgress(pemdaId: $pemdaId, format: $format, dialect: $dialect) { filename contentType base64 }
  }
`);
const PublishedAward = graphql(`
  query PublishedAward($pemdaId: ID!, $period: String!) {
    awardVersions(pemdaId: $pemdaId, period: $period) { id status }
  }
`);
const AwardFile = graphql(`
  query AwardFile($id: ID!, $format: ExportFormat!, $dialect: CsvDialect) {
    exportAward(id: $id, format: $format, dialect: $dialect) { filename contentType base64 }
  }
`);
const AsnProgrammeList = graphql(`
  query AsnProgrammeList($pemdaId: ID!) {
    asnProgrammes(pemdaId: $pemdaId) { id name }
  }
`);
const AsnComplianceFile = graphql(`
  query AsnComplianceFile($programmeId: ID!, $month: String!, $format: ExportFormat!, $dialect: CsvDialect) {
    exportAsnCompliance(programmeId: $programmeId, month: $month, format: $format, dialect: $dialect) { filename contentType base64 }
  }
`);

type Fetch = (format: ExportFormat, dialect?: CsvDialect) => Promise<{ file?: ApiFile | null; error?: string }>;

/** The three files every report comes as: XLSX and PDF to print and send, CSV that Excel set to Indonesian opens. */
function Downloads({ title, fetch }: { title: string; fetch: Fetch }) {
  async function download(format: ExportFormat, dialect?: CsvDialect) {
    const { file, error } = await fetch(format, dialect);
    return file ? saveFile(file) : window.alert(error ?? 'Gagal mengunduh.');
  }
  return (
    <section className="card">
      <h2>{title}</h2>
      <div className="actions">
        <button onClick={() => download('XLSX')}>Unduh XLSX</button>
        <button className="secondary" onClick={() => download('PDF')}>Unduh PDF</button>
        <button className="secondary" onClick={() => download('CSV', 'EXCEL_ID')}>Unduh CSV (Excel)</button>
      </div>
    </section>
  );
}

/** Reports for the regent's office, downloaded as files the browser saves. */
export function ExportsPage({ pemdaId }: { pemdaId: string }) {
  const client = useClient();
  const now = new Date();
  const year = now.getFullYear();
  const lastQuarter = Math.floor(now.getMonth() / 3);
  const previousMonth = new Date(Date.UTC(year, now.getMonth() - 1, 1)).toISOString().slice(0, 7);
  const [{ data: asn }] = useQuery({ query: AsnProgrammeList, variables: { pemdaId } });
  const network = { requestPolicy: 'network-only' } as const;
  const answer = <T,>(result: { data?: T; error?: { graphQLErrors: { message: string }[] } }, pick: (data: T) => ApiFile) =>
    ({ file: result.data ? pick(result.data) : null, error: result.error?.graphQLErrors[0]?.message });

  const award: Fetch = async (format, dialect) => {
    const versions = await client.query(PublishedAward, { pemdaId, period: `${year}-Q${lastQuarter}` }, network).toPromise();
    const published = versions.data?.awardVersions.find((v) => v.status === 'PUBLISHED');
    if (!published) return { error: `Belum ada hasil penghargaan ${year}-Q${lastQuarter} yang diumumkan.` };
    return answer(await client.query(AwardFile, { id: published.id, format, dialect }, network).toPromise(), (d) => d.exportAward);
  };
  return (
    <>
      <h1>Unduh laporan</h1>
      <Downloads
        title={`Rekap belanja UMK-K ${year}: per OPD, dan per bulan`}
        fetch={async (format, dialect) => answer(await client.query(SpendRecapFile, { pemdaId, year, format, dialect }, network).toPromise(), (d) => d.exportSpendRecap)}
      />
      <Downloads
        title={`Daftar paket ${year}`}
        fetch={async (format, dialect) => answer(await client.query(OrdersFile, { pemdaId, from: `${year}-01-01`, to: `${year}-12-31`, format, dialect }, network).toPromise(), (d) => d.exportOrders)}
      />
      <Downloads
        title="Capaian katalog: produk dan penyedia"
        fetch={async (format, dialect) => answer(await client.query(CatalogueProgressFile, { pemdaId, format, dialect }, network).toPromise(), (d) => d.exportCatalogueProgress)}
      />
      {asn?.asnProgrammes.map((programme) => (
        <Downloads
          key={programme.id}
          title={`${programme.name}: rekap per OPD ${monthName(previousMonth)}`}
          fetch={async (format, dialect) =>
            answer(await client.query(AsnComplianceFile, { programmeId: programme.id, month: previousMonth, format, dialect }, network).toPromise(), (d) => d.exportAsnCompliance)}
        />
      ))}
      {lastQuarter >= 1 && <Downloads title={`E-Purchasing Award ${year} triwulan ${lastQuarter}, dengan penjelasan`} fetch={award} />}
    </>
  );
}
