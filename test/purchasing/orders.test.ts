// Over 300 lines: an order from cart to payment with every refusal on the way, in one story; the process table's
// exhaustive walk is in order-process.test.ts and the integrity cases in integrity.test.ts.
import { ExportFormat } from '../../server/reports/report.js';
import { csvLines, pdfPages, sheetValues, xlsxBook } from '../support/files.js';
import { Product } from '../../server/catalogue/product.entity.js';
import { Order } from '../../server/purchasing/order.entity.js';
import { expireUnansweredOrders } from '../../server/purchasing/order-expiry.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import {
  ACCEPT,
  APPROVE,
  CANCEL,
  checkout,
  COMPLETE,
  CREATE_ORDER,
  PAY,
  purchasingWorld,
  RECEIVE,
  REJECT,
  SET_CART,
  SET_SHIPPING,
  SHIP,
  SUBMIT,
  type World,
} from '../support/purchasing.js';

const ORDER = `query($id: ID!) { order(id: $id) { id status total history { action fromStatus toStatus actorRole reason } payments { method amount paidOn } } }`;

describe('an OPD buys through the catalogue, from cart to completion', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it('cart -> order -> submit -> accept -> ship -> receive (BAST) -> pay -> complete, every step on the record', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Premium Bumiaji 5 kg', price: 72500, stock: 40, unit: 'karung' });
    const [order] = await checkout(t, w, [[rice, 12]], { rupCode: '35790101-2026-001', neededBy: '2026-03-20' });
    expect(order).toEqual(expect.objectContaining({ status: 'DRAFT', subtotal: 870000, shippingCost: 0, total: 870000 }));
    expect(order.lines).toEqual([expect.objectContaining({ productName: 'Beras Premium Bumiaji 5 kg', unit: 'karung', unitPrice: 72500, quantity: 12, lineTotal: 870000 })]);
    expect((await t.exec(`{ cart { quantity } }`, {}, { token: w.pp })).data.cart).toEqual([]);

    // The shipping cost the vendor quoted is part of what the PP submits.
    const shipping = await t.exec(SET_SHIPPING, { id: order.id, shippingCost: 25000 }, { token: w.pp });
    expect(shipping.data.setOrderShippingCost).toEqual(expect.objectContaining({ status: 'DRAFT', shippingCost: 25000, total: 895000 }));
    const words = await t.exec(`query($id: ID!) { order(id: $id) { totalInWords } }`, { id: order.id }, { token: w.pp });
    expect(words.data.order.totalInWords).toBe('delapan ratus sembilan puluh lima ribu rupiah'); // for the order letter
    const submitted = await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    expect(submitted.data.submitOrder).toEqual(expect.objectContaining({ status: 'SUBMITTED', requiresPpkApproval: false }));

    const accepted = await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token });
    expect(accepted.data.acceptOrder).toEqual(expect.objectContaining({ status: 'ACCEPTED', shippingCost: 25000, total: 895000 }));
    expect((await t.em().findOneOrFail(Product, rice)).stock).toBe(28);

    await t.exec(SHIP, { id: order.id, deliveryReference: 'SJ-0012/III/2026' }, { token: w.vendorA.token });
    const received = await t.exec(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/027/DINKES/2026', bastDate: '2026-03-02' } }, { token: w.ppk });
    expect(received.data.receiveOrder).toEqual(expect.objectContaining({ status: 'RECEIVED', receivedAmount: 895000 }));

    const paid = await t.exec(PAY, { id: order.id, input: { method: 'KKPD', amount: 895000, paidOn: '2026-03-02', reference: 'KKPD-7781' } }, { token: w.pp });
    expect(paid.errors).toBeUndefined();
    expect(paid.data.recordOrderPayment.status).toBe('PAID');
    expect((await t.exec(COMPLETE, { id: order.id }, { token: w.pp })).data.completeOrder.status).toBe('COMPLETED');

    const view = await t.exec(ORDER, { id: order.id }, { token: w.bpbj });
    expect(view.data.order.payments).toEqual([{ method: 'KKPD', amount: 895000, paidOn: '2026-03-02' }]);
    expect(view.data.order.history.map((h: any) => `${h.action}:${h.actorRole}`)).toEqual([
      'CREATED:PP', 'SHIPPING_COST_SET:PP', 'SUBMITTED:PP', 'ACCEPTED:VENDOR', 'SHIPPED:VENDOR', 'RECEIVED:PPK', 'PAID:PP', 'COMPLETED:PP',
    ]);
  });

  it('checkout makes one order per vendor', async () => {
    const a = await w.product(w.vendorA, { name: 'Beras Checkout A', price: 70000 });
    const b = await w.product(w.vendorB, { name: 'Snack Box Checkout B', price: 15000, categoryId: w.snack });
    const orders = await checkout(t, w, [[a, 2], [b, 30]]);
    expect(orders.map((o) => [o.vendor.id, o.total]).sort()).toEqual([[w.vendorA.id, 140000], [w.vendorB.id, 450000]].sort());
  });

  it('the server computes totals: exact integers far beyond 32 bits', async () => {
    const batik = await w.product(w.vendorA, { name: 'Batik Tulis Seragam Dinas', price: 1_250_000, stock: 5000, categoryId: w.beras });
    const [order] = await checkout(t, w, [[batik, 2000]]);
    expect(order.total).toBe(2_500_000_000);
  });

  it('a price change after the cart was built is reported per line and nothing is created', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Harga Turun', price: 80000 });
    await t.exec(SET_CART, { p: rice, q: 3 }, { token: w.pp });
    await t.exec(`mutation($id: ID!) { updateProduct(id: $id, input: { price: 75000 }) { price } }`, { id: rice }, { token: w.vendorA.token });
    const before = await t.em().count(Order);
    const result = await t.exec(CREATE_ORDER, { input: { deliveryAddress: 'Dinkes Kota Batu', ppkId: w.ppkId } }, { token: w.pp });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0].extensions!.lines).toEqual([{ productId: rice, productName: 'Beras Harga Turun', problem: 'PRICE_CHANGED', expected: 80000, actual: 75000 }]);
    expect(await t.em().count(Order)).toBe(before);
    // Saving the line again takes today's price, and checkout goes through.
    await t.exec(SET_CART, { p: rice, q: 3 }, { token: w.pp });
    const ok = await t.exec(CREATE_ORDER, { input: { deliveryAddress: 'Dinkes Kota Batu', ppkId: w.ppkId } }, { token: w.pp });
    expect(ok.data.createOrder.orders[0].total).toBe(225000);
  });

  it('not enough stock at checkout is reported too', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Stok Tipis', price: 60000, stock: 5 });
    await t.exec(SET_CART, { p: rice, q: 4 }, { token: w.pp });
    await t.em().nativeUpdate(Product, { id: rice }, { stock: 2 });
    const result = await t.exec(CREATE_ORDER, { input: { deliveryAddress: 'Dinkes Kota Batu', ppkId: w.ppkId } }, { token: w.pp });
    expect(result.errors![0].extensions!.lines).toEqual([expect.objectContaining({ problem: 'INSUFFICIENT_STOCK', expected: 4, actual: 2 })]);
    await t.exec(SET_CART, { p: rice, q: 0 }, { token: w.pp });
  });

  it('checkout validates its input and the PPK must belong to the OPD', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Validasi', price: 60000 });
    await t.exec(SET_CART, { p: rice, q: 1 }, { token: w.pp });
    const result = await t.exec(CREATE_ORDER, { input: { deliveryAddress: '', ppkId: w.ppkOtherId, neededBy: '2020-01-01' } }, { token: w.pp });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields.map((f: any) => f.field).sort()).toEqual(['deliveryAddress', 'neededBy', 'ppkId']);
    await t.exec(SET_CART, { p: rice, q: 0 }, { token: w.pp });
  });

  it('above the Pemda threshold the designated PPK must approve before the vendor can answer', async () => {
    const seragam = await w.product(w.vendorA, { name: 'Seragam Dinas Harian', price: 450_000, stock: 1000 });
    const [order] = await checkout(t, w, [[seragam, 500]]); // Rp225.000.000 > Rp200.000.000
    const [small] = await checkout(t, w, [[seragam, 444]]); // Rp199.800.000
    // What the order page tags "Perlu persetujuan PPK": already on the draft, kept until the PPK approves.
    const awaiting = async (id: string) => (await t.exec(`query($id: ID!) { order(id: $id) { awaitingPpkApproval } }`, { id }, { token: w.pp })).data.order.awaitingPpkApproval;
    expect([await awaiting(order.id), await awaiting(small.id)]).toEqual([true, false]);
    expect((await t.exec(SUBMIT, { id: order.id }, { token: w.pp })).data.submitOrder.requiresPpkApproval).toBe(true);
    expect(await awaiting(order.id)).toBe(true);
    expect(errorCode(await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token }))).toBe('CONFLICT');
    expect(errorCode(await t.exec(APPROVE, { id: order.id }, { token: w.ppkOther }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(APPROVE, { id: order.id }, { token: w.pp }))).toBe('FORBIDDEN');
    expect((await t.exec(APPROVE, { id: order.id }, { token: w.ppk })).data.approveOrder.status).toBe('APPROVED');
    expect(await awaiting(order.id)).toBe(false);
    expect((await t.exec(SUBMIT, { id: small.id }, { token: w.pp })).data.submitOrder.requiresPpkApproval).toBe(false);
    expect(await awaiting(small.id)).toBe(false);
    expect((await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token })).data.acceptOrder.status).toBe('ACCEPTED');
  });

  it('negotiation: the PP proposes, the vendor counters once, and the agreed price is what the order records', async () => {
    const snack = await w.product(w.vendorB, { name: 'Snack Box Rapat Nego', price: 20000, categoryId: w.snack });
    const [order] = await checkout(t, w, [[snack, 100]]);
    const line = order.lines[0].id;
    const PROPOSE = `mutation($id: ID!, $prices: [LinePriceInput!]!) { proposeOrderPrices(id: $id, prices: $prices) { negotiation total } }`;
    const RESPOND = `mutation($id: ID!, $accept: Boolean!, $counter: [LinePriceInput!]) { respondToOrderNegotiation(id: $id, accept: $accept, counter: $counter) { negotiation total lines { listUnitPrice proposedUnitPrice counterUnitPrice unitPrice lineTotal } } }`;

    // The vendor does not see a draft until a negotiation asks it something.
    expect(errorCode(await t.exec(`query($id: ID!) { order(id: $id) { id } }`, { id: order.id }, { token: w.vendorB.token }))).toBe('NOT_FOUND');
    expect(errorCode(await t.exec(PROPOSE, { id: order.id, prices: [{ lineId: line, unitPrice: 25000 }] }, { token: w.pp }))).toBe('BAD_USER_INPUT');
    expect((await t.exec(PROPOSE, { id: order.id, prices: [{ lineId: line, unitPrice: 16000 }] }, { token: w.pp })).data.proposeOrderPrices.negotiation).toBe('PROPOSED');
    expect(errorCode(await t.exec(SUBMIT, { id: order.id }, { token: w.pp }))).toBe('CONFLICT');

    expect(errorCode(await t.exec(RESPOND, { id: order.id, accept: false, counter: [{ lineId: line, unitPrice: 15000 }] }, { token: w.vendorB.token }))).toBe('BAD_USER_INPUT');
    const countered = await t.exec(RESPOND, { id: order.id, accept: false, counter: [{ lineId: line, unitPrice: 18000 }] }, { token: w.vendorB.token });
    expect(countered.data.respondToOrderNegotiation).toEqual({
      negotiation: 'COUNTERED',
      total: 1_800_000,
      lines: [{ listUnitPrice: 20000, proposedUnitPrice: 16000, counterUnitPrice: 18000, unitPrice: 18000, lineTotal: 1_800_000 }],
    });
    expect(errorCode(await t.exec(RESPOND, { id: order.id, accept: true }, { token: w.vendorB.token }))).toBe('CONFLICT'); // once only
    expect((await t.exec(SUBMIT, { id: order.id }, { token: w.pp })).data.submitOrder.total).toBe(1_800_000);
  });

  it('a partial receipt makes only what arrived payable, and the payment must match it', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Sebagian', price: 50000, stock: 100 });
    const [order] = await checkout(t, w, [[rice, 10]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token });
    await t.exec(SHIP, { id: order.id, deliveryReference: 'SJ-77' }, { token: w.vendorA.token });
    const over = await t.exec(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/1', bastDate: '2026-03-02', received: [{ lineId: order.lines[0].id, quantityReceived: 11 }] } }, { token: w.pp });
    expect(errorCode(over)).toBe('BAD_USER_INPUT');
    const partial = await t.exec(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/1', bastDate: '2026-03-02', received: [{ lineId: order.lines[0].id, quantityReceived: 7 }] } }, { token: w.pp });
    expect(partial.data.receiveOrder).toEqual(expect.objectContaining({ receivedAmount: 350000, lines: [expect.objectContaining({ quantity: 10, quantityReceived: 7 })] }));
    const wrong = await t.exec(PAY, { id: order.id, input: { method: 'TRANSFER', amount: 500000, paidOn: '2026-03-02' } }, { token: w.pp });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect((await t.em().findOneOrFail(Order, order.id)).status).toBe('RECEIVED');
  });

  it('each transition is allowed only to the right role and from the right state', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Aturan', price: 50000, stock: 100 });
    const [order] = await checkout(t, w, [[rice, 1]]);
    expect(errorCode(await t.exec(SUBMIT, { id: order.id }, { token: w.vendorA.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(SUBMIT, { id: order.id }, { token: w.bpbj }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(SUBMIT, { id: order.id }, { token: w.ppOther }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(SHIP, { id: order.id, deliveryReference: 'SJ-1' }, { token: w.vendorA.token }))).toBe('CONFLICT');
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    expect(errorCode(await t.exec(ACCEPT, { id: order.id }, { token: w.vendorB.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(REJECT, { id: order.id, reason: '' }, { token: w.vendorA.token }))).toBe('BAD_USER_INPUT');
    const rejected = await t.exec(REJECT, { id: order.id, reason: 'Stok gudang sedang kosong' }, { token: w.vendorA.token });
    expect(rejected.data.rejectOrder).toEqual(expect.objectContaining({ status: 'REJECTED', statusReason: 'Stok gudang sedang kosong' }));
    expect(errorCode(await t.exec(CANCEL, { id: order.id, reason: 'Tidak jadi membeli' }, { token: w.pp }))).toBe('CONFLICT');
  });

  it('the PP cancels before acceptance with a reason; after acceptance it cannot', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Batal', price: 50000, stock: 100 });
    const [first, second] = [...(await checkout(t, w, [[rice, 1]])), ...(await checkout(t, w, [[rice, 1]]))];
    await t.exec(SUBMIT, { id: first.id }, { token: w.pp });
    expect((await t.exec(CANCEL, { id: first.id, reason: 'Anggaran dialihkan' }, { token: w.pp })).data.cancelOrder.status).toBe('CANCELLED');
    await t.exec(SUBMIT, { id: second.id }, { token: w.pp });
    await t.exec(ACCEPT, { id: second.id }, { token: w.vendorA.token });
    expect(errorCode(await t.exec(CANCEL, { id: second.id, reason: 'Anggaran dialihkan' }, { token: w.pp }))).toBe('CONFLICT');
  });

  it('an acceptance that cannot take every line\'s stock rolls back whole', async () => {
    const plenty = await w.product(w.vendorA, { name: 'Beras Banyak', price: 50000, stock: 100 });
    const scarce = await w.product(w.vendorA, { name: 'Beras Langka', price: 50000, stock: 3 });
    const [order] = await checkout(t, w, [[plenty, 10], [scarce, 3]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    await t.em().nativeUpdate(Product, { id: scarce }, { stock: 1 });
    const result = await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0].message).toMatch(/Beras Langka/);
    const em = t.em();
    expect((await em.findOneOrFail(Product, plenty)).stock).toBe(100);
    expect((await em.findOneOrFail(Order, order.id)).status).toBe('SUBMITTED');
  });
});

describe('retries with an idempotency key', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it('createOrder retried with the same key returns the first orders and creates nothing more', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Idempoten', price: 50000, stock: 100 });
    await t.exec(SET_CART, { p: rice, q: 2 }, { token: w.pp });
    const input = { deliveryAddress: 'Dinkes Kota Batu', ppkId: w.ppkId, idempotencyKey: 'checkout-2026-03-02-0001' };
    const first = await t.exec(CREATE_ORDER, { input }, { token: w.pp });
    const again = await t.exec(CREATE_ORDER, { input }, { token: w.pp });
    expect(again.errors).toBeUndefined();
    expect(again.data.createOrder.orders.map((o: any) => o.id)).toEqual(first.data.createOrder.orders.map((o: any) => o.id));
    expect(await t.em().count(Order)).toBe(1);
  });

  it('a transition retried with the same key changes nothing the second time', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Diterima Dua Kali', price: 50000, stock: 100 });
    const [order] = await checkout(t, w, [[rice, 5]]);
    await t.exec(SUBMIT, { id: order.id, key: 'submit-0001-xyz' }, { token: w.pp });
    const again = await t.exec(SUBMIT, { id: order.id, key: 'submit-0001-xyz' }, { token: w.pp });
    expect(again.data.submitOrder.status).toBe('SUBMITTED');
    await t.exec(ACCEPT, { id: order.id, key: 'accept-0001-xyz' }, { token: w.vendorA.token });
    const acceptAgain = await t.exec(ACCEPT, { id: order.id, key: 'accept-0001-xyz' }, { token: w.vendorA.token });
    expect(acceptAgain.data.acceptOrder.status).toBe('ACCEPTED');
    expect((await t.em().findOneOrFail(Product, rice)).stock).toBe(95); // taken once
    const history = await t.exec(ORDER, { id: order.id }, { token: w.pp });
    expect(history.data.order.history.map((h: any) => h.action)).toEqual(['CREATED', 'SUBMITTED', 'ACCEPTED']);
    // Without a key the same retry is a plain state error.
    expect(errorCode(await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token }))).toBe('CONFLICT');
  });

  it('a key reused for another action is refused', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Kunci Ganda', price: 50000, stock: 100 });
    const [order] = await checkout(t, w, [[rice, 1]]);
    await t.exec(SUBMIT, { id: order.id, key: 'shared-key-0001' }, { token: w.pp });
    expect(errorCode(await t.exec(CANCEL, { id: order.id, reason: 'Salah pesan barang', key: 'shared-key-0001' }, { token: w.pp }))).toBe('CONFLICT');
    expect((await t.em().findOneOrFail(Order, order.id)).status).toBe('SUBMITTED');
  });
});

