import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';
import { dateName, label, PRODUCT_STATUS, rupiah, VENDOR_STATUS } from '../lib/format';
import type { ProductInput, VendorDocumentKind, VendorHomeQuery } from '../gql/graphql';
import { downloadScan, uploadFile } from '../lib/upload';
import { ProductForm, type ProductDraft } from './ProductForm';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { AsnOrderList } from '../asn/AsnOrders';
import { NoticeLine, noticeOf, type Notice, type Outcome } from '../lib/useAction';
import { VendorProfile } from './VendorProfile';
import { ProductImport } from './ProductImport';
import { StockShortfallBadge } from '../catalogue/stock';

const VendorHome = graphql(`
  query VendorHome($vendorId: ID!, $pemdaId: ID!) {
    vendor(id: $vendorId) { ...VendorProfileShown statusReason legalDocuments { kind url contentType createdAt } }
    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUSPENDED, ARCHIVED] }, first: 100) {
      totalCount
      edges {
        node {
          id name description unit price stock minOrderQuantity imageUrls isPdn tkdnPercent status statusReason category { id }
          pendingRevision { name description categoryId unit price imageUrls isPdn tkdnPercent submittedAt }
        }
      }
    }
    categories(pemdaId: $pemdaId) { id name code children { id name code children { id name code } } }
  }
`);
const CreateProduct = graphql(`mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id status } }`);
const UpdateProduct = graphql(`mutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { id status pendingRevision { submittedAt } } }`);
const SubmitProduct = graphql(`mutation SubmitProduct($id: ID!) { submitProduct(id: $id) { id status } }`);
const AttachDocument = graphql(`mutation AttachVendorDocument($id: ID!, $kind: VendorDocumentKind!, $uploadId: ID!) { attachVendorDocument(id: $id, kind: $kind, uploadId: $uploadId) { id legalDocuments { kind url contentType createdAt } } }`);
const RemoveProduct = graphql(`mutation RemoveProduct($id: ID!) { deleteProduct(id: $id) }`);

const DOCUMENT_KINDS: VendorDocumentKind[] = ['NIB', 'NPWP'];

type VendorProduct = VendorHomeQuery['products']['edges'][number]['node'];

/** What the edit form starts from: the live product with the changes still waiting for BPBJ over it. */
function draftOf(p: VendorProduct): ProductDraft {
  const r = p.pendingRevision;
  return {
    name: r?.name ?? p.name, description: r?.description ?? p.description, categoryId: r?.categoryId ?? p.category.id, unit: r?.unit ?? p.unit,
    price: r?.price ?? p.price, stock: p.stock, minOrderQuantity: p.minOrderQuantity, imageUrls: r?.imageUrls ?? p.imageUrls,
    isPdn: r?.isPdn ?? p.isPdn, tkdnPercent: r?.tkdnPercent ?? p.tkdnPercent,
  };
}

/**
 * The vendor's own page, phone first: its verification status (and BPBJ's reason when refused), its products with
 * their photos, curation status and any change waiting for BPBJ; a product is added, changed (on a live product,
 * stock and price cuts apply at once, the rest waits for BPBJ) or withdrawn here; its business profile and bank
 * account; and the way to its orders.
 */
