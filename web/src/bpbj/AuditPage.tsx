import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditSubject } from '../gql/graphql';
import { navigate, useLocation } from '../app/router';
import { actorName, auditAction, auditStatus, dateTime } from '../lib/format';

const Audit = graphql(`
  query AuditLog($pemdaId: ID!, $subjectType: AuditSubject) {
    auditLog(pemdaId: $pemdaId, subjectType: $subjectType, limit: 200) { id createdAt subjectType subjectId action fromStatus toStatus reason actorRole }
  }
`);
const SUBJECTS: [AuditSubject, string][] = [['VENDOR', 'Penyedia'], ['PRODUCT', 'Produk'], ['ORDER', 'Paket'], ['ASN_ORDER', 'Pembelian ASN'], ['EXTERNAL_SPEND', 'Belanja luar katalog'], ['SPEND_PERIOD', 'Penutupan periode'], ['CALENDAR', 'Hari libur'], ['ACCOUNT', 'Akun pegawai'], ['ASN_REPORT', 'Laporan ASN'], ['PEMDA', 'Data Pemda']];

/** Every recorded change, newest first, filtered by kind through the URL. */
export function AuditPage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const url = useLocation();
  const subjectType = (url.searchParams.get('jenis') as AuditSubject | null) ?? null;
  const [{ data }] = useQuery({ query: Audit, variables: { pemdaId, subjectType } });
  return (
    <>
      <h1>Log audit</h1>
      <label>
        Jenis
        <select value={subjectType ?? ''} onChange={(e) => navigate(e.target.value ? `/bpbj/audit?jenis=${e.target.value}` : '/bpbj/audit')}>
          <option value="">Semua</option>
          {SUBJECTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <table>
        <thead><tr><th>Waktu</th><th>Jenis</th><th>Tindakan</th><th>Dari</th><th>Menjadi</th><th>Alasan</th><th>Oleh</th></tr></thead>
        <tbody>
          {data?.auditLog.map((a) => (
            <tr key={a.id}><td>{dateTime(a.createdAt, timeZone)}</td><td>{SUBJECTS.find(([v]) => v === a.subjectType)?.[1]}</td><td>{auditAction(a.subjectType, a.action)}</td><td>{a.fromStatus ? auditStatus(a.subjectType, a.fromStatus) : '-'}</td><td>{auditStatus(a.subjectType, a.toStatus)}</td><td>{a.reason ?? ''}</td><td>{actorName(a.actorRole)}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
