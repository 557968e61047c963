import { AsnOrder, AsnPurchaseReport } from '../../server/asn/asn.entities.js';
import { Product } from '../../server/catalogue/product.entity.js';
import { categoryId, CREATE_PRODUCT, pemdaIds, productInput, publishedProduct, vendorAccount } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { photo } from '../support/images.js';
import { UploadKind } from '../../server/uploads/upload.entity.js';

const PLACE = `mutation($items: [AsnOrderItemInput!]!, $key: String) { placeAsnOrder(items: $items, idempotencyKey: $key) { id status total lines { productName quantity unitPrice lineTotal } buyerName vendor { id } } }`;
const COMPLETE = `mutation($id: ID!, $key: String) { completeAsnOrder(id: $id, idempotencyKey: $key) { id status completedAt } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelAsnOrder(id: $id, reason: $reason) { id status statusReason } }`;
const MY_REPORTS = `query { myAsnReports { month amount status receiptImageUrl asnOrderId basicNeeds } }`;
const MONTH = `query($prog: ID!, $m: String!) { asnMonthlyCompliance(programmeId: $prog, month: $m) { asn { nip } required counted status } }`;

// Valid NIPs (birth date, appointment month, gender digit).
const NIPS = { buyer: '198704152011032001', other: '199102202016011002' };

