import { Fragment, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';

graphql(`
  fragment AwardVersionShown on AwardResult {
    id period version status publishedAt
    rows { opdId opdName assessable notAssessableReason score rank tier flags toNextTier components { component normalised weight contribution explanation } }
  }
`);
const Versions = graphql(`
  query AwardVersions($pemdaId: ID!, $period: String!) {
    awardVersions(pemdaId: $pemdaId, period: $period) { ...AwardVersionShown }
  }
`);
const Compute = graphql(`
  mutation ComputeAward($pemdaId: ID!, $year: Int!, $quarter: Int) {
    computeAward(pemdaId: $pemdaId, year: $year, quarter: $quarter) { ...AwardVersionShown }
  }
`);
const Compare = graphql(`
  query CompareAwardVersions($a: ID!, $b: ID!) {
    compareAwardVersions(a: $a, b: $b) { opdCode opdName scoreA scoreB delta rankA rankB }
  }
`);
const Publish = graphql(`mutation PublishAward($id: ID!) { publishAward(id: $id) { id status publishedAt } }`);

const COMPONENT_LABEL: Record<string, string> = {
  CATALOGUE_SPEND: 'Belanja melalui katalog',
  TRANSACTIONS: 'Jumlah transaksi katalog',
  UMKK_SHARE: 'Porsi UMK-K dari pagu',
  ADOPTION: 'Penggunaan katalog',
  PAYMENT_TIMELINESS: 'Ketepatan pembayaran',
  ASN_COMPLIANCE: 'Kepatuhan belanja ASN',
};

/**
 * The E-Purchasing Award of a quarter: its versions, the one chosen (the latest unless another is) with each OPD's
 * score explained component by component and compared with the version before it; a new draft, and publishing.
 */
export function AwardPage({ pemdaId }: { pemdaId: string }) {
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [quarter, setQuarter] = useState(Math.floor(now.getMonth() / 3) + 1);
  const [chosen, setChosen] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [, compute] = useMutation(Compute);
  const [, publish] = useMutation(Publish);
  const [{ data: versions }, refresh] = useQuery({ query: Versions, variables: { pemdaId, period: `${year}-Q${quarter}` } });
  const byVersion = [...(versions?.awardVersions ?? [])].sort((a, b) => b.version - a.version);
  const result = byVersion.find((v) => v.id === chosen) ?? byVersion[0] ?? null;
  // The version shown beside the one before it: what moved, and by how much.
  const previous = result && byVersion.find((v) => v.version < result.version);
  const [{ data: comparison }] = useQuery({ query: Compare, variables: { a: previous?.id ?? '', b: result?.id ?? '' }, pause: !previous || !result });
  async function draft() {
    const answer = await compute({ pemdaId, year, quarter });
    setMessage(answer.error ? (answer.error.graphQLErrors[0]?.message ?? 'Gagal.') : `Draf versi ${answer.data!.computeAward.version} dihitung.`);
    if (answer.data) setChosen(answer.data.computeAward.id);
    refresh({ requestPolicy: 'network-only' });
  }
  async function announce() {
    if (!result || !window.confirm(`Umumkan hasil ${result.period} versi ${result.version}? Hasil yang diumumkan tidak dapat diubah.`)) return;
    const answer = await publish({ id: result.id });
    setMessage(answer.error ? (answer.error.graphQLErrors[0]?.message ?? 'Gagal.') : `Hasil ${result.period} diumumkan.`);
    refresh({ requestPolicy: 'network-only' });
  }
  return (
    <>
      <h1>E-Purchasing Award</h1>
      <section className="card">
        <div className="actions">
          <label>Tahun <input type="number" value={year} min={2020} max={2100} onChange={(e) => { setYear(Number(e.target.value)); setChosen(null); }} /></label>
          <label>
            Triwulan
            <select value={quarter} onChange={(e) => { setQuarter(Number(e.target.value)); setChosen(null); }}>
              {[1, 2, 3, 4].map((q) => <option key={q} value={q}>{q}</option>)}
            </select>
          </label>
          <button onClick={draft}>Hitung draf</button>
          <button disabled={!result || result.status !== 'DRAFT'} onClick={announce}>Umumkan</button>
        </div>
        {message && <p role="status" className="notice">{message}</p>}
        <p>
          Versi {year}-Q{quarter}:{' '}
          {byVersion.length ? byVersion.map((v) => (
            <Fragment key={v.id}>
              <button className="link" aria-pressed={v.id === result?.id} onClick={() => setChosen(v.id)}>v{v.version} {v.status === 'PUBLISHED' ? 'diumumkan' : 'draf'}</button>{' '}
            </Fragment>
          )) : 'belum ada'}
        </p>
      </section>
      {previous && comparison && (
        <section className="card">
          <h2>Dibandingkan dengan versi {previous.version}</h2>
          {!comparison.compareAwardVersions.some((d) => d.delta) && <p data-testid="award-comparison">Nilai dan peringkat setiap OPD sama dengan versi {previous.version}.</p>}
          {comparison.compareAwardVersions.some((d) => d.delta) && <table data-testid="award-comparison">
            <thead><tr><th>OPD</th><th className="num">Nilai v{previous.version}</th><th className="num">Nilai v{result!.version}</th><th className="num">Selisih</th><th>Peringkat</th></tr></thead>
            <tbody>
              {comparison.compareAwardVersions.filter((d) => d.delta).map((d) => (
                <tr key={d.opdCode}><td>{d.opdName}</td><td className="num">{d.scoreA ?? '-'}</td><td className="num">{d.scoreB ?? '-'}</td><td className="num">{d.delta! > 0 ? '+' : ''}{d.delta}</td><td>{d.rankA ?? '-'} → {d.rankB ?? '-'}</td></tr>
              ))}
            </tbody>
          </table>}
        </section>
      )}
      {result && (
        <section className="card">
          <h2>{result.period} versi {result.version} ({result.status === 'PUBLISHED' ? 'diumumkan' : 'draf'})</h2>
          <table>
            <thead><tr><th>#</th><th>OPD</th><th className="num">Nilai</th><th>Predikat</th><th>Catatan</th></tr></thead>
            <tbody>
              {result.rows.map((r) => (
                <Fragment key={r.opdId}>
                  <tr>
                    <td>{r.rank ?? '-'}</td>
                    <td><button className="link" aria-expanded={open === r.opdId} onClick={() => setOpen(open === r.opdId ? null : r.opdId)}>{r.opdName}</button></td>
                    <td className="num">{r.score?.toLocaleString('id-ID', { minimumFractionDigits: 3 }) ?? '-'}</td>
                    <td>{r.tier ?? '-'}</td>
                    <td>{r.assessable ? [...r.flags, r.toNextTier].filter(Boolean).join(' · ') : r.notAssessableReason}</td>
                  </tr>
                  {open === r.opdId && (
                    <tr>
                      <td colSpan={5}>
                        <ul className="explain">
                          {r.components.map((c) => (
                            <li key={c.component}><strong>{COMPONENT_LABEL[c.component] ?? c.component}</strong>: {c.normalised.toLocaleString('id-ID')} × bobot {c.weight} / 100 = {c.contribution.toLocaleString('id-ID')}. {c.explanation}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
