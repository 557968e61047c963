import { Fragment, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { navigate, useLocation } from '../app/router';
import type { AsnMonthStatus } from '../gql/graphql';
import { ASN_MONTH_STATUS, ASN_REPORT_STATUS, dateName, label, localToday, rupiah } from '../lib/format';
import { PrivateImage } from '../lib/PrivateImage';
import { useAction } from '../lib/useAction';

const Programmes = graphql(`query AsnProgrammeList($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name } }`);
const Rows = graphql(`
  query OpdAsnRows($programmeId: ID!, $opdId: ID!, $month: String!) {
    asnMonthlyCompliance(programmeId: $programmeId, opdId: $opdId, month: $month) { asn { id nip name grade } required reported counted status }
  }
`);

const Reports = graphql(`
  query AsnReportsReview($asnId: ID!, $month: String!) {
    asnReports(asnId: $asnId, month: $month) { id purchasedOn amount items status rejectionReason receiptImageUrl asnOrderId }
  }
`);
const RejectReport = graphql(`mutation RejectAsnReport($id: ID!, $reason: String!) { rejectAsnReport(id: $id, reason: $reason) { id status rejectionReason } }`);

/**
 * One ASN's reports of the month beside their receipts, for the head to check: a receipt that does not show what was
 * reported is rejected with the reason (the ASN is told, and the report stops counting). Purchases through the
 * catalogue were confirmed by their vendor and have no receipt to check.
 */
function ReportsReview({ asnId, month, onChanged }: { asnId: string; month: string; onChanged: () => void }) {
  const [{ data, error }, refresh] = useQuery({ query: Reports, variables: { asnId, month } });
  const [, reject] = useMutation(RejectReport);
  const { message, act } = useAction((opts) => { refresh(opts); onChanged(); });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  if (!data.asnReports.length) return <p>Belum ada laporan bulan ini.</p>;
  return (
    <>
      {message && <p role="status" className="notice">{message}</p>}
      <ul className="stack" data-testid="asn-reports">
        {data.asnReports.map((r) => (
          <li key={r.id}>
            <strong>{dateName(r.purchasedOn)}</strong> · {rupiah(r.amount)} · {r.items} · <span className="badge">{label(ASN_REPORT_STATUS, r.status)}</span>
            {r.rejectionReason && <><br /><small>Alasan penolakan: {r.rejectionReason}</small></>}
            {r.asnOrderId ? <><br /><small>Dibeli lewat katalog, dikonfirmasi penyedia.</small></> : r.receiptImageUrl && <PrivateImage url={r.receiptImageUrl} alt={`Struk ${dateName(r.purchasedOn)}`} />}
            {!r.asnOrderId && r.status !== 'REJECTED' && (
              <button className="secondary" onClick={() => act(() => reject({ id: r.id, reason: window.prompt('Alasan penolakan (minimal 5 karakter), disampaikan kepada ASN:')?.trim() ?? '' }), 'Laporan ditolak; ASN diberi tahu alasannya.')}>Tolak laporan</button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export const GRADE_NAME: Record<string, string> = { PELAKSANA: 'Pelaksana', ESELON_IV: 'Eselon IV', ESELON_III: 'Eselon III', KEPALA_OPD: 'Kepala OPD', ESELON_II: 'Eselon II' };

/**
 * The programme and month an ASN page shows, both kept in the URL (`program`, `bulan`): the first programme and the
 * running month by default, no month after it.
 */
export function useProgrammeMonth(pemdaId: string, timeZone: string) {
  const url = useLocation();
  const thisMonth = localToday(timeZone).slice(0, 7);
  const month = url.searchParams.get('bulan') ?? thisMonth;
  const [{ data }, refreshProgrammes] = useQuery({ query: Programmes, variables: { pemdaId } });
  const programmeId = url.searchParams.get('program') ?? data?.asnProgrammes[0]?.id ?? null;
  const set = (key: string, value: string) => {
    const next = new URL(url);
    next.searchParams.set(key, value);
    navigate(`${next.pathname}${next.search}`);
  };
  const none = Boolean(data && !data.asnProgrammes.length);
  const picker = (
    <div className="actions">
      <label>Program
        <select value={programmeId ?? ''} onChange={(e) => set('program', e.target.value)}>
          {data?.asnProgrammes.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>Bulan<input type="month" value={month} max={thisMonth} onChange={(e) => e.target.value && set('bulan', e.target.value)} /></label>
    </div>
  );
  /** After BPBJ adds a programme: the list read again, and the new one shown from the running month. */
  const show = (id: string) => {
    refreshProgrammes({ requestPolicy: 'network-only' });
    navigate(`${url.pathname}?program=${id}`);
  };
  return { programmeId, month, picker, none, set, show };
}

export type AsnMonthRow = { asn: { id: string; nip: string; name: string; grade: string }; status: AsnMonthStatus };

/**
 * One OPD's ASN for a month against the minimum for their grade, with how many met it; each ASN's reports open
 * beside their receipts (`ReportsReview`). `actions` adds what the caller may do to an ASN (BPBJ: leave, account).
 */
export function AsnMonthTable({ programmeId, opdId, month, actions }: { programmeId: string; opdId: string; month: string; actions?: (row: AsnMonthRow, reread: () => void) => ReactNode }) {
  const [{ data, error }, refreshRows] = useQuery({ query: Rows, variables: { programmeId, opdId, month } });
  const [open, setOpen] = useState<string | null>(null);
  const reread = () => refreshRows({ requestPolicy: 'network-only' });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const rows = data.asnMonthlyCompliance;
  const met = rows.filter((r) => r.status === 'MET' || r.status === 'EXEMPT').length;
  return (
    <section className="card">
      <p data-testid="asn-summary"><strong>{met} dari {rows.length}</strong> ASN memenuhi (atau dikecualikan) · tercatat {rupiah(rows.reduce((sum, r) => sum + r.counted, 0))}</p>
      <table>
        <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th className="num">Minimal</th><th className="num">Dihitung</th><th>Status</th><th>Tindakan</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.asn.id}>
              <tr data-testid="asn-row">
                <td>{r.asn.nip}</td><td>{r.asn.name}</td><td>{GRADE_NAME[r.asn.grade] ?? r.asn.grade}</td>
                <td className="num">{rupiah(r.required)}</td>
                <td className="num">{rupiah(r.counted)}{r.reported !== r.counted && <><br /><small>dilaporkan {rupiah(r.reported)}</small></>}</td>
                <td><span className="badge">{label(ASN_MONTH_STATUS, r.status)}</span></td>
                <td className="actions">
                  <button className="secondary" aria-expanded={open === r.asn.id} onClick={() => setOpen(open === r.asn.id ? null : r.asn.id)}>{open === r.asn.id ? 'Tutup' : 'Periksa'}</button>
                  {actions?.(r, reread)}
                </td>
              </tr>
              {open === r.asn.id && (
                <tr><td colSpan={7}><ReportsReview asnId={r.asn.id} month={month} onChanged={reread} /></td></tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
