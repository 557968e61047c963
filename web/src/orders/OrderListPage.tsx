import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { OrderStatus } from '../gql/graphql';
import { Link, navigate, useLocation } from '../app/router';
import { dateTime, NEGOTIATION_STATUS, ORDER_STATUS, rupiah } from '../lib/format';

const Orders = graphql(`
  query OrderList($filter: OrderFilterInput, $after: String) {
    orders(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id code status negotiation total createdAt vendorAnswerDue awaitingPpkApproval availableActions opd { id shortName } vendor { id businessName } } }
    }
    orderCounts { status count total }
  }
`);

/**
 * The caller's orders (an OPD's for its officers, a vendor's own), newest first, with the count and value per status as
 * filters; the rows that wait for the caller are marked, and a vendor sees its deadline. Each row names the other party
 * (`counterparty`): the caller's own name would repeat on every row.
 */
export function OrderListPage({ base, timeZone, title, counterparty }: { base: string; timeZone: string; title: string; counterparty: 'OPD' | 'Penyedia' }) {
  const url = useLocation();
  const status = url.searchParams.get('status') as OrderStatus | null;
  const after = url.searchParams.get('setelah');
  const made = url.searchParams.get('dibuat');
  const [{ data }] = useQuery({ query: Orders, variables: { filter: status ? { status: [status] } : {}, after }, requestPolicy: 'cache-and-network' });
  const list = data?.orders;
  // What has been paid, as a vendor asks it: orders paid and those completed after payment.
  const paid = (data?.orderCounts ?? []).filter((c) => c.status === 'PAID' || c.status === 'COMPLETED').reduce((sum, c) => ({ count: sum.count + c.count, total: sum.total + c.total }), { count: 0, total: 0 });
  return (
    <>
      <h1>{title}</h1>
      {made && <p role="status" className="notice">{made} paket dibuat sebagai draf: buka tiap paket untuk mengajukannya.</p>}
      <nav aria-label="Status paket" className="actions">
        <Link to={base} aria-current={!status ? 'page' : undefined}>Semua</Link>
        {data?.orderCounts.map((c) => (
          <Link key={c.status} to={`${base}?status=${c.status}`} aria-current={status === c.status ? 'page' : undefined}>
            {ORDER_STATUS[c.status]} ({c.count})
          </Link>
        ))}
      </nav>
      <p>{list?.totalCount ?? 0} paket{paid.count > 0 && <> · sudah dibayar <strong data-testid="paid-total">{rupiah(paid.total)}</strong> ({paid.count} paket)</>}</p>
      {/* On a phone each row reads as a card, each value under its column's name: a vendor answers from its phone, and
          a scrolled table hid the value and the date. The roles are explicit, since cells shown as blocks lose them. */}
      <table className="row-cards" role="table">
        <thead role="rowgroup"><tr role="row"><th role="columnheader">Paket</th><th role="columnheader">{counterparty}</th><th role="columnheader">Status</th><th role="columnheader" className="num">Nilai</th><th role="columnheader">Dibuat</th></tr></thead>
        <tbody role="rowgroup">
          {list?.edges.map(({ node: o }) => (
            <tr key={o.id} data-testid="order-row" role="row">
              <td role="cell"><Link to={`/pesanan/${o.id}`}>{o.code}</Link>{o.availableActions.length > 0 && <> <span className="badge AT_RISK">Perlu tindakan</span></>}</td>
              <td role="cell" data-label={counterparty}>{counterparty === 'OPD' ? o.opd.shortName : o.vendor.businessName}</td>
              <td role="cell" data-label="Status">
                {ORDER_STATUS[o.status]}
                {/* A vendor asked to act on a "Draf" reads why. */}
                {o.status === 'DRAFT' && NEGOTIATION_STATUS[o.negotiation] && <><br /><small>{NEGOTIATION_STATUS[o.negotiation]}</small></>}
                {o.vendorAnswerDue && <><br /><small>dijawab paling lambat {dateTime(o.vendorAnswerDue, timeZone)}</small></>}
                {o.awaitingPpkApproval && <><br /><small>{o.status === 'DRAFT' ? 'perlu persetujuan PPK setelah diajukan' : 'menunggu persetujuan PPK'}</small></>}
              </td>
              <td role="cell" className="num" data-label="Nilai">{rupiah(o.total)}</td>
              <td role="cell" data-label="Dibuat">{dateTime(o.createdAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {after && <button className="secondary" onClick={() => navigate(`${base}${status ? `?status=${status}` : ''}`)}>Halaman pertama</button>}
        {list?.pageInfo.hasNextPage && <button className="secondary" onClick={() => navigate(`${base}?${status ? `status=${status}&` : ''}setelah=${encodeURIComponent(list.pageInfo.endCursor!)}`)}>Halaman berikutnya</button>}
      </div>
    </>
  );
}
