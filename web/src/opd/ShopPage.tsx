import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ProductSearch, type SearchHit } from '../catalogue/ProductSearch';
import { Link } from '../app/router';
import { QuantityForm } from '../catalogue/QuantityForm';
import { type Notice } from '../lib/useAction';

export const SetCartItem = graphql(`
  mutation SetCartItem($productId: ID!, $quantity: Int!) {
    setCartItem(productId: $productId, quantity: $quantity) { id quantity unitPriceSeen product { id } }
  }
`);

/** The catalogue for an OPD's officers: the same search as the public's, with a quantity and "Tambah ke keranjang". */
export function ShopPage({ pemdaId }: { pemdaId: string }) {
  const [, setItem] = useMutation(SetCartItem);
  const [message, setMessage] = useState<Notice | null>(null);
  async function add(product: SearchHit, quantity: number) {
    const result = await setItem({ productId: product.id, quantity });
    setMessage(result.error
      ? { text: result.error.graphQLErrors[0]?.message ?? 'Gagal menambah ke keranjang.', ok: false }
      : { text: `${product.name}: ${quantity} ${product.unit} di keranjang.`, ok: true });
  }
  return (
    <>
      <h1>Belanja katalog</h1>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'error'}>{message.text} {message.ok && <Link to="/opd/keranjang">Lihat keranjang</Link>}</p>}
      <ProductSearch pemdaId={pemdaId} productHref={(id) => `/publik/${pemdaId}/produk/${id}`} action={(p) => <QuantityForm product={p} label="Tambah ke keranjang" ariaLabel={`Tambah ${p.name} ke keranjang`} onSubmit={add} />} />
    </>
  );
}
