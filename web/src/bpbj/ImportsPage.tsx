import { useState, type ChangeEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { ImportBudgetsMutation } from '../gql/graphql';

const ImportBudgets = graphql(`
  mutation ImportBudgets($pemdaId: ID!, $csv: String!, $dryRun: Boolean!) {
    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, dryRun: $dryRun) { applied rows errors { row field message } }
  }
`);

/** Budgets from a CSV: a dry run first, every row's problems in a table, then apply (all rows or none). */
export function ImportsPage({ pemdaId }: { pemdaId: string }) {
  const [, run] = useMutation(ImportBudgets);
  const [csv, setCsv] = useState<string | null>(null);
  const [result, setResult] = useState<ImportBudgetsMutation['importOpdBudgets'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function check(dryRun: boolean) {
    const answer = await run({ pemdaId, csv: csv!, dryRun });
    setProblem(answer.error ? (answer.error.graphQLErrors[0]?.message ?? 'Gagal.') : null);
    setResult(answer.data?.importOpdBudgets ?? null);
  }
  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setResult(null);
    setCsv(file ? await file.text() : null);
  }
  return (
    <>
      <h1>Impor pagu OPD</h1>
      <section className="card">
        <p>Kolom CSV: <code>opd_code, fiscal_year, goods_services_budget, planned_umkk, allocated_umkk</code>, opsional <code>effective_from</code> dan <code>reason</code> (wajib bila pagu sudah tercatat, misalnya APBD-Perubahan).</p>
        <label>
          Berkas CSV
          <input type="file" accept=".csv,text/csv" onChange={pick} />
        </label>
        <div className="actions">
          <button disabled={!csv} onClick={() => check(true)}>Periksa (uji coba)</button>
          <button disabled={!csv || !result || result.errors.length > 0} onClick={() => check(false)}>Terapkan</button>
        </div>
        {problem && <p role="alert" className="error">{problem}</p>}
        {result && result.errors.length === 0 && <p role="status" className="notice">{result.applied ? `${result.rows} baris diterapkan.` : `${result.rows} baris siap diterapkan.`}</p>}
        {result && result.errors.length > 0 && (
          <table data-testid="import-errors">
            <caption>{result.errors.length} masalah; tidak ada yang disimpan.</caption>
            <thead><tr><th>Baris</th><th>Kolom</th><th>Masalah</th></tr></thead>
            <tbody>{result.errors.map((e, i) => <tr key={i}><td>{e.row}</td><td>{e.field}</td><td>{e.message}</td></tr>)}</tbody>
          </table>
        )}
      </section>
    </>
  );
}
