import { useClient } from 'urql';
import { graphql } from '../gql';

const SpendRecapFile = graphql(`
  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!) {
    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format) { filename contentType base64 }
  }
`);

/** Reports for the regent's office, downloaded as files the browser saves. */
export function ExportsPage({ pemdaId }: { pemdaId: string }) {
  const client = useClient();
  const year = new Date().getFullYear();
  async function download(format: 'CSV' | 'XLSX') {
    const result = await client.query(SpendRecapFile, { pemdaId, year, format }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.exportSpendRecap;
    if (!file) return window.alert(result.error?.graphQLErrors[0]?.message ?? 'Gagal mengunduh.');
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
    link.download = file.filename;
    link.click();
  }
  return (
    <>
      <h1>Unduh laporan</h1>
      <section className="card">
        <h2>Rekap belanja UMK-K {year} per OPD dan bulan</h2>
        <div className="actions">
          <button onClick={() => download('XLSX')}>Unduh XLSX</button>
          <button className="secondary" onClick={() => download('CSV')}>Unduh CSV</button>
        </div>
      </section>
    </>
  );
}
