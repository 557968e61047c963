import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { flattenCategories, type CategoryTree } from '../lib/categories';
import { CsvImportForm } from '../lib/CsvImportForm';

const ImportProducts = graphql(`
  mutation ImportProducts($input: ImportProductsInput!) {
    importProducts(input: $input) { applied validCount createdCount errors { row field message } }
  }
`);

/** The columns, in Indonesian as the API reads them (server/catalogue/product-import.ts), separated as Excel in Indonesia saves CSV. */
const COLUMNS = ['nama', 'deskripsi', 'kode_kategori', 'satuan', 'harga', 'stok', 'minimal_pesan', 'pdn', 'tkdn'];

/**
 * Many products at once, for a vendor whose list lives in a spreadsheet: a template with the columns and an example
 * row, the catalogue's category codes, a check that lists every bad row, and an import of a clean file (all rows or
 * none), as drafts or, for a verified vendor, straight to BPBJ.
 */
export function ProductImport({ categories, verified, onImported }: { categories: CategoryTree[]; verified: boolean; onImported: () => void }) {
  const [, run] = useMutation(ImportProducts);
  const [submit, setSubmit] = useState(false);
  const leaves = flattenCategories(categories).filter((c) => c.isLeaf);
  const example = () => ['Keripik Apel 100 gr', 'Keripik apel renyah tanpa pengawet', leaves[0]?.code ?? '', 'pack', '15000', '100', '10', 'ya', '40,5'];
  return (
    <section className="card" aria-label="Impor produk">
      <h2>Impor banyak produk</h2>
      <p>
        Isi satu baris per produk di Excel, simpan sebagai CSV atau XLSX, lalu periksa di sini. Foto ditambahkan setelahnya lewat tombol Ubah.
      </p>
      <details>
        <summary>Kode kategori ({leaves.length})</summary>
        <table>
          <thead><tr><th>Kategori</th><th>Kode</th></tr></thead>
          <tbody>{leaves.map((c) => <tr key={c.id}><td>{c.path.join(' › ')}</td><td><code>{c.code}</code></td></tr>)}</tbody>
        </table>
      </details>
      {verified && <label className="check"><input type="checkbox" checked={submit} onChange={(e) => setSubmit(e.target.checked)} /> Langsung ajukan ke BPBJ</label>}
      <CsvImportForm
        help={<>Kolom: <code>{COLUMNS.join(', ')}</code> (harga dalam rupiah tanpa titik, pdn ya/tidak, tkdn boleh kosong). Berkas diterapkan hanya bila semua barisnya benar.</>}
        template={{ filename: 'templat-impor-produk.csv', rows: () => [COLUMNS, example()] }}
        send={async (upload, dryRun) => {
          const answer = await run({ input: { ...upload, policy: 'REJECT_ALL', submit: verified && submit, dryRun } });
          const result = answer.data?.importProducts;
          if (result?.applied) onImported();
          const count = result ? (result.applied ? result.createdCount : result.validCount) : 0;
          const destination = verified && submit ? 'diajukan ke BPBJ' : 'disimpan sebagai draf';
          return {
            problem: answer.error?.graphQLErrors[0]?.message ?? (answer.error ? 'Gagal.' : null),
            applied: Boolean(result?.applied),
            summary: result?.applied ? `${count} produk ${destination}` : `${count} produk akan ${destination}`,
            errors: result?.errors ?? [],
          };
        }}
      />
    </section>
  );
}