describe('ASN purchases made through the platform count on their own (Bontang, WITA)', () => {
  let t: TestApp;
  let bontang: string;
  let bpbj: string;
  let programme: string;
  let basicOnly: string;
  let buyer: string;
  let other: string;
  let vendor: { id: string; token: string };
  let rival: { id: string; token: string };
  let beras: string;
  let batik: string;
  let rivalProduct: string;

  const stock = async (id: string) => (await t.em().findOneOrFail(Product, id)).stock;
  const place = (token: string, items: { productId: string; quantity: number }[], key?: string) => t.exec(PLACE, { items, key }, { token });
  const counted = async (prog: string, nip: string) =>
    (await t.exec(MONTH, { prog, m: '2026-05' }, { token: bpbj })).data.asnMonthlyCompliance.find((r: any) => r.asn.nip === nip);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date('2026-05-15T03:00:00Z'); // 11:00 WITA
    bontang = (await pemdaIds(t)).bontang;
    bpbj = await t.login('bpbj@bontangkota.go.id');
    const create = async (input: Record<string, unknown>) =>
      (await t.exec(`mutation($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id } }`, { input: { pemdaId: bontang, startMonth: '2026-01', minimumRule: 'BY_GRADE', ...input } }, { token: bpbj })).data.createAsnProgramme.id;
    programme = await create({ name: 'Betah: Belanja Tiap Hari' });
    basicOnly = await create({ name: 'Belanja Kebutuhan Pokok', basicNeedsOnly: true });
    const imported = await t.exec(`mutation($p: ID!, $rows: [AsnRowInput!]) { importAsn(pemdaId: $p, rows: $rows) { applied } }`, {
      p: bontang,
      rows: [
        { nip: NIPS.buyer, name: 'Wulan Pembeli', opdCode: '1.02.01', grade: 'PELAKSANA' },
        { nip: NIPS.other, name: 'Yusuf Lain', opdCode: '1.02.01', grade: 'PELAKSANA' },
      ],
    }, { token: bpbj });
    expect(imported.data.importAsn.applied).toBe(true);
    const ids = await t.em().getConnection().execute<{ id: string; nip: string }[]>(`select id, nip from asn where nip in (?)`, [Object.values(NIPS)]);
    for (const [key, nip] of Object.entries(NIPS)) {
      await t.exec(`mutation($a: ID!, $e: String!) { createAsnAccount(asnId: $a, email: $e, password: "rahasia123") { role } }`, { a: ids.find((r) => r.nip === nip)!.id, e: `${key}.asn@bontangkota.go.id` }, { token: bpbj });
    }
    buyer = await t.signInFirstTime('buyer.asn@bontangkota.go.id', 'rahasia123', 'Belanja-Pasar-2026');
    other = await t.signInFirstTime('other.asn@bontangkota.go.id', 'rahasia123', 'Belanja-Pasar-2026');
    const local = { domicileRegionCode: '64.74', domicileRegionName: 'Kota Bontang' };
    vendor = await vendorAccount(t, bontang, bpbj, { ...local, businessName: 'UD Sembako Loktuan' });
    rival = await vendorAccount(t, bontang, bpbj, { ...local, businessName: 'CV Tenun Tanjung Laut' });
    beras = await publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, bontang, 'pangan-beras'), { name: 'Beras Lokal 5 kg', price: 30_000, stock: 10 }));
    batik = await publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, bontang, 'sandang-batik'), { name: 'Kain Batik Kuntul Perak', price: 120_000, stock: 4 }));
    rivalProduct = await publishedProduct(t, rival.token, bpbj, productInput(await categoryId(t, bontang, 'sandang-batik'), { name: 'Tenun Doyo', price: 250_000, stock: 2 }));
  });
  afterAll(() => t.close());

  it('the vendor completes an order, and it counts for the month with no report and no receipt photo', async () => {
    const placed = await place(buyer, [{ productId: beras, quantity: 2 }]);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeAsnOrder;
    expect(order).toEqual(expect.objectContaining({ status: 'PLACED', total: 60_000, buyerName: 'Wulan Pembeli', vendor: { id: vendor.id } }));
    expect(order.lines).toEqual([{ productName: 'Beras Lokal 5 kg', quantity: 2, unitPrice: 30_000, lineTotal: 60_000 }]);
    expect(await stock(beras)).toBe(8);
    // Placed is not bought: nothing counts until the vendor confirms the hand-over.
    expect(await counted(programme, NIPS.buyer)).toEqual(expect.objectContaining({ counted: 0, status: 'NOT_DUE' })); // the month is not over

    const done = await t.exec(COMPLETE, { id: order.id }, { token: vendor.token });
    expect(done.data.completeAsnOrder.status).toBe('COMPLETED');
    const reports = (await t.exec(MY_REPORTS, {}, { token: buyer })).data.myAsnReports;
    expect(reports).toEqual(expect.arrayContaining([{ month: '2026-05', amount: 60_000, status: 'COUNTED', receiptImageUrl: null, asnOrderId: order.id, basicNeeds: true }]));
    expect(await counted(programme, NIPS.buyer)).toEqual(expect.objectContaining({ required: 50_000, counted: 60_000, status: 'MET' }));
    expect(await counted(basicOnly, NIPS.buyer)).toEqual(expect.objectContaining({ counted: 60_000, status: 'MET' }));

    // Completing again changes nothing and adds no second report.
    expect(errorCode(await t.exec(COMPLETE, { id: order.id }, { token: vendor.token }))).toBe('CONFLICT');
    expect(await t.em().count(AsnPurchaseReport, { order: order.id })).toBe(2); // one per programme
  });

  it('where only basic needs count, a platform purchase of batik is recorded but does not count', async () => {
    const order = (await place(other, [{ productId: batik, quantity: 1 }])).data.placeAsnOrder;
    await t.exec(COMPLETE, { id: order.id }, { token: vendor.token });
    expect(await counted(basicOnly, NIPS.other)).toEqual(expect.objectContaining({ counted: 0, status: 'NOT_DUE' }));
    expect(await counted(programme, NIPS.other)).toEqual(expect.objectContaining({ counted: 120_000, status: 'MET' }));
  });

  it('a retried order with the same idempotency key is one order and takes stock once', async () => {
    const before = await stock(beras);
    const first = await place(buyer, [{ productId: beras, quantity: 1 }], 'asn-order-retry-0001');
    const again = await place(buyer, [{ productId: beras, quantity: 1 }], 'asn-order-retry-0001');
    expect(again.data.placeAsnOrder.id).toBe(first.data.placeAsnOrder.id);
    expect(await stock(beras)).toBe(before - 1);

    // A key belongs to one order: completing another order with it is refused, and that order stays as it was.
    const firstId = first.data.placeAsnOrder.id;
    expect((await t.exec(COMPLETE, { id: firstId, key: 'asn-complete-0001' }, { token: vendor.token })).data.completeAsnOrder.status).toBe('COMPLETED');
    const next = (await place(buyer, [{ productId: beras, quantity: 1 }])).data.placeAsnOrder;
    expect(errorCode(await t.exec(COMPLETE, { id: next.id, key: 'asn-complete-0001' }, { token: vendor.token }))).toBe('CONFLICT');
    expect((await t.em().findOneOrFail(AsnOrder, next.id)).status).toBe('PLACED');
  });

  it('concurrent buyers of the last pieces never oversell', async () => {
    const tenun = await publishedProduct(t, rival.token, bpbj, productInput(await categoryId(t, bontang, 'sandang-batik'), { name: 'Tenun Doyo Edisi Terbatas', price: 300_000, stock: 3 }));
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => place(i % 2 ? buyer : other, [{ productId: tenun, quantity: 1 }], `asn-order-race-${i}-000`)));
    expect(results.filter((r) => r.data?.placeAsnOrder).length).toBe(3);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(3);
    expect(await stock(tenun)).toBe(0);
  });

  it('a cancelled order gives the stock back and never counts', async () => {
    const before = await stock(beras);
    const order = (await place(buyer, [{ productId: beras, quantity: 3 }])).data.placeAsnOrder;
    expect(await stock(beras)).toBe(before - 3);
    const cancelled = await t.exec(CANCEL, { id: order.id, reason: 'Salah pilih ukuran' }, { token: buyer });
    expect(cancelled.data.cancelAsnOrder).toEqual({ id: order.id, status: 'CANCELLED', statusReason: 'Salah pilih ukuran' });
    expect(await stock(beras)).toBe(before);
    expect(errorCode(await t.exec(COMPLETE, { id: order.id }, { token: vendor.token }))).toBe('CONFLICT');
    expect(await t.em().count(AsnPurchaseReport, { order: order.id })).toBe(0);
  });

  it('refuses what is not theirs, and a refused request writes nothing', async () => {
    const order = (await place(buyer, [{ productId: beras, quantity: 1 }])).data.placeAsnOrder;
    const orders = await t.em().count(AsnOrder);
    const left = await stock(beras);
    const draft = (await t.exec(CREATE_PRODUCT, { input: productInput(await categoryId(t, bontang, 'pangan-beras'), { name: 'Beras Draf' }) }, { token: vendor.token })).data.createProduct.id;

    expect(errorCode(await t.exec(COMPLETE, { id: order.id }, { token: rival.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(CANCEL, { id: order.id, reason: 'Bukan pesanan saya' }, { token: other }))).toBe('FORBIDDEN');
    expect(errorCode(await place(bpbj, [{ productId: beras, quantity: 1 }]))).toBe('FORBIDDEN');
    expect(errorCode(await place(buyer, [{ productId: beras, quantity: 1 }, { productId: rivalProduct, quantity: 1 }]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await place(buyer, [{ productId: beras, quantity: 0 }]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await place(buyer, [{ productId: draft, quantity: 1 }]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await place(buyer, [{ productId: beras, quantity: 1_000 }]))).toBe('CONFLICT');
    expect(await t.em().count(AsnOrder)).toBe(orders);
    expect(await stock(beras)).toBe(left);

    // Each side sees only its own orders.
    const mine = (await t.exec(`query { asnOrders { id } }`, {}, { token: buyer })).data.asnOrders.map((o: any) => o.id);
    const theirs = (await t.exec(`query { asnOrders { id } }`, {}, { token: other })).data.asnOrders.map((o: any) => o.id);
    const rivals = (await t.exec(`query { asnOrders { id } }`, {}, { token: rival.token })).data.asnOrders.map((o: any) => o.id);
    expect(mine).toContain(order.id);
    expect(theirs).not.toContain(order.id);
    expect(rivals).not.toContain(order.id);
  });

  it('reporting by hand a purchase the platform already recorded is refused with CONFLICT', async () => {
    const order = (await place(other, [{ productId: beras, quantity: 1 }])).data.placeAsnOrder;
    await t.exec(COMPLETE, { id: order.id }, { token: vendor.token });
    const byHand = await t.exec(
      `mutation($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id } }`,
      { input: { programmeId: programme, vendorId: vendor.id, purchasedOn: '2026-05-15', amount: 30_000, items: 'Beras lokal', basicNeeds: true, receiptUploadId: await t.upload(UploadKind.RECEIPT, await photo('struk-b'), other) } },
      { token: other },
    );
    expect(errorCode(byHand)).toBe('CONFLICT');
  });
});
