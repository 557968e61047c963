import { useEffect, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { NotificationItemFragment } from '../gql/graphql';
import { Link, useLocation } from '../app/router';
import { dateTime } from '../lib/format';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';

const Unread = graphql(`query UnreadNotifications { unreadNotificationCount }`);
const PAGE = 50;
const Notifications = graphql(`
  query Notifications {
    notifications(first: 50) { ...NotificationItem }
    unreadNotificationCount
    me { id emailNotifications }
  }
  fragment NotificationItem on Notification { id kind title body link createdAt readAt }
`);
const Older = graphql(`query OlderNotifications($after: ID!) { notifications(first: 50, after: $after) { ...NotificationItem } }`);
const MarkRead = graphql(`mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`);
const SetEmail = graphql(`mutation SetEmailNotifications($enabled: Boolean!) { setEmailNotifications(enabled: $enabled) { id emailNotifications } }`);

/**
 * The header's way in: "Pemberitahuan" with the number unread, read again on every page the person opens, so an
 * order that arrived or a product BPBJ decided on shows without a reload.
 */
export function NotificationLink() {
  const path = useLocation().pathname;
  const [{ data }, refresh] = useQuery({ query: Unread, requestPolicy: 'cache-and-network' });
  useEffect(() => refresh({ requestPolicy: 'network-only' }), [path, refresh]);
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/pemberitahuan" aria-current={path === '/pemberitahuan' ? 'page' : undefined} aria-label={unread ? `Pemberitahuan, ${unread} belum dibaca` : 'Pemberitahuan'}>
      Pemberitahuan{unread > 0 && <> <span className="badge AT_RISK" data-testid="unread-count">{unread}</span></>}
    </Link>
  );
}

/**
 * What the API told this person (an order that arrived, a PPK approval waiting, BPBJ's decision on a product...),
 * newest first, unread ones marked; each opens the page it is about, and opening it counts as read. Email can be
 * turned off here (it goes out only where the server has SMTP).
 */
export function NotificationsPage({ timeZone }: { timeZone: string }) {
  const [{ data, error }, refresh] = useQuery({ query: Notifications, requestPolicy: 'cache-and-network' });
  const [, markRead] = useMutation(MarkRead);
  const [, setEmail] = useMutation(SetEmail);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Older pages, fetched on request after the last one shown; `more` is false once a page came back short.
  const client = useClient();
  const [older, setOlder] = useState<NotificationItemFragment[]>([]);
  const [more, setMore] = useState(true);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const shown = [...data.notifications, ...older];
  async function loadOlder() {
    const result = await client.query(Older, { after: shown[shown.length - 1].id }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return setNotice(noticeOf(result, ''));
    const page = (result.data?.notifications ?? []) as NotificationItemFragment[];
    setOlder([...older, ...page]);
    setMore(page.length === PAGE);
  }
  return (
    <>
      <h1>Pemberitahuan</h1>
      <NoticeLine notice={notice} />
      <p>
        {data.unreadNotificationCount} belum dibaca{' '}
        {data.unreadNotificationCount > 0 && (
          <button className="secondary" onClick={async () => { setNotice(noticeOf(await markRead({}), 'Semua pemberitahuan ditandai sudah dibaca.')); reload(); }}>Tandai semua sudah dibaca</button>
        )}
      </p>
      {shown.length === 0 ? <p>Belum ada pemberitahuan.</p> : (
        <ul className="stack card" aria-label="Daftar pemberitahuan">
          {shown.map((n) => (
            <li key={n.id} data-testid="notification">
              <strong>{n.title}</strong>{!n.readAt && <> <span className="badge AT_RISK">baru</span></>}
              <br />{n.body}
              <br /><small>{dateTime(n.createdAt, timeZone)}</small>
              {n.link && <> · <Link to={n.link} onClick={() => { if (!n.readAt) void markRead({ ids: [n.id] }); }}>Buka</Link></>}
            </li>
          ))}
        </ul>
      )}
      {data.notifications.length === PAGE && more && <p><button className="secondary" onClick={loadOlder}>Muat yang lebih lama</button></p>}
      <section className="card">
        <h2>Email</h2>
        <label className="check">
          <input type="checkbox" checked={data.me.emailNotifications} onChange={async (e) => {
            const enabled = e.target.checked;
            setNotice(noticeOf(await setEmail({ enabled }), enabled ? 'Pemberitahuan juga dikirim ke email Anda.' : 'Pemberitahuan hanya tampil di aplikasi.'));
          }} /> Kirim juga ke email saya
        </label>
      </section>
    </>
  );
}
