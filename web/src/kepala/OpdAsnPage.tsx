import { useQuery } from 'urql';
import { graphql } from '../gql';
import { navigate, useLocation } from '../app/router';
import { ASN_MONTH_STATUS, label, localToday, monthName, rupiah } from '../lib/format';

const Programmes = graphql(`query OpdAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name } }`);
const Rows = graphql(`
  query OpdAsnRows($programmeId: ID!, $opdId: ID!, $month: String!) {
    asnMonthlyCompliance(programmeId: $programmeId, opdId: $opdId, month: $month) { asn { id nip name grade } required reported counted status }
  }
`);

const GRADE: Record<string, string> = { PELAKSANA: 'Pelaksana', ESELON_IV: 'Eselon IV', ESELON_III: 'Eselon III', KEPALA_OPD: 'Kepala OPD', ESELON_II: 'Eselon II' };

/**
 * The OPD head's view of the month: each of the OPD's ASN against the minimum for their grade, who has met it and
 * who has not, so the head can remind them before the deadline. The month and programme live in the URL.
 */
export function OpdAsnPage({ pemdaId, opdId, opdName, timeZone }: { pemdaId: string; opdId: string; opdName: string; timeZone: string }) {
  const url = useLocation();
  const month = url.searchParams.get('bulan') ?? localToday(timeZone).slice(0, 7);
  const [{ data: programmes }] = useQuery({ query: Programmes, variables: { pemdaId } });
  const programmeId = url.searchParams.get('program') ?? programmes?.asnProgrammes[0]?.id ?? null;
  const [{ data, error }] = useQuery({ query: Rows, variables: { programmeId: programmeId ?? '', opdId, month }, pause: !programmeId });
  const set = (key: string, value: string) => {
    const next = new URL(url);
    next.searchParams.set(key, value);
    navigate(`${next.pathname}${next.search}`);
  };
  if (programmes && !programmes.asnProgrammes.length) return <p>Belum ada program belanja UMKM untuk ASN di Pemda ini.</p>;
  const rows = data?.asnMonthlyCompliance ?? [];
  const met = rows.filter((r) => r.status === 'MET' || r.status === 'EXEMPT').length;
  return (
    <>
      <h1>ASN {opdName}: belanja UMKM {monthName(month)}</h1>
      <div className="actions">
        <label>Program
          <select value={programmeId ?? ''} onChange={(e) => set('program', e.target.value)}>
            {programmes?.asnProgrammes.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>Bulan<input type="month" value={month} max={localToday(timeZone).slice(0, 7)} onChange={(e) => e.target.value && set('bulan', e.target.value)} /></label>
      </div>
      {error && <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>}
      {data && (
        <section className="card">
          <p data-testid="asn-summary"><strong>{met} dari {rows.length}</strong> ASN memenuhi (atau dikecualikan) · tercatat {rupiah(rows.reduce((sum, r) => sum + r.counted, 0))}</p>
          <table>
            <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th className="num">Minimal</th><th className="num">Dihitung</th><th>Status</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.asn.id} data-testid="asn-row">
                  <td>{r.asn.nip}</td><td>{r.asn.name}</td><td>{GRADE[r.asn.grade] ?? r.asn.grade}</td>
                  <td className="num">{rupiah(r.required)}</td>
                  <td className="num">{rupiah(r.counted)}{r.reported !== r.counted && <><br /><small>dilaporkan {rupiah(r.reported)}</small></>}</td>
                  <td><span className="badge">{label(ASN_MONTH_STATUS, r.status)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
