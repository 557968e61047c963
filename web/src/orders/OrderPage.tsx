import { useState, type FormEvent, type ReactNode } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { OrderAction, OrderDocumentKind, OrderViewQuery } from '../gql/graphql';
import { useSession } from '../app/session';
import { Link } from '../app/router';
import { dateName, dateTime, label, localToday, ORDER_STATUS, PAYMENT_METHOD, rupiah } from '../lib/format';
import { HistoryEntries } from '../lib/history';
import { saveFile } from '../lib/saveFile';
import { digitsOf } from '../lib/formValues';
import { NoticeLine, noticeOf, type Notice, type Outcome } from '../lib/useAction';

const OrderView = graphql(`
  query OrderView($id: ID!) {
    order(id: $id) {
      id code status negotiation subtotal shippingCost total totalInWords receivedAmount awaitingPpkApproval
      deliveryAddress rupCode neededBy notes statusReason deliveryReference bastNumber bastDate vendorAnswerDue availableActions
      createdAt submittedAt approvedAt acceptedAt shippedAt receivedAt paidAt completedAt
      opd { id name } vendor { id businessName district phone } createdBy { id fullName } ppk { id fullName }
      lines { id productName unit listUnitPrice proposedUnitPrice counterUnitPrice unitPrice quantity quantityReceived lineTotal }
      payments { id method amount paidOn vendorReceivedOn reference }
      warnings { code message }
      history { id createdAt action fromStatus toStatus reason actorRole }
    }
    orderDocuments(orderId: $id) { id kind number issuedAt replacesNumber reason }
  }
`);
const DocumentFile = graphql(`query OrderDocumentFile($id: ID!) { orderDocumentFile(id: $id) { filename contentType base64 } }`);
const Reissue = graphql(`mutation ReissueOrderDocument($orderId: ID!, $kind: OrderDocumentKind!, $reason: String!) { reissueOrderDocument(orderId: $orderId, kind: $kind, reason: $reason) { id number } }`);

// Each step answers what the page shows of the order's state (status, the steps open, the PPK tag), so the page
// changes at once, in one piece, rather than partly until its reload arrives.
graphql(`fragment OrderStepResult on Order { id status negotiation total availableActions awaitingPpkApproval }`);
const Submit = graphql(`mutation SubmitOrder($id: ID!, $key: String) { submitOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }`);
const Approve = graphql(`mutation ApproveOrder($id: ID!, $key: String) { approveOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }`);
const Complete = graphql(`mutation CompleteOrder($id: ID!, $key: String) { completeOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }`);
const SetShipping = graphql(`mutation SetOrderShipping($id: ID!, $cost: Rupiah!, $key: String) { setOrderShippingCost(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }`);
const Propose = graphql(`mutation ProposeOrderPrices($id: ID!, $prices: [LinePriceInput!]!, $key: String) { proposeOrderPrices(id: $id, prices: $prices, idempotencyKey: $key) { ...OrderStepResult } }`);
const Respond = graphql(`mutation RespondToNegotiation($id: ID!, $accept: Boolean!, $counter: [LinePriceInput!], $key: String) { respondToOrderNegotiation(id: $id, accept: $accept, counter: $counter, idempotencyKey: $key) { ...OrderStepResult } }`);
const Accept = graphql(`mutation AcceptOrder($id: ID!, $cost: Rupiah, $key: String) { acceptOrder(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }`);
const Reject = graphql(`mutation RejectOrder($id: ID!, $reason: String!, $key: String) { rejectOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }`);
const Ship = graphql(`mutation ShipOrder($id: ID!, $ref: String!, $key: String) { shipOrder(id: $id, deliveryReference: $ref, idempotencyKey: $key) { ...OrderStepResult } }`);
const Receive = graphql(`mutation ReceiveOrder($id: ID!, $input: ReceiveOrderInput!, $key: String) { receiveOrder(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }`);
const Pay = graphql(`mutation RecordOrderPayment($id: ID!, $input: RecordPaymentInput!, $key: String) { recordOrderPayment(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }`);
const ConfirmPayment = graphql(`mutation ConfirmOrderPayment($id: ID!, $receivedOn: String!, $key: String) { confirmOrderPayment(id: $id, receivedOn: $receivedOn, idempotencyKey: $key) { ...OrderStepResult } }`);
const Cancel = graphql(`mutation CancelOrder($id: ID!, $reason: String!, $key: String) { cancelOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }`);

