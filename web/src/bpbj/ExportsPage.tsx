import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CsvDialect, ExportFormat } from '../gql/graphql';
import { dateName, EXPORT_JOB_STATUS, label, monthName } from '../lib/format';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { saveFile, type ApiFile } from '../lib/saveFile';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';
import { useFieldErrors } from '../lib/useFieldErrors';

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

const RequestOrdersExport = graphql(`
  mutation RequestOrdersExport($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect, $key: String) {
    requestOrdersExport(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect, idempotencyKey: $key) { id status }
  }
`);
const ExportJobs = graphql(`query ExportJobs($pemdaId: ID!) { exportJobs(pemdaId: $pemdaId) { id status error from to format dialect } }`);
const ExportJobFile = graphql(`query ExportJobFile($id: ID!) { exportJob(id: $id) { id file { filename contentType base64 } } }`);

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

const FORMATS: Record<string, [ExportFormat, CsvDialect | null]> = { XLSX: ['XLSX', null], PDF: ['PDF', null], 'CSV (Excel)': ['CSV', 'EXCEL_ID'] };
const formatName = (format: ExportFormat, dialect?: CsvDialect | null) =>
  Object.entries(FORMATS).find(([, [f, d]]) => f === format && d === (dialect ?? null))?.[0] ?? format;

/**
 * The orders of any period, however long, as a file made in the background: asked for here, made by whichever server
 * process takes the job, and downloaded once ready. The list is the Pemda's latest files from the API, so a file asked
 * for before the page was left (or by a colleague) is still here; while one is being made, the list is read again
 * every two seconds, one request for all of them.
 */
function OrdersForPeriod({ pemdaId, year }: { pemdaId: string; year: number }) {
  const client = useClient();
  const [, request] = useMutation(RequestOrdersExport);
  const [{ data }, reread] = useQuery({ query: ExportJobs, variables: { pemdaId }, requestPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useFieldErrors();
  const jobs = data?.exportJobs ?? [];
  const waiting = jobs.some((f) => f.status === 'QUEUED' || f.status === 'RUNNING');

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), 2000);
    return () => clearInterval(timer);
  }, [waiting, reread]);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const [from, to, format] = ['from', 'to', 'format'].map((name) => String(values.get(name) ?? ''));
    const [fileFormat, dialect] = FORMATS[format];
    // One key per click: a retry of the same request (a lost answer) returns the same job, never a second one.
    const result = await request({ pemdaId, from, to, format: fileFormat, dialect, key: crypto.randomUUID() });
    form.setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `Berkas ${result.data ? `${dateName(from)} s.d. ${dateName(to)}` : ''} diminta; tombol Unduh muncul setelah berkas selesai dibuat.`));
    if (result.data) reread({ requestPolicy: 'network-only' });
  }

  async function download(id: string) {
    const file = (await client.query(ExportJobFile, { id }, { requestPolicy: 'network-only' }).toPromise()).data?.exportJob.file;
    return file ? saveFile(file) : window.alert('Berkas belum siap.');
  }

  return (
    <section className="card" aria-label="Daftar paket per periode">
      <h2>Daftar paket per periode (dibuat di latar belakang)</h2>
      <NoticeLine notice={notice} />
      <form onSubmit={ask} noValidate aria-label="Minta daftar paket" className="inline">
        {form.field('from', 'Dari tanggal', { type: 'date', defaultValue: `${year}-01-01` })}
        {form.field('to', 'Sampai tanggal', { type: 'date', defaultValue: `${year}-12-31` })}
        <label>Format<select name="format">{Object.keys(FORMATS).map((f) => <option key={f}>{f}</option>)}</select></label>
        <button type="submit">Minta berkas</button>
      </form>
      {jobs.length > 0 && (
        <table data-testid="asked-files">
          <thead><tr><th>Periode</th><th>Format</th><th>Keadaan</th><th /></tr></thead>
          <tbody>
            {jobs.map((f) => (
              <tr key={f.id} data-status={f.status}>
                <td>{dateName(f.from)} s.d. {dateName(f.to)}</td><td>{formatName(f.format, f.dialect)}</td>
                <td>{label(EXPORT_JOB_STATUS, f.status)}{f.error ? `: ${f.error}` : ''}</td>
                <td>{f.status === 'DONE' && <button onClick={() => download(f.id)}>Unduh</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
      <OrdersForPeriod pemdaId={pemdaId} year={year} />
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
