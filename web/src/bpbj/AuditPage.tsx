import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditEntryFragment, AuditSubject } from '../gql/graphql';
import { Link, navigate, useLocation } from '../app/router';
import { actorName, auditAction, auditStatus, AUDIT_SUBJECT, dateTime } from '../lib/format';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';

const PAGE = 100;

graphql(`
  fragment AuditEntry on AuditLog { id createdAt subjectType subjectId subjectName action fromStatus toStatus reason actorRole }
`);
const Audit = graphql(`
  query AuditLog($pemdaId: ID!, $subjectType: AuditSubject, $limit: Int!, $after: ID) {
    auditLog(pemdaId: $pemdaId, subjectType: $subjectType, limit: $limit, after: $after) { ...AuditEntry }
  }
`);
// Typed by the schema's enum: a subject the API gains and the labels lack does not compile.
const SUBJECT_NAME: Record<AuditSubject, string> = AUDIT_SUBJECT;

/** Where BPBJ opens what an entry is about: a package's page, a vendor's page. */
const SUBJECT_PAGE: Partial<Record<AuditSubject, (id: string) => string>> = {
  ORDER: (id) => `/pesanan/${id}`,
  VENDOR: (id) => `/bpbj/penyedia/${id}`,
};

function Subject({ entry }: { entry: { subjectType: AuditSubject; subjectId: string; subjectName?: string | null } }) {
  if (!entry.subjectName) return null;
  const page = SUBJECT_PAGE[entry.subjectType];
  return page ? <Link to={page(entry.subjectId)}>{entry.subjectName}</Link> : <>{entry.subjectName}</>;
}

/** Every recorded change, newest first, filtered by kind through the URL, each with what it is about. */
export function AuditPage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const url = useLocation();
  const subjectType = (url.searchParams.get('jenis') as AuditSubject | null) ?? null;
  const [{ data }] = useQuery({ query: Audit, variables: { pemdaId, subjectType, limit: PAGE } });
  // Older pages, fetched on request after the last entry shown, kept per kind (a new filter starts again).
  const client = useClient();
  const [older, setOlder] = useState<{ of: AuditSubject | null; entries: AuditEntryFragment[]; more: boolean }>({ of: null, entries: [], more: true });
  const [notice, setNotice] = useState<Notice | null>(null);
  const loaded = older.of === subjectType ? older : { of: subjectType, entries: [], more: true };
  const shown = [...((data?.auditLog ?? []) as AuditEntryFragment[]), ...loaded.entries];
  async function loadOlder() {
    const result = await client.query(Audit, { pemdaId, subjectType, limit: PAGE, after: shown[shown.length - 1].id }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return setNotice(noticeOf(result, ''));
    const page = (result.data?.auditLog ?? []) as AuditEntryFragment[];
    setOlder({ of: subjectType, entries: [...loaded.entries, ...page], more: page.length === PAGE });
  }
  return (
    <>
      <h1>Log audit</h1>
      <label>
        Jenis
        <select value={subjectType ?? ''} onChange={(e) => navigate(e.target.value ? `/bpbj/audit?jenis=${e.target.value}` : '/bpbj/audit')}>
          <option value="">Semua</option>
          {Object.entries(SUBJECT_NAME).map(([value, name]) => <option key={value} value={value}>{name}</option>)}
        </select>
      </label>
      <table>
        <thead><tr><th>Waktu</th><th>Jenis</th><th>Tentang</th><th>Tindakan</th><th>Dari</th><th>Menjadi</th><th>Alasan</th><th>Oleh</th></tr></thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.id}><td>{dateTime(a.createdAt, timeZone)}</td><td>{SUBJECT_NAME[a.subjectType]}</td><td><Subject entry={a} /></td><td>{auditAction(a.subjectType, a.action)}</td><td>{a.fromStatus ? auditStatus(a.subjectType, a.fromStatus) : '-'}</td><td>{auditStatus(a.subjectType, a.toStatus)}</td><td>{a.reason ?? ''}</td><td>{actorName(a.actorRole)}</td></tr>
          ))}
        </tbody>
      </table>
      <NoticeLine notice={notice} />
      {data?.auditLog.length === PAGE && loaded.more && <p><button className="secondary" onClick={loadOlder}>Muat yang lebih lama</button></p>}
    </>
  );
}
