import { actorName, auditAction, dateTime } from './format';

interface Entry { id: string; createdAt: string; action: string; actorRole?: string | null; reason?: string | null }

/** Audited steps as people read them: what happened, when, by whom, and the reason given. The caller lists them. */
export function HistoryEntries({ subject, entries, timeZone }: { subject: string; entries: Entry[]; timeZone: string }) {
  return entries.map((e) => (
    <li key={e.id}>
      <strong>{auditAction(subject, e.action)}</strong> <small>{dateTime(e.createdAt, timeZone)} · oleh {actorName(e.actorRole)}</small>
      {e.reason && <><br /><small>{e.reason}</small></>}
    </li>
  ));
}
