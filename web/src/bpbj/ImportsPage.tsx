import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { CsvImportForm } from '../lib/CsvImportForm';
import { localToday } from '../lib/format';

const ImportBudgets = graphql(`
  mutation ImportBudgets($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {
    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied rows errors { row field message } }
  }
`);

const OpdCodes = graphql(`query OpdCodes($pemdaId: ID!) { opds(pemdaId: $pemdaId) { id code name active } }`);

/** OPD budgets (APBD, and APBD-Perubahan as new versions) from a CSV. */
export function ImportsPage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const [, run] = useMutation(ImportBudgets);
  const [{ data }] = useQuery({ query: OpdCodes, variables: { pemdaId } });
  // One row per active OPD with its code and name (the importer reads the code; the name is for the person filling it in).
  const template = () => [
    ['opd_code', 'opd_name', 'fiscal_year', 'goods_services_budget', 'planned_umkk', 'allocated_umkk', 'effective_from', 'reason'],
    ...(data?.opds ?? []).filter((o) => o.active).map((o) => [o.code, o.name, localToday(timeZone).slice(0, 4), '', '', '', '', '']),
  ];
  return (
    <>
      <h1>Impor pagu OPD</h1>
      <CsvImportForm
        help={<>Kolom (CSV atau lembar pertama XLSX): <code>opd_code, fiscal_year, goods_services_budget, planned_umkk, allocated_umkk</code>, opsional <code>effective_from</code> dan <code>reason</code> (wajib bila pagu sudah tercatat, misalnya APBD-Perubahan). Templatnya berisi setiap OPD aktif.</>}
        template={{ filename: 'templat-pagu-opd.csv', rows: template }}
        send={async (upload, dryRun) => {
          const answer = await run({ pemdaId, ...upload, dryRun });
          const result = answer.data?.importOpdBudgets;
          return { problem: answer.error?.graphQLErrors[0]?.message ?? (answer.error ? 'Gagal.' : null), applied: Boolean(result?.applied), summary: `${result?.rows ?? 0} baris`, errors: result?.errors ?? [] };
        }}
      />
    </>
  );
}