export function VendorHomePage({ vendorId, pemdaId }: { vendorId: string; pemdaId: string }) {
  const [{ data, error }, refresh] = useQuery({ query: VendorHome, variables: { vendorId, pemdaId }, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(CreateProduct);
  const [, update] = useMutation(UpdateProduct);
  const [, submitProduct] = useMutation(SubmitProduct);
  const [, removeProduct] = useMutation(RemoveProduct);
  const [, attachDocument] = useMutation(AttachDocument);
  const [message, setMessage] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const v = data.vendor;
  const verified = v.status === 'VERIFIED';
  const reload = () => refresh({ requestPolicy: 'network-only' });
  /** Shows the outcome; answers null when it worked, otherwise the per-field messages for the form. */
  const show = (result: Outcome, done: string): Record<string, string> | null => {
    setMessage(noticeOf(result, done));
    if (result.error) return fieldErrorsOf(result.error.graphQLErrors[0]);
    reload();
    return null;
  };
  async function add(input: ProductInput, formElement: HTMLFormElement) {
    const created = await create({ input });
    const errors = show(created, 'Produk disimpan sebagai draf; ajukan setelah usaha Anda terverifikasi.');
    if (errors) return errors;
    formElement.reset();
    // Only a verified vendor may put a product up for curation; until then it stays a draft the vendor submits later.
    if (verified) show(await submitProduct({ id: created.data!.createProduct.id }), 'Produk diajukan; BPBJ akan memeriksanya sebelum tayang.');
    return null;
  }
  async function change(p: VendorProduct, input: ProductInput) {
    const updated = await update({ id: p.id, input });
    const waits = Boolean(updated.data?.updateProduct.pendingRevision);
    const errors = show(updated, waits ? 'Perubahan disimpan dan menunggu persetujuan BPBJ; produk yang tayang tetap seperti semula sampai disetujui.' : 'Perubahan disimpan.');
    if (!errors) setEditing(null);
    return errors;
  }
  async function attach(kind: VendorDocumentKind, file: File | undefined) {
    if (!file) return;
    const uploaded = await uploadFile('LEGAL_DOCUMENT', file);
    if ('error' in uploaded) return setMessage({ text: uploaded.error, ok: false });
    show(await attachDocument({ id: v.id, kind, uploadId: uploaded.id }), `Pindaian ${kind} tersimpan; BPBJ memeriksanya saat verifikasi.`);
  }
  async function withdraw(p: VendorProduct) {
    if (!window.confirm(`Tarik "${p.name}" dari katalog?`)) return;
    const removed = await removeProduct({ id: p.id });
    show(removed, removed.data?.deleteProduct === 'ARCHIVED' ? 'Produk diarsipkan: sudah pernah dipesan, jadi disimpan untuk catatan.' : 'Produk dihapus.');
  }
  const documents = (
    <section className="card" aria-label="Dokumen legal">
      <h2>Dokumen legal</h2>
      <p><small>BPBJ mencocokkan NIB dan NPWP Anda dengan pindaiannya (PDF atau foto) sebelum verifikasi. Pindaian hanya terlihat oleh Anda dan BPBJ.</small></p>
      {DOCUMENT_KINDS.map((kind) => {
        const current = v.legalDocuments.find((d) => d.kind === kind);
        return (
          <p key={kind} data-testid={`document-${kind}`}>
            <strong>{kind}</strong>: {current ? <>terunggah {dateName(current.createdAt.slice(0, 10))} · <button className="link" onClick={() => downloadScan(current)}>lihat</button></> : 'belum diunggah'}
            <label>{current ? `Ganti pindaian ${kind}` : `Unggah pindaian ${kind}`}
              <input type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => { void attach(kind, e.target.files?.[0]); e.target.value = ''; }} />
            </label>
          </p>
        );
      })}
    </section>
  );
  return (
    <>
      <h1>{v.businessName}</h1>
      <p data-testid="vendor-status">
        Status: <strong>{label(VENDOR_STATUS, v.status)}</strong>
        {v.status === 'PENDING' && ' — BPBJ sedang memeriksa NIB dan NPWP Anda.'}
        {v.statusReason && <> — alasan BPBJ: {v.statusReason}</>}
      </p>
      <p><Link to="/penyedia/pesanan">Pesanan masuk</Link></p>
      <NoticeLine notice={message} />
      {/* Until BPBJ has verified the business, its scans are what the vendor has to do; after, they are for reference. */}
      {!verified && documents}
      <section className="card">
        <h2>Produk ({data.products.totalCount})</h2>
        <ul className="stack">
          {data.products.edges.map(({ node: p }) => (
            <li key={p.id} data-testid="vendor-product">
              {p.imageUrls[0] && <img className="thumb" src={p.imageUrls[0]} alt="" />}
              <strong>{p.name}</strong> {rupiah(p.price)} / {p.unit} · stok {p.stock.toLocaleString('id-ID')} <span className="badge">{label(PRODUCT_STATUS, p.status)}</span><StockShortfallBadge product={p} />
              {p.statusReason && <><br /><small>Alasan BPBJ: {p.statusReason}</small></>}
              {p.pendingRevision && <><br /><small>Perubahan menunggu BPBJ sejak {dateName(p.pendingRevision.submittedAt.slice(0, 10))}{p.pendingRevision.price != null && ` (harga ${rupiah(p.pendingRevision.price)})`}</small></>}
              <div className="actions">
                {verified && (p.status === 'DRAFT' || p.status === 'REJECTED') && <button className="secondary" onClick={async () => show(await submitProduct({ id: p.id }), 'Produk diajukan.')}>Ajukan</button>}
                {p.status !== 'SUSPENDED' && p.status !== 'ARCHIVED' && <button className="secondary" onClick={() => setEditing(editing === p.id ? null : p.id)}>Ubah</button>}
                {p.status !== 'ARCHIVED' && <button className="secondary" onClick={() => withdraw(p)}>Tarik</button>}
              </div>
              {editing === p.id && (
                <ProductForm key={p.id} initial={draftOf(p)} categories={data.categories} submitLabel="Simpan perubahan" save={(input) => change(p, input)} onCancel={() => setEditing(null)} />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>Produk baru</h2>
        <ProductForm initial={{}} categories={data.categories} submitLabel={verified ? 'Simpan dan ajukan' : 'Simpan sebagai draf'} save={add} />
      </section>
      <ProductImport categories={data.categories} verified={verified} onImported={reload} />
      <AsnOrderList party="VENDOR" />
      <VendorProfile vendor={v} onSaved={reload} />
      {verified && documents}
    </>
  );
}
