import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';
import { label, PRODUCT_STATUS, rupiah, VENDOR_STATUS } from '../lib/format';
import { flattenCategories } from '../lib/categories';
import { fieldErrorsOf } from '../lib/fieldErrors';

const VendorHome = graphql(`
  query VendorHome($vendorId: ID!, $pemdaId: ID!) {
    vendor(id: $vendorId) { id businessName status statusReason isUmkk isLocal }
    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUSPENDED] }, first: 100) {
      totalCount
      edges { node { id name unit price stock status statusReason pendingRevision { price submittedAt } } }
    }
    categories(pemdaId: $pemdaId) { id name children { id name children { id name } } }
  }
`);
const CreateProduct = graphql(`mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id status } }`);
const SubmitProduct = graphql(`mutation SubmitProduct($id: ID!) { submitProduct(id: $id) { id status } }`);

/**
 * The vendor's own page, phone first: its verification status (and BPBJ's reason when refused), its products with
 * their curation status, a form for a new product, and the way to its orders.
 */
export function VendorHomePage({ vendorId, pemdaId }: { vendorId: string; pemdaId: string }) {
  const [{ data, error }, refresh] = useQuery({ query: VendorHome, variables: { vendorId, pemdaId }, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(CreateProduct);
  const [, submitProduct] = useMutation(SubmitProduct);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const v = data.vendor;
  const verified = v.status === 'VERIFIED';
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const show = (result: { error?: { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[] } }, done: string) => {
    const e = result.error?.graphQLErrors[0];
    setMessage(e ? { text: e.message, ok: false } : { text: done, ok: true });
    setFieldErrors(fieldErrorsOf(e));
    if (!e) reload();
    return !e;
  };
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const digits = (name: string) => Number(value(name).replace(/\D/g, ''));
    const result = await create({
      input: {
        name: value('name'), description: value('description'), unit: value('unit'), categoryId: value('categoryId'),
        price: digits('price'), stock: digits('stock'), minOrderQuantity: digits('minOrderQuantity') || 1, isPdn: form.get('isPdn') === 'on',
      },
    });
    if (!show(result, 'Produk disimpan sebagai draf; ajukan setelah usaha Anda terverifikasi.')) return;
    // Only a verified vendor may put a product up for curation; until then it stays a draft the vendor submits later.
    if (!verified) return formElement.reset();
    const submitted = await submitProduct({ id: result.data!.createProduct.id });
    if (show(submitted, 'Produk diajukan; BPBJ akan memeriksanya sebelum tayang.')) formElement.reset();
  }
  const err = (name: string) => fieldErrors[name] && <span className="error">{fieldErrors[name]}</span>;
  return (
    <>
      <h1>{v.businessName}</h1>
      <p data-testid="vendor-status">
        Status: <strong>{label(VENDOR_STATUS, v.status)}</strong>
        {v.status === 'PENDING' && ' — BPBJ sedang memeriksa NIB dan NPWP Anda.'}
        {v.statusReason && <> — alasan BPBJ: {v.statusReason}</>}
      </p>
      <p><Link to="/penyedia/pesanan">Pesanan masuk</Link></p>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'error'}>{message.text}</p>}
      <section className="card">
        <h2>Produk ({data.products.totalCount})</h2>
        <ul className="stack">
          {data.products.edges.map(({ node: p }) => (
            <li key={p.id} data-testid="vendor-product">
              <strong>{p.name}</strong> {rupiah(p.price)} / {p.unit} · stok {p.stock.toLocaleString('id-ID')} · <span className="badge">{label(PRODUCT_STATUS, p.status)}</span>
              {p.statusReason && <><br /><small>Alasan BPBJ: {p.statusReason}</small></>}
              {p.pendingRevision && <><br /><small>Perubahan menunggu BPBJ (harga {rupiah(p.pendingRevision.price)})</small></>}
              {verified && (p.status === 'DRAFT' || p.status === 'REJECTED') && <> <button className="secondary" onClick={async () => show(await submitProduct({ id: p.id }), 'Produk diajukan.')}>Ajukan</button></>}
            </li>
          ))}
        </ul>
      </section>
      <form className="card" onSubmit={add} noValidate>
        <h2>Produk baru</h2>
        <label>Nama produk<input name="name" required />{err('name')}</label>
        <label>Kategori
          <select name="categoryId" required defaultValue="">
            <option value="" disabled>Pilih kategori</option>
            {data.categories.map((root) => (
              <optgroup key={root.id} label={root.name}>
                {flattenCategories(root.children).filter((c) => c.isLeaf).map((c) => <option key={c.id} value={c.id}>{c.path.join(' › ')}</option>)}
              </optgroup>
            ))}
          </select>{err('categoryId')}
        </label>
        <label>Deskripsi<textarea name="description" required />{err('description')}</label>
        <label>Satuan (pcs, kg, kotak…)<input name="unit" required />{err('unit')}</label>
        <label>Harga per satuan (Rp)<input name="price" inputMode="numeric" required />{err('price')}</label>
        <label>Stok<input name="stock" inputMode="numeric" required />{err('stock')}</label>
        <label>Minimal pesan<input name="minOrderQuantity" inputMode="numeric" defaultValue="1" />{err('minOrderQuantity')}</label>
        <label className="check"><input type="checkbox" name="isPdn" defaultChecked /> Produk dalam negeri</label>
        <button type="submit">{verified ? 'Simpan dan ajukan' : 'Simpan sebagai draf'}</button>
      </form>
    </>
  );
}
