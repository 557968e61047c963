import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Link, navigate } from '../app/router';
import { rupiah } from '../lib/format';
import { SetCartItem } from './ShopPage';

const Cart = graphql(`
  query Cart($opdId: ID!) {
    cart { id quantity unitPriceSeen product { id name unit price stock minOrderQuantity status vendor { id businessName } } }
    ppks(opdId: $opdId) { id fullName }
    opd(id: $opdId) { id name }
    # The OPD's latest package: where its goods go and who approves, as the form's starting point.
    orders(first: 1, filter: { opdId: $opdId }) { edges { node { id deliveryAddress ppk { id } } } }
  }
`);
const CreateOrder = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) { orders { id code total vendor { id businessName } } }
  }
`);

const PROBLEM: Record<string, string> = {
  UNAVAILABLE: 'tidak lagi tayang',
  PRICE_CHANGED: 'harga berubah',
  BELOW_MINIMUM: 'di bawah minimal pesan',
  INSUFFICIENT_STOCK: 'stok tidak cukup',
};

interface CartProblem { productId: string; productName: string; problem: string; expected?: number; actual?: number }

/**
 * The OPD's cart, grouped by vendor as checkout will split it: each line shows a price or stock change since it was
 * added before anything is created; checkout names the PPK, the delivery address, the RUP code and the date needed
 * (the PPK and the address start as the OPD's latest package had them).
 */
export function CartPage({ opdId }: { opdId: string }) {
  const [{ data }, refresh] = useQuery({ query: Cart, variables: { opdId }, requestPolicy: 'network-only' });
  const [, setItem] = useMutation(SetCartItem);
  const [, createOrder] = useMutation(CreateOrder);
  const [problem, setProblem] = useState<{ message: string; lines: CartProblem[] } | null>(null);
  const [key] = useState(() => crypto.randomUUID()); // one checkout, however many times the button is pressed
  if (!data) return <p>Memuat…</p>;
  const items = data.cart;
  const vendors = [...new Set(items.map((i) => i.product.vendor.businessName))];
  const total = items.reduce((sum, i) => sum + i.quantity * i.product.price, 0);
  const last = data.orders.edges[0]?.node;

  async function change(productId: string, quantity: number) {
    const result = await setItem({ productId, quantity });
    setProblem(result.error ? { message: result.error.graphQLErrors[0]?.message ?? 'Gagal.', lines: [] } : null);
    refresh({ requestPolicy: 'network-only' });
  }
  async function checkout(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const result = await createOrder({
      input: { ppkId: String(form.get('ppkId')), deliveryAddress: text('deliveryAddress') ?? '', rupCode: text('rupCode'), neededBy: text('neededBy'), notes: text('notes'), idempotencyKey: key },
    });
    if (result.error) {
      const error = result.error.graphQLErrors[0];
      setProblem({ message: error?.message ?? 'Gagal membuat paket.', lines: (error?.extensions?.lines as CartProblem[] | undefined) ?? [] });
      refresh({ requestPolicy: 'network-only' });
      return;
    }
    navigate(`/opd/paket?dibuat=${result.data!.createOrder.orders.length}`);
  }

  return (
    <>
      <h1>Keranjang {data.opd.name}</h1>
      {problem && (
        <div role="alert" className="error">
          <p>{problem.message}</p>
          {problem.lines.length > 0 && <ul>{problem.lines.map((l) => <li key={l.productId}>{l.productName}: {PROBLEM[l.problem] ?? l.problem}</li>)}</ul>}
        </div>
      )}
      {items.length === 0 ? <p>Keranjang kosong. <Link to="/opd">Cari produk di katalog</Link>.</p> : (
        <>
          <table>
            <thead><tr><th>Produk</th><th>Penyedia</th><th className="num">Harga</th><th>Jumlah</th><th className="num">Subtotal</th><th>Catatan</th></tr></thead>
            <tbody>
              {items.map((i) => {
                const p = i.product;
                const notes = [
                  p.price !== i.unitPriceSeen && `Harga berubah dari ${rupiah(i.unitPriceSeen)}`,
                  i.quantity > p.stock && `Stok tinggal ${p.stock.toLocaleString('id-ID')}`,
                  p.status !== 'PUBLISHED' && 'Tidak lagi tayang',
                ].filter(Boolean);
                return (
                  <tr key={i.id} data-testid="cart-line">
                    <td>{p.name}</td>
                    <td>{p.vendor.businessName}</td>
                    <td className="num">{rupiah(p.price)} / {p.unit}</td>
                    <td>
                      <input aria-label={`Jumlah ${p.name}`} type="number" min={0} defaultValue={i.quantity} onBlur={(e) => Number(e.target.value) !== i.quantity && change(p.id, Number(e.target.value))} />
                      <button className="secondary" onClick={() => change(p.id, 0)}>Hapus</button>
                    </td>
                    <td className="num">{rupiah(i.quantity * p.price)}</td>
                    <td>{notes.length ? <span className="error">{notes.join('; ')}</span> : ''}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot><tr><th colSpan={4}>Total ({vendors.length} penyedia, menjadi {vendors.length} paket)</th><th className="num" data-testid="cart-total">{rupiah(total)}</th><th /></tr></tfoot>
          </table>
          <form className="card" onSubmit={checkout}>
            <h2>Buat paket</h2>
            <label>
              PPK
              <select name="ppkId" required defaultValue={data.ppks.some((u) => u.id === last?.ppk.id) ? last!.ppk.id : ''}>
                <option value="" disabled>Pilih PPK</option>
                {data.ppks.map((u) => <option key={u.id} value={u.id}>{u.fullName}</option>)}
              </select>
            </label>
            <label>Alamat pengiriman<textarea name="deliveryAddress" required minLength={10} defaultValue={last?.deliveryAddress ?? ''} /></label>
            <label>Kode RUP<input name="rupCode" inputMode="numeric" /></label>
            <label>Dibutuhkan tanggal<input name="neededBy" type="date" /></label>
            <label>Catatan<textarea name="notes" /></label>
            <button type="submit">Buat {vendors.length} paket</button>
          </form>
        </>
      )}
    </>
  );
}