type Order = OrderViewQuery['order'];



/**
 * One order as every party sees it: lines, amounts, the warnings before acceptance, the documents issued, its
 * timeline, and the steps the caller may take now, as the API offers them (`availableActions`), and no others.
 */
export function OrderPage({ id, timeZone, back }: { id: string; timeZone: string; back: string }) {
  // Read from the server, never first from the cache: a list may have refreshed the order's status and actions there
  // while its payments and amounts are still as last seen, and the forms would open on those (an empty payment date
  // the browser refuses to send). The forms are built on the order as it is now.
  const [{ data, error }, refresh] = useQuery({ query: OrderView, variables: { id }, requestPolicy: 'network-only' });
  const client = useClient();
  const { account } = useSession();
  const [, reissue] = useMutation(Reissue);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Paket tidak dapat dibuka.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const o = data.order;
  const reload = () => refresh({ requestPolicy: 'network-only' });
  async function download(documentId: string) {
    const result = await client.query(DocumentFile, { id: documentId }).toPromise();
    if (result.data) saveFile(result.data.orderDocumentFile);
  }
  // The PP of the ordering OPD or BPBJ issues a corrected document; the one it replaces stays on record, numbered.
  const reissues = account?.role === 'BPBJ' || (account?.role === 'PP' && account.opd?.id === o.opd.id);
  const latest = new Set(['SURAT_PESANAN', 'BAST'].map((kind) => data.orderDocuments.filter((d) => d.kind === kind).at(-1)?.id));
  async function reissueDocument(kind: OrderDocumentKind, name: string) {
    const reason = window.prompt(`Alasan menerbitkan ulang ${name} (dicatat pada dokumen baru):`)?.trim();
    if (reason === undefined) return;
    const result = await reissue({ orderId: o.id, kind, reason });
    setNotice(noticeOf(result, `${name} ${result.data?.reissueOrderDocument.number} terbit menggantikan yang lama.`));
    if (!result.error) reload();
  }
  return (
    <>
      <p><Link to={back}>← Daftar paket</Link></p>
      <h1>Paket {o.code}</h1>
      <p className="tags"><span className="badge" data-testid="order-status">{ORDER_STATUS[o.status]}</span>{o.awaitingPpkApproval && <span className="badge">Perlu persetujuan PPK</span>}</p>
      {o.statusReason && <p>Alasan: {o.statusReason}</p>}
      {o.vendorAnswerDue && <p className="notice">Penyedia menjawab paling lambat {dateTime(o.vendorAnswerDue, timeZone)}; lewat dari itu paket dibatalkan sebagai tidak direspons.</p>}
      {o.warnings.length > 0 && <div role="note" className="card"><h2>Perhatian</h2><ul>{o.warnings.map((w) => <li key={w.code + w.message}>{w.message}</li>)}</ul></div>}
      <Actions order={o} timeZone={timeZone} onDone={reload} />
      <div className="columns">
        <section className="card">
          <h2>Rincian</h2>
          {/* A card per line on a phone (see the order list): the total no longer sits off the screen beside its label. */}
          <table className="row-cards" role="table">
            <thead role="rowgroup"><tr role="row"><th role="columnheader">Barang</th><th role="columnheader" className="num">Harga katalog</th><th role="columnheader" className="num">Harga sepakat</th><th role="columnheader" className="num">Jumlah</th><th role="columnheader" className="num">Diterima</th><th role="columnheader" className="num">Subtotal</th></tr></thead>
            <tbody role="rowgroup">
              {o.lines.map((l) => (
                <tr key={l.id} role="row">
                  <td role="cell">{l.productName}</td>
                  <td role="cell" className="num" data-label="Harga katalog">{rupiah(l.listUnitPrice)}</td>
                  <td role="cell" className="num" data-label="Harga sepakat">{rupiah(l.unitPrice)}{l.proposedUnitPrice != null && <><br /><small>usulan {rupiah(l.proposedUnitPrice)}</small></>}{l.counterUnitPrice != null && <><br /><small>tawaran balik {rupiah(l.counterUnitPrice)}</small></>}</td>
                  <td role="cell" className="num" data-label="Jumlah">{l.quantity} {l.unit}</td>
                  <td role="cell" className="num" data-label="Diterima">{l.quantityReceived}</td>
                  <td role="cell" className="num" data-label="Subtotal">{rupiah(l.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot role="rowgroup">
              <tr role="row"><th role="rowheader" colSpan={5}>Ongkos kirim</th><td role="cell" className="num">{rupiah(o.shippingCost)}</td></tr>
              <tr role="row"><th role="rowheader" colSpan={5}>Total</th><td role="cell" className="num" data-testid="order-total">{rupiah(o.total)}</td></tr>
            </tfoot>
          </table>
          <p><small>Terbilang: {o.totalInWords}</small></p>
          {o.receivedAmount != null && <p>Nilai diterima (terutang): {rupiah(o.receivedAmount)}</p>}
          {o.payments.map((p) => <p key={p.id}>Dibayar {rupiah(p.amount)} ({label(PAYMENT_METHOD, p.method)}) tanggal {dateName(p.paidOn)}{p.reference ? `, ref. ${p.reference}` : ''}{p.vendorReceivedOn ? `; dana diterima penyedia ${dateName(p.vendorReceivedOn)}` : ''}</p>)}
        </section>
        <section className="card">
          <h2>Para pihak</h2>
          <p>{o.opd.name}<br /><small>PP {o.createdBy.fullName} · PPK {o.ppk.fullName}</small></p>
          <p>{o.vendor.businessName}<br /><small>{o.vendor.district} · {o.vendor.phone}</small></p>
          <p><small>Kirim ke: {o.deliveryAddress}{o.rupCode ? ` · RUP ${o.rupCode}` : ''}{o.neededBy ? ` · dibutuhkan ${dateName(o.neededBy)}` : ''}</small></p>
          {o.deliveryReference && <p><small>Surat jalan: {o.deliveryReference}</small></p>}
          {o.bastNumber && <p><small>Nomor BAST OPD: {o.bastNumber}, {dateName(o.bastDate!)}</small></p>}
          <h2>Dokumen</h2>
          <NoticeLine notice={notice} />
          {data.orderDocuments.length === 0 ? <p><small>Surat pesanan terbit saat penyedia menerima pesanan; BAST saat barang diterima.</small></p> : (
            <ul>
              {data.orderDocuments.map((d) => (
                <li key={d.id} data-testid="order-document">
                  <button className="secondary" onClick={() => download(d.id)}>{d.kind === 'BAST' ? 'BAST' : 'Surat pesanan'} {d.number} (PDF)</button>
                  {d.replacesNumber && <small> menggantikan {d.replacesNumber}{d.reason ? ` (${d.reason})` : ''}</small>}
                  {reissues && latest.has(d.id) && <button className="link" onClick={() => reissueDocument(d.kind, d.kind === 'BAST' ? 'BAST' : 'Surat pesanan')}>Terbitkan ulang</button>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card">
        <h2>Riwayat</h2>
        <ol className="timeline" data-testid="timeline">
          <HistoryEntries subject="ORDER" entries={o.history} timeZone={timeZone} />
        </ol>
      </section>
    </>
  );
}


/** The forms for what the caller may do now; each keeps one idempotency key, so a double press acts once. */
function Actions({ order: o, timeZone, onDone }: { order: Order; timeZone: string; onDone: () => void }) {
  const [message, setMessage] = useState<Notice | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const [, submit] = useMutation(Submit);
  const [, approve] = useMutation(Approve);
  const [, complete] = useMutation(Complete);
  const [, setShipping] = useMutation(SetShipping);
  const [, propose] = useMutation(Propose);
  const [, respond] = useMutation(Respond);
  const [, accept] = useMutation(Accept);
  const [, reject] = useMutation(Reject);
  const [, ship] = useMutation(Ship);
  const [, receive] = useMutation(Receive);
  const [, pay] = useMutation(Pay);
  const [, confirmPayment] = useMutation(ConfirmPayment);
  const [, cancel] = useMutation(Cancel);
  const can = (action: OrderAction) => o.availableActions.includes(action);
  async function act(event: FormEvent<HTMLFormElement> | null, run: (form: FormData) => Promise<Outcome>, done: string) {
    event?.preventDefault();
    const result = await run(event ? new FormData(event.currentTarget) : new FormData());
    setMessage(noticeOf(result, done));
    if (!result.error) onDone();
  }
  const k = (action: OrderAction) => `${key}:${action}`;
  const num = (form: FormData, name: string) => Number(digitsOf(form.get(name)));
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
  const forms: ReactNode[] = [];
  if (can('SET_SHIPPING_COST')) forms.push(
    <form key="ship-cost" onSubmit={(e) => act(e, (f) => setShipping({ id: o.id, cost: num(f, 'cost'), key: k('SET_SHIPPING_COST') + num(f, 'cost') }), 'Ongkos kirim ditetapkan.')}>
      <label>Ongkos kirim yang disepakati (Rp)<input name="cost" inputMode="numeric" defaultValue={o.shippingCost} required /></label>
      <button type="submit" className="secondary">Tetapkan ongkos kirim</button>
    </form>);
  if (can('PROPOSE_PRICES')) forms.push(
    <form key="propose" onSubmit={(e) => act(e, (f) => propose({ id: o.id, key: k('PROPOSE_PRICES'), prices: o.lines.filter((l) => num(f, l.id) > 0).map((l) => ({ lineId: l.id, unitPrice: num(f, l.id) })) }), 'Usulan harga dikirim ke penyedia.')}>
      <fieldset><legend>Negosiasi harga (sekali, sebelum diajukan)</legend>
        {o.lines.map((l) => <label key={l.id}>Harga usulan {l.productName} (katalog {rupiah(l.listUnitPrice)})<input name={l.id} inputMode="numeric" /></label>)}
      </fieldset>
      <button type="submit" className="secondary">Usulkan harga</button>
    </form>);
  if (can('RESPOND_TO_NEGOTIATION')) {
    const negotiated = o.lines.filter((l) => l.proposedUnitPrice != null);
    forms.push(
      <div key="respond" className="actions">
        <button onClick={() => act(null, () => respond({ id: o.id, accept: true, key: k('RESPOND_TO_NEGOTIATION') }), 'Usulan harga diterima.')}>Terima usulan harga</button>
      </div>,
      // The one counter-offer: a price per line between the PP's proposal and the catalogue price; it becomes the agreed price.
      <form key="counter" onSubmit={(e) => act(e, (f) => respond({ id: o.id, accept: false, key: k('RESPOND_TO_NEGOTIATION') + 'counter', counter: negotiated.filter((l) => num(f, l.id) > 0).map((l) => ({ lineId: l.id, unitPrice: num(f, l.id) })) }), 'Tawaran balik dikirim; harga itu yang berlaku bila PP mengajukan paket.')}>
        <fieldset><legend>Tawaran balik (sekali)</legend>
          {negotiated.map((l) => <label key={l.id}>{l.productName}: usulan {rupiah(l.proposedUnitPrice!)}, katalog {rupiah(l.listUnitPrice)}<input name={l.id} inputMode="numeric" /></label>)}
        </fieldset>
        <button type="submit" className="secondary">Kirim tawaran balik</button>
      </form>);
  }
  if (can('SUBMIT')) forms.push(<button key="submit" onClick={() => act(null, () => submit({ id: o.id, key: k('SUBMIT') }), 'Paket diajukan.')}>Ajukan paket</button>);
  if (can('APPROVE')) forms.push(<button key="approve" onClick={() => act(null, () => approve({ id: o.id, key: k('APPROVE') }), 'Paket disetujui; diteruskan ke penyedia.')}>Setujui (PPK)</button>);
  if (can('ACCEPT')) forms.push(
    <form key="accept" onSubmit={(e) => act(e, () => accept({ id: o.id, key: k('ACCEPT') }), 'Pesanan diterima; surat pesanan terbit.')}>
      <p><small>Ongkos kirim tercatat {rupiah(o.shippingCost)}: harga yang disetujui OPD. Ongkos lain dibicarakan dengan PP sebelum pengajuan.</small></p>
      <button type="submit">Terima pesanan</button>
    </form>);
  if (can('REJECT')) forms.push(
    <form key="reject" onSubmit={(e) => act(e, (f) => reject({ id: o.id, reason: text(f, 'reason'), key: k('REJECT') }), 'Pesanan ditolak.')}>
      <label>Alasan penolakan<input name="reason" required minLength={5} /></label>
      <button type="submit" className="secondary">Tolak pesanan</button>
    </form>);
  if (can('SHIP')) forms.push(
    <form key="ship" onSubmit={(e) => act(e, (f) => ship({ id: o.id, ref: text(f, 'ref'), key: k('SHIP') }), 'Pengiriman dicatat.')}>
      <label>Nomor surat jalan / resi<input name="ref" required /></label>
      <button type="submit">Kirim barang</button>
    </form>);
  if (can('RECEIVE')) forms.push(
    <form key="receive" onSubmit={(e) => act(e, (f) => receive({ id: o.id, key: k('RECEIVE'), input: { bastNumber: text(f, 'bastNumber'), bastDate: text(f, 'bastDate'), received: o.lines.map((l) => ({ lineId: l.id, quantityReceived: num(f, `received-${l.id}`) })) } }), 'Barang diterima; BAST terbit.')}>
      <fieldset><legend>Penerimaan barang (BAST)</legend>
        <label>Nomor BAST OPD<input name="bastNumber" required /></label>
        <label>Tanggal BAST<input name="bastDate" type="date" required defaultValue={localToday(timeZone)} max={localToday(timeZone)} /></label>
        {o.lines.map((l) => <label key={l.id}>Diterima: {l.productName} ({l.unit})<input name={`received-${l.id}`} type="number" min={0} max={l.quantity} defaultValue={l.quantity} /></label>)}
      </fieldset>
      <button type="submit">Terima barang</button>
    </form>);
  if (can('RECORD_PAYMENT')) forms.push(
    <form key="pay" onSubmit={(e) => act(e, (f) => pay({ id: o.id, key: k('RECORD_PAYMENT'), input: { method: text(f, 'method') as never, amount: num(f, 'amount'), paidOn: text(f, 'paidOn'), reference: text(f, 'reference') || null } }), 'Pembayaran dicatat.')}>
      <fieldset><legend>Pembayaran</legend>
        <label>Cara bayar<select name="method" defaultValue="TRANSFER">{Object.entries(PAYMENT_METHOD).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select></label>
        <label>Jumlah (Rp)<input name="amount" inputMode="numeric" required defaultValue={(o.receivedAmount ?? o.total).toLocaleString('id-ID')} /></label>
        <label>Tanggal bayar<input name="paidOn" type="date" required defaultValue={localToday(timeZone)} max={localToday(timeZone)} /></label>
        <label>Referensi (SP2D / bukti transfer)<input name="reference" /></label>
      </fieldset>
      <button type="submit">Catat pembayaran</button>
    </form>);
  if (can('COMPLETE')) forms.push(<button key="complete" onClick={() => act(null, () => complete({ id: o.id, key: k('COMPLETE') }), 'Paket selesai.')}>Selesaikan paket</button>);
  if (can('CONFIRM_PAYMENT')) forms.push(
    <form key="confirm-payment" onSubmit={(e) => act(e, (f) => confirmPayment({ id: o.id, receivedOn: text(f, 'receivedOn'), key: k('CONFIRM_PAYMENT') }), 'Tanggal dana diterima dicatat.')}>
      <fieldset><legend>Dana diterima</legend>
        <p><small>OPD mencatat pembayaran tanggal {dateName(o.payments[0]?.paidOn ?? '')}. Tanggal dana masuk ke rekening Anda menjadi dasar penilaian ketepatan bayar OPD; sekali, paling lambat 30 hari setelah pembayaran dicatat.</small></p>
        <label>Tanggal dana diterima<input name="receivedOn" type="date" required defaultValue={o.payments[0]?.paidOn} min={o.payments[0]?.paidOn} max={localToday(timeZone)} /></label>
      </fieldset>
      <button type="submit">Konfirmasi dana diterima</button>
    </form>);
  if (can('CANCEL')) forms.push(
    <form key="cancel" onSubmit={(e) => act(e, (f) => cancel({ id: o.id, reason: text(f, 'reason'), key: k('CANCEL') }), 'Paket dibatalkan.')}>
      <label>Alasan pembatalan<input name="reason" required minLength={5} /></label>
      <button type="submit" className="secondary">Batalkan paket</button>
    </form>);
  if (!forms.length && !message) return null;
  return (
    <section className="card" aria-label="Tindakan">
      <h2>Tindakan Anda</h2>
      <NoticeLine notice={message} />
      {forms.length ? <div className="stack">{forms}</div> : <p><small>Tidak ada tindakan untuk Anda pada tahap ini.</small></p>}
    </section>
  );
}