describe('who sees which orders', () => {
  let t: TestApp;
  let w: World;
  let orderId: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    const rice = await w.product(w.vendorA, { name: 'Beras Rahasia Dinkes', price: 50000, stock: 100 });
    [{ id: orderId }] = await checkout(t, w, [[rice, 1]]);
    await t.exec(SUBMIT, { id: orderId }, { token: w.pp });
  });
  afterAll(() => t.close());

  const ORDERS = `{ orders(first: 50) { totalCount edges { node { id opd { shortName } } } } }`;

  it('the PP and PPK of the OPD, the vendor and BPBJ of the Pemda see it', async () => {
    for (const token of [w.pp, w.ppk, w.vendorA.token, w.bpbj]) {
      expect((await t.exec(`query($id: ID!) { order(id: $id) { id } }`, { id: orderId }, { token })).data.order.id).toBe(orderId);
      expect((await t.exec(ORDERS, {}, { token })).data.orders.edges.map((e: any) => e.node.id)).toContain(orderId);
    }
  });

  it('an officer of another OPD, another vendor and BPBJ of another Pemda do not', async () => {
    for (const token of [w.ppOther, w.ppkOther, w.vendorB.token, w.bpbjBontang]) {
      expect(errorCode(await t.exec(`query($id: ID!) { order(id: $id) { id } }`, { id: orderId }, { token }))).toBe('NOT_FOUND');
      expect((await t.exec(ORDERS, {}, { token })).data.orders.totalCount).toBe(0);
    }
  });

  it('a page of orders with their history costs one query for every order\'s history, not one per order', async () => {
    const beans = await w.product(w.vendorA, { name: 'Kopi Riwayat Dinkes', price: 40000, stock: 100 });
    await checkout(t, w, [[beans, 1]]);
    const queriesFor = async (fields: string, filter: { status?: string[] } = {}) => {
      t.queries.length = 0;
      const page = await t.exec(`query($f: OrderFilterInput) { orders(first: 50, filter: $f) { edges { node { ${fields} } } } }`, { f: filter }, { token: w.pp });
      expect(page.data.orders.edges.length).toBeGreaterThanOrEqual(filter.status ? 1 : 2);
      return t.queries.length;
    };
    const withoutHistory = await queriesFor('id');
    expect(await queriesFor('id history { action }')).toBe(withoutHistory + 1);
    expect(await queriesFor('id awaitingPpkApproval')).toBe(withoutHistory + 1); // a draft among them: the Pemdas' thresholds, at once
    // Past submission the order's own flag decides: a page of submitted orders reads no threshold.
    const submitted = { status: ['SUBMITTED'] };
    expect(await queriesFor('id awaitingPpkApproval', submitted)).toBe(await queriesFor('id', submitted));
  });

  it('BPBJ reads but cannot act on an order', async () => {
    expect(errorCode(await t.exec(CANCEL, { id: orderId, reason: 'BPBJ ingin membatalkan' }, { token: w.bpbj }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(ACCEPT, { id: orderId }, { token: w.bpbj }))).toBe('FORBIDDEN');
  });

  it('dashboards count orders by status in the caller\'s scope', async () => {
    const counts = await t.exec(`{ orderCounts { status count total } }`, {}, { token: w.vendorA.token });
    expect(counts.data.orderCounts).toEqual([{ status: 'SUBMITTED', count: 1, total: 50000 }]);
    expect((await t.exec(`{ orderCounts { status count } }`, {}, { token: w.vendorB.token })).data.orderCounts).toEqual([]);
  });

  it('BPBJ exports the period with every step in Indonesian, as CSV, XLSX and PDF; another Pemda cannot', async () => {
    const EXPORT = `query($p: ID!, $f: ExportFormat!) { exportOrders(pemdaId: $p, from: "2026-03-01", to: "2026-03-31", format: $f) { filename base64 } }`;
    const csv = (await t.exec(EXPORT, { p: w.ids.batu, f: 'CSV' }, { token: w.bpbj })).data.exportOrders;
    expect(csv.filename).toBe('paket-2026-03-01-2026-03-31.csv');
    const [header, row] = csvLines(csv);
    expect(header.split(',').slice(0, 3)).toEqual(['Nomor Paket', 'Status', 'OPD']);
    expect(row).toContain('Beras Rahasia Dinkes');
    expect(row).toContain(',Diajukan,'); // SUBMITTED, as a person reads it
    expect(row).toContain('2026-03-02 10:00:00'); // Asia/Jakarta
    const sheet = (await xlsxBook((await t.exec(EXPORT, { p: w.ids.batu, f: 'XLSX' }, { token: w.bpbj })).data.exportOrders)).worksheets[0];
    const rows = sheetValues(sheet);
    expect(rows[0][0]).toBe('Daftar Paket E-Purchasing Katalog Lokal');
    expect(rows[2][0]).toBe('Periode: 1 Maret 2026 s.d. 31 Maret 2026 (tanggal paket dibuat)');
    expect(rows.find((r) => r[8] === 'Beras Rahasia Dinkes')?.[1]).toBe('Diajukan');
    const [pdf] = await pdfPages((await t.exec(EXPORT, { p: w.ids.batu, f: 'PDF' }, { token: w.bpbj })).data.exportOrders);
    expect(pdf).toContain('Beras Rahasia Dinkes');
    expect(pdf).toContain('Jumlah: 2 paket, 2 baris Rp90.000 Rp0 Rp90.000'); // Rp50.000 submitted and Rp40.000 in draft, no shipping
    expect(errorCode(await t.exec(EXPORT, { p: w.ids.batu, f: 'CSV' }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
    // A period that ends before it begins is a typing mistake, not an empty file.
    const backwards = `query($p: ID!) { exportOrders(pemdaId: $p, from: "2026-03-31", to: "2026-03-01", format: XLSX) { filename } }`;
    expect(errorCode(await t.exec(backwards, { p: w.ids.batu }, { token: w.bpbj }))).toBe('BAD_USER_INPUT');
  });

  it('the export reads the orders page by page: one order a page still lists every line once, in order', async () => {
    const ctx = await t.app.createContext({ authorization: `Bearer ${w.bpbj}`, clientIp: '127.0.0.1' });
    const lines = async (pageSize?: number) => csvLines(await t.app.services.orderQueries.export(ctx, w.ids.batu, '2026-01-01', '2026-12-31', ExportFormat.CSV, undefined, pageSize));
    const paged = await lines(1);
    const rows = paged.slice(1, -1);
    const [{ n }] = await t.em().getConnection().execute<{ n: number }[]>(
      `select count(*)::int as n from purchase_order_line l join purchase_order o on o.id = l.order_id where o.pemda_id = ?`, [w.ids.batu]);
    expect(rows).toHaveLength(n);
    const numbers = rows.map((r) => r.split(',')[0]);
    expect(new Set(numbers).size).toBeGreaterThanOrEqual(2); // so the keyset really turned a page
    expect(numbers).toEqual([...numbers].sort());
    expect(await lines()).toEqual(paged);
  });

  it("an officer's counts come in the order of the process, as the list's filters show them (not the column's alphabet)", async () => {
    const tea = await w.product(w.vendorA, { name: 'Teh Urutan Dinkes', price: 30000, stock: 100 });
    const [draft] = await checkout(t, w, [[tea, 1]]);
    expect((await t.exec(CANCEL, { id: draft.id, reason: 'Tidak jadi dibeli' }, { token: w.pp })).errors).toBeUndefined();
    const statuses = (await t.exec(`{ orderCounts { status } }`, {}, { token: w.pp })).data.orderCounts.map((c: any) => c.status);
    expect(statuses).toEqual(['DRAFT', 'SUBMITTED', 'CANCELLED']);
  });
});

describe('orders a vendor leaves unanswered expire after 3 working days', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date('2026-03-06T03:00:00Z'); // Friday 10:00 in Asia/Jakarta
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it('submitted Friday 10:00 WIB: still open Wednesday 09:59, cancelled "tidak direspons" at Wednesday 10:00', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Tak Dijawab', price: 50000, stock: 100 });
    const [order] = await checkout(t, w, [[rice, 1]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });

    t.clock.current = new Date('2026-03-11T02:59:00Z'); // Wednesday 09:59 WIB: Mon, Tue count; Sat, Sun do not
    expect(await expireUnansweredOrders(t.app.systemContext(), t.app.services.order)).toEqual([]);

    t.clock.current = new Date('2026-03-11T03:00:00Z');
    expect(await expireUnansweredOrders(t.app.systemContext(), t.app.services.order)).toEqual([order.id]);
    const view = await t.exec(ORDER, { id: order.id }, { token: await t.login('pp.dinkes@batukota.go.id') });
    expect(view.data.order.status).toBe('CANCELLED');
    expect(view.data.order.history.at(-1)).toEqual({ action: 'EXPIRED', fromStatus: 'SUBMITTED', toStatus: 'CANCELLED', actorRole: null, reason: 'tidak direspons' });
    // Running again changes nothing.
    expect(await expireUnansweredOrders(t.app.systemContext(), t.app.services.order)).toEqual([]);
  });
});
