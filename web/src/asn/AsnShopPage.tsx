import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ProductSearch, type SearchHit } from '../catalogue/ProductSearch';
import { rupiah } from '../lib/format';
import { AsnOrderList } from './AsnOrders';
import { QuantityForm } from '../catalogue/QuantityForm';
import { NoticeLine, type Notice } from '../lib/useAction';

const Place = graphql(`mutation PlaceAsnOrder($items: [AsnOrderItemInput!]!, $key: String) { placeAsnOrder(items: $items, idempotencyKey: $key) { id total status } }`);

/**
 * An ASN buys from the local catalogue for themselves: one product at a time, straight from the search; the stock
 * is set aside at once, and the purchase counts toward the month once the vendor confirms hand-over and payment.
 */
export function AsnShopPage({ pemdaId }: { pemdaId: string }) {
  const [, place] = useMutation(Place);
  const [message, setMessage] = useState<Notice | null>(null);
  const [placed, setPlaced] = useState(0);
  async function order(product: SearchHit, quantity: number) {
    // One key per attempt: a double tap or a retry after a lost answer places the order once.
    const result = await place({ items: [{ productId: product.id, quantity }], key: `${product.id}:${quantity}:${placed}` });
    const e = result.error?.graphQLErrors[0];
    setMessage(e ? { text: e.message, ok: false } : { text: `Dipesan: ${product.name}, ${quantity} ${product.unit} (${rupiah(result.data!.placeAsnOrder.total)}). Hubungi penyedia untuk serah terima.`, ok: true });
    if (!e) setPlaced((n) => n + 1);
  }
  return (
    <>
      <h1>Belanja di katalog lokal</h1>
      <NoticeLine notice={message} />
      <AsnOrderList party="ASN" key={placed} />
      <ProductSearch pemdaId={pemdaId} productHref={(id) => `/publik/${pemdaId}/produk/${id}`} action={(p) => <QuantityForm product={p} label="Pesan" ariaLabel={`Pesan ${p.name}`} onSubmit={order} />} />
    </>
  );
}
