import { useMutation } from 'urql';
import { graphql } from '../gql';
import { CsvImportForm } from '../lib/CsvImportForm';

const ImportBudgets = graphql(`
  mutation ImportBudgets($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {
    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied rows errors { row field message } }
  }
`);

/** OPD budgets (APBD, and APBD-Perubahan as new versions) from a CSV. */
export function ImportsPage({ pemdaId }: { pemdaId: string }) {
  const [, run] = useMutation(ImportBudgets);
  return (
    <>
      <h1>Impor pagu OPD</h1>
      <CsvImportForm
        help={<>Kolom (CSV atau lembar pertama XLSX): <code>opd_code, fiscal_year, goods_services_budget, planned_umkk, allocated_umkk</code>, opsional <code>effective_from</code> dan <code>reason</code> (wajib bila pagu sudah tercatat, misalnya APBD-Perubahan).</>}
        send={async (upload, dryRun) => {
          const answer = await run({ pemdaId, ...upload, dryRun });
          const result = answer.data?.importOpdBudgets;
          return { problem: answer.error?.graphQLErrors[0]?.message ?? (answer.error ? 'Gagal.' : null), applied: Boolean(result?.applied), summary: `${result?.rows ?? 0} baris`, errors: result?.errors ?? [] };
        }}
      />
    </>
  );
}
