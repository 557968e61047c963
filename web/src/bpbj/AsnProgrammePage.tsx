import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useLocation } from '../app/router';
import { AsnMonthTable, useProgrammeMonth, type AsnMonthRow } from '../asn/AsnMonth';
import { CsvImportForm } from '../lib/CsvImportForm';
import { NewAsnProgramme } from './NewAsnProgramme';
import { OpdAsnRanking } from '../asn/OpdAsnRanking';
import { suggestedPassword } from '../lib/passwords';
import { monthName } from '../lib/format';
import { noticeOf, NoticeLine, type Notice } from '../lib/useAction';
import { useState } from 'react';

const OpdRanking = graphql(`
  query OpdAsnRanking($programmeId: ID!, $month: String!) {
    opdAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }
  }
`);
const ImportAsn = graphql(`
  mutation ImportAsnRegistry($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {
    importAsn(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }
  }
`);
const SetExempt = graphql(`mutation SetAsnExempt($asnId: ID!, $month: String!, $exempt: Boolean!) { setAsnExempt(asnId: $asnId, month: $month, exempt: $exempt) { id } }`);
const CreateAsnAccount = graphql(`mutation CreateAsnAccount($asnId: ID!, $email: String!, $password: String!) { createAsnAccount(asnId: $asnId, email: $email, password: $password) { id email } }`);


/**
 * BPBJ runs the ASN purchase programme: every OPD ranked for the month (the top is the reward list), an OPD opened to
 * its ASN (a month of leave marked, an account given, reports checked against their receipts), and the ASN registry
 * imported from the BKPSDM's spreadsheet.
 */
export function AsnProgrammePage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const { programmeId, month, picker, none, set, show } = useProgrammeMonth(pemdaId, timeZone);
  const opdId = useLocation().searchParams.get('opd');
  const [{ data }] = useQuery({ query: OpdRanking, variables: { programmeId: programmeId ?? '', month }, pause: !programmeId });
  const [, importAsn] = useMutation(ImportAsn);
  const [, setExempt] = useMutation(SetExempt);
  const [, createAccount] = useMutation(CreateAsnAccount);
  const [notice, setNotice] = useState<Notice | null>(null);
  const opd = data?.opdAsnCompliance.find((o) => o.opd.id === opdId);

  const actions = (row: AsnMonthRow, reread: () => void) => (
    <>
      <button className="secondary" onClick={async () => {
        const exempt = row.status !== 'EXEMPT';
        setNotice(noticeOf(await setExempt({ asnId: row.asn.id, month, exempt }), exempt ? `${row.asn.name} dikecualikan untuk ${monthName(month)} (cuti).` : `Pengecualian ${row.asn.name} untuk ${monthName(month)} dicabut.`));
        reread();
      }}>{row.status === 'EXEMPT' ? 'Cabut pengecualian' : 'Cuti bulan ini'}</button>
      <button className="secondary" onClick={async () => {
        const email = window.prompt(`Email untuk akun ${row.asn.name}:`)?.trim();
        if (!email) return;
        const password = suggestedPassword();
        setNotice(noticeOf(await createAccount({ asnId: row.asn.id, email, password }), `Akun ${email} dibuat untuk ${row.asn.name}. Kata sandi pertama: ${password} (sampaikan langsung; diganti saat pertama masuk).`));
      }}>Buat akun</button>
    </>
  );

  return (
    <>
      <h1>Program belanja UMKM ASN{none ? '' : `: ${monthName(month)}`}</h1>
      {none ? <p>Belum ada program belanja UMKM untuk ASN di Pemda ini: buat yang pertama di bawah.</p> : picker}
      <NoticeLine notice={notice} />
      {none ? null : opd && programmeId ? (
        <>
          <p><button className="link" onClick={() => set('opd', '')}>← Semua OPD</button></p>
          <h2>{opd.opd.name}</h2>
          <AsnMonthTable programmeId={programmeId} opdId={opd.opd.id} month={month} actions={actions} />
        </>
      ) : (
        <section className="card">
          {!data ? <p>Memuat…</p> : <OpdAsnRanking rows={data.opdAsnCompliance} month={month} name={(o) => <button className="link" onClick={() => set('opd', o.opd.id)}>{o.opd.name}</button>} />}
        </section>
      )}
      <NewAsnProgramme pemdaId={pemdaId} open={none} onCreated={show} />
      <h2>Impor data ASN</h2>
      <CsvImportForm
        help={<>Kolom (CSV atau lembar pertama XLSX): <code>nip, name, opd_code, grade, tpp</code>. Setiap NIP diperiksa; semua baris atau tidak sama sekali. ASN yang sudah ada diperbarui.</>}
        template={{ filename: 'templat-data-asn.csv', rows: () => [['nip', 'name', 'opd_code', 'grade', 'tpp'], ['199001012015031001', 'Nama ASN', '1.02.01', 'PELAKSANA', '2500000']] }}
        send={async (upload, dryRun) => {
          const answer = await importAsn({ pemdaId, ...upload, dryRun });
          const result = answer.data?.importAsn;
          return { problem: answer.error?.graphQLErrors[0]?.message ?? (answer.error ? 'Gagal.' : null), applied: Boolean(result?.applied), summary: `${result?.created ?? 0} ASN baru, ${result?.updated ?? 0} diperbarui`, errors: result?.errors ?? [] };
        }}
      />
    </>
  );
}
