import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { dateName, rupiah } from '../lib/format';
import { NoticeLine, noticeOf, type Notice, type Outcome } from '../lib/useAction';

const Orders = graphql(`
  query AsnOrders {
    asnOrders { id createdAt status total statusReason buyerName vendor { id businessName phone } lines { productName unit unitPrice quantity lineTotal } }
  }
`);
const Complete = graphql(`mutation CompleteAsnOrder($id: ID!, $key: String) { completeAsnOrder(id: $id, idempotencyKey: $key) { id status } }`);
const Cancel = graphql(`mutation CancelAsnOrder($id: ID!, $reason: String!, $key: String) { cancelAsnOrder(id: $id, reason: $reason, idempotencyKey: $key) { id status statusReason } }`);

const STATUS: Record<string, string> = { PLACED: 'Dipesan', COMPLETED: 'Selesai (dihitung)', CANCELLED: 'Dibatalkan' };

/**
 * An ASN's own catalogue orders, or the ones placed with the calling vendor (the API answers whichever the caller
 * is): the vendor confirms hand-over and payment, which is what makes the purchase count; either side may cancel
 * an order not yet completed, with a reason.
 */
export function AsnOrderList({ party }: { party: 'ASN' | 'VENDOR' }) {
  const [{ data, error }, refresh] = useQuery({ query: Orders, requestPolicy: 'cache-and-network' });
  const [, complete] = useMutation(Complete);
  const [, cancel] = useMutation(Cancel);
  const [message, setMessage] = useState<Notice | null>(null);
  const outcome = (result: Outcome, done: string) => {
    setMessage(noticeOf(result, done));
    if (!result.error) refresh({ requestPolicy: 'network-only' });
  };
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  const orders = data?.asnOrders ?? [];
  return (
    <section className="card" aria-label="Pesanan ASN">
      <h2>{party === 'ASN' ? 'Pesanan saya di katalog' : 'Pesanan ASN'} ({orders.length})</h2>
      <NoticeLine notice={message} />
      {orders.length === 0 && <p><small>{party === 'ASN' ? 'Belum ada pesanan. Pesanan yang diselesaikan penyedia langsung dihitung.' : 'Belum ada pesanan dari ASN.'}</small></p>}
      <ul className="stack">
        {orders.map((o) => (
          <li key={o.id} data-testid="asn-order">
            <strong>{rupiah(o.total)}</strong> · {o.lines.map((l) => `${l.productName} ${l.quantity} ${l.unit}`).join(', ')} · <span className="badge">{STATUS[o.status] ?? o.status}</span>
            <br /><small>{dateName(o.createdAt.slice(0, 10))} · {party === 'ASN' ? `${o.vendor.businessName}, ${o.vendor.phone}` : o.buyerName}{o.statusReason ? ` · alasan: ${o.statusReason}` : ''}</small>
            {o.status === 'PLACED' && (
              <div className="actions">
                {party === 'VENDOR' && <button onClick={async () => outcome(await complete({ id: o.id, key: `complete:${o.id}` }), 'Pesanan selesai; belanja ASN ini dihitung.')}>Sudah diserahkan dan dibayar</button>}
                <button className="secondary" onClick={async () => {
                  const reason = window.prompt('Alasan pembatalan');
                  if (reason) outcome(await cancel({ id: o.id, reason, key: `cancel:${o.id}` }), 'Pesanan dibatalkan; stok kembali.');
                }}>Batalkan</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
