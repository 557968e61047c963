import { useMutation } from 'urql';
import { graphql } from '../gql';
import { CsvImportForm } from '../lib/CsvImportForm';
import { localToday } from '../lib/format';

const ImportExternalSpend = graphql(`
  mutation ImportExternalSpend($input: ImportExternalSpendInput!) {
    importExternalSpend(input: $input) { applied created corrected unchanged errors { row field message } }
  }
`);

/** Spend outside the catalogue (SPSE, national catalogue, online shops) from a CSV; a known reference corrects its row. */
export function ExternalSpendPage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const [, run] = useMutation(ImportExternalSpend);
  return (
    <>
      <h1>Impor belanja luar katalog</h1>
      <CsvImportForm
        help={<>Kolom (CSV atau lembar pertama XLSX): <code>external_ref, date, opd_code, vendor_name, vendor_nib, amount, channel, umkk, pdn, local</code>, opsional <code>corrects_ref</code> (penyesuaian di periode terbuka untuk baris di periode yang sudah ditutup). Referensi yang sudah ada mengoreksi barisnya.</>}
        template={{ filename: 'templat-belanja-luar-katalog.csv', rows: () => [
          ['external_ref', 'date', 'opd_code', 'vendor_name', 'vendor_nib', 'amount', 'channel', 'umkk', 'pdn', 'local', 'corrects_ref'],
          // Dated today in the Pemda's calendar: a date in a closed month is refused (a correction goes in an open one).
          ['SPSE-2026-000123', localToday(timeZone), '1.02.01', 'CV Contoh Usaha', '9120000000001', '15000000', 'TENDER', 'ya', 'ya', 'tidak', ''],
        ] }}
        send={async (upload, dryRun) => {
          const answer = await run({ input: { pemdaId, ...upload, policy: 'REJECT_ALL', dryRun } });
          const r = answer.data?.importExternalSpend;
          return { problem: answer.error?.graphQLErrors[0]?.message ?? (answer.error ? 'Gagal.' : null), applied: Boolean(r?.applied), summary: `${r?.created ?? 0} baru, ${r?.corrected ?? 0} koreksi, ${r?.unchanged ?? 0} tidak berubah`, errors: r?.errors ?? [] };
        }}
      />
    </>
  );
}
