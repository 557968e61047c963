import { Order } from '../../server/purchasing/order.entity.js';
import { anotherProcess, createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { ACCEPT, CREATE_ORDER, checkout, purchasingWorld, RECEIVE, SET_CART, SET_SHIPPING, SHIP, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

/**
 * Procurement integrity: no amount, date or classification that the party who profits can bend. Each refusal is
 * proven to write nothing (every table compared before and after).
 */
describe('no amount or date a party can bend in its own favour', () => {
  let t: TestApp;
  let w: World;
  let rice: string;

  const run = async (query: string, vars: Record<string, unknown>, token: string) => {
    const result = await t.exec(query, vars, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };

  beforeAll(async () => {
    // One signing secret, so a second server process (a restart) accepts the same tokens.
    t = await createTestApp({ env: { JWT_SECRET: 'integrity tests sign with one secret'.padEnd(40, '.') } });
    w = await purchasingWorld(t);
    rice = await w.product(w.vendorA, { name: 'Beras Organik Tulungrejo 5 kg', price: 10000, stock: 1000, unit: 'karung' });
  });
  afterAll(() => t.close());

  it('the vendor cannot add shipping after submission: a Rp10.000 order stays Rp10.000 and below the PPK line', async () => {
    const [order] = await checkout(t, w, [[rice, 1]]);
    expect((await run(SUBMIT, { id: order.id }, w.pp)).submitOrder).toEqual(expect.objectContaining({ total: 10000, requiresPpkApproval: false }));
    const bypass = await expectNothingWritten(t, () => t.exec(ACCEPT, { id: order.id, shippingCost: 2147483647 }, { token: w.vendorA.token }));
    expect(errorCode(bypass)).toBe('BAD_USER_INPUT');
    expect(bypass.errors![0].message).toBe('Ongkos kirim tidak boleh melebihi yang disepakati saat pengajuan: Rp0.');
    // Written into the query instead of passed as a variable, an amount past 2^53 is the same BAD_USER_INPUT (it was a
    // GraphQL validation error with another code).
    const literal = await t.exec(`mutation { acceptOrder(id: "${order.id}", shippingCost: "9007199254740993") { total } }`, {}, { token: w.vendorA.token });
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
    const accepted = (await run(ACCEPT, { id: order.id }, w.vendorA.token)).acceptOrder;
    expect(accepted).toEqual(expect.objectContaining({ status: 'ACCEPTED', shippingCost: 0, total: 10000 }));
  });

  it('shipping is agreed on the draft, as Rupiah beyond 2^31, and the PPK threshold sees the final total', async () => {
    const [order] = await checkout(t, w, [[rice, 1]]);
    // Rp3.000.000.000 does not fit GraphQL's Int; the Rupiah scalar carries it.
    const set = (await run(SET_SHIPPING, { id: order.id, shippingCost: 3_000_000_000 }, w.pp)).setOrderShippingCost;
    expect(set).toEqual(expect.objectContaining({ shippingCost: 3_000_000_000, total: 3_000_010_000 }));
    expect((await run(SUBMIT, { id: order.id }, w.pp)).submitOrder.requiresPpkApproval).toBe(true);
    // After submission the shipping cannot be set again, by anyone.
    expect(errorCode(await expectNothingWritten(t, () => t.exec(SET_SHIPPING, { id: order.id, shippingCost: 1 }, { token: w.pp })))).toBe('CONFLICT');
  });

  it('a vendor may waive part of the agreed shipping at acceptance, never raise it', async () => {
    const [order] = await checkout(t, w, [[rice, 2]]);
    await run(SET_SHIPPING, { id: order.id, shippingCost: 30000 }, w.pp);
    await run(SUBMIT, { id: order.id }, w.pp);
    expect(errorCode(await t.exec(ACCEPT, { id: order.id, shippingCost: 30001 }, { token: w.vendorA.token }))).toBe('BAD_USER_INPUT');
    expect((await run(ACCEPT, { id: order.id, shippingCost: 20000 }, w.vendorA.token)).acceptOrder).toEqual(expect.objectContaining({ shippingCost: 20000, total: 40000 }));
  });

  it('a checkout whose total would pass 2^53 - 1 rupiah is refused and writes nothing: no order, no audit, the cart kept', async () => {
    const dear = await w.product(w.vendorB, { name: 'Gamelan Perunggu Lengkap', price: 9_007_199_254_740_991, stock: 5, unit: 'set' });
    await run(SET_CART, { p: dear, q: 2 }, w.pp);
    const refused = await expectNothingWritten(t, () =>
      t.exec(CREATE_ORDER, { input: { deliveryAddress: 'Dinas Kesehatan Kota Batu, Jl. Panglima Sudirman 507', ppkId: w.ppkId } }, { token: w.pp }),
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/melebihi Rp9\.007\.199\.254\.740\.991/);
    // The OPD's order lists still answer.
    expect((await t.exec(`{ orders(first: 5) { edges { node { total } } } orderCounts { status count } }`, {}, { token: w.pp })).errors).toBeUndefined();
    await run(SET_CART, { p: dear, q: 0 }, w.pp);
  });

  it('ten parallel checkouts of one cart make one set of orders; the others are told the cart is gone', async () => {
    await run(SET_CART, { p: rice, q: 3 }, w.pp);
    const before = await t.em().count(Order, {});
    const input = { deliveryAddress: 'Dinas Kesehatan Kota Batu, Jl. Panglima Sudirman 507', ppkId: w.ppkId };
    const results = await Promise.all(Array.from({ length: 10 }, () => t.exec(CREATE_ORDER, { input }, { token: w.pp })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    // CONFLICT when it waited on the first one's lock (PostgreSQL server); BAD_USER_INPUT when it started after (PGlite runs one at a time).
    for (const r of results.filter((x) => x.errors)) expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(errorCode(r));
    expect(await t.em().count(Order, {})).toBe(before + 1);
  });

  it('a BAST is dated between the shipping day and today, never 1900 or year 0', async () => {
    const [order] = await checkout(t, w, [[rice, 1]]);
    await run(SUBMIT, { id: order.id }, w.pp);
    await run(ACCEPT, { id: order.id }, w.vendorA.token);
    await run(SHIP, { id: order.id, deliveryReference: 'SJ-77' }, w.vendorA.token);
    // The test clock is 2026-03-02 10:00 in Kota Batu: shipped today.
    for (const bastDate of ['1900-01-01', '0000-01-01', '2026-03-01', '2026-03-03', '2026-02-30']) {
      const refused = await expectNothingWritten(t, () => t.exec(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/077', bastDate } }, { token: w.pp }));
      expect({ bastDate, code: errorCode(refused) }).toEqual({ bastDate, code: 'BAD_USER_INPUT' });
    }
    expect((await run(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/077', bastDate: '2026-03-02' } }, w.pp)).receiveOrder.status).toBe('RECEIVED');
  });

  it('the UMK-K target cannot go below the legal 40% (Perpres 12/2021 Pasal 65)', async () => {
    const SET = `mutation($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { localSpendTargetPercent } }`;
    const low = await expectNothingWritten(t, () => t.exec(SET, { id: w.ids.batu, input: { localSpendTargetPercent: 0.5 } }, { token: w.bpbj }));
    expect(errorCode(low)).toBe('BAD_USER_INPUT');
    expect(low.errors![0].message).toMatch(/Perpres 12\/2021 Pasal 65/);
    expect((await run(SET, { id: w.ids.batu, input: { localSpendTargetPercent: 45 } }, w.bpbj)).updatePemdaTargets.localSpendTargetPercent).toBe(45);
  });

  it('text inputs carry no NUL byte and stay within a length limit, checked before anything runs', async () => {
    const input = (deliveryAddress: string) => ({ input: { deliveryAddress, ppkId: w.ppkId } });
    const huge = await expectNothingWritten(t, () => t.exec(CREATE_ORDER, input('Jl. '.repeat(250_000)), { token: w.pp }));
    expect(errorCode(huge)).toBe('BAD_USER_INPUT');
    expect(huge.errors![0].message).toBe('Isian "deliveryAddress" paling banyak 500 karakter (diterima 1.000.000).');
    const nul = await expectNothingWritten(t, () => t.exec(CREATE_ORDER, input('Dinas Kesehatan\u0000; drop table'), { token: w.pp }));
    expect(nul.errors![0].extensions!.fields).toEqual([{ field: 'deliveryAddress', message: 'Isian "deliveryAddress" memuat karakter NUL yang tidak diizinkan.' }]);
    // Written into the document rather than passed as a variable: the same rule.
    const literal = await t.exec(`mutation { cancelOrder(id: "00000000-0000-4000-8000-000000000000", reason: "${'x'.repeat(1001)}") { id } }`, {}, { token: w.pp });
    expect(literal.errors![0].message).toBe('Isian "reason" paling banyak 1.000 karakter (diterima 1.001).');
  });

  it('a product in an order still in progress cannot be deleted (CONFLICT naming the order); once the order ends it is archived', async () => {
    const DELETE = `mutation($id: ID!) { deleteProduct(id: $id) }`;
    const jar = await w.product(w.vendorA, { name: 'Madu Hutan Bumiaji 500 ml', price: 60000, stock: 10, unit: 'botol' });
    const [order] = await checkout(t, w, [[jar, 1]]);
    const refused = await expectNothingWritten(t, () => t.exec(DELETE, { id: jar }, { token: w.vendorA.token }));
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain(order.code);
    await run(`mutation($id: ID!) { cancelOrder(id: $id, reason: "Tidak jadi dibeli") { status } }`, { id: order.id }, w.pp);
    expect((await run(DELETE, { id: jar }, w.vendorA.token)).deleteProduct).toBe('ARCHIVED');
  });

  it('a retry with the same key answers with the first response, after the order moved on and after a restart', async () => {
    const [order] = await checkout(t, w, [[rice, 1]]);
    const first = (await t.exec(SUBMIT, { id: order.id, key: 'submit-retry-0001' }, { token: w.pp })).data.submitOrder;
    expect(first).toEqual(expect.objectContaining({ status: 'SUBMITTED', total: 10000 }));
    await run(ACCEPT, { id: order.id }, w.vendorA.token);
    const restarted = await anotherProcess(t);
    try {
      const retry = await expectNothingWritten(t, () => restarted.exec(SUBMIT, { id: order.id, key: 'submit-retry-0001' }, { token: w.pp }));
      expect(retry.errors).toBeUndefined();
      expect(retry.data.submitOrder).toEqual(first);
      // Without the key, the order says where it is now.
      expect((await t.exec(`query($id: ID!) { order(id: $id) { status } }`, { id: order.id }, { token: w.pp })).data.order.status).toBe('ACCEPTED');
    } finally {
      await restarted.close();
    }
  });

  it('a product name written as a formula reaches BPBJ\'s orders CSV as text', async () => {
    const trap = await w.product(w.vendorA, { name: '=HYPERLINK("http://evil.example","Klik")', price: 5000, stock: 10, unit: 'buah' });
    const [order] = await checkout(t, w, [[trap, 1]]);
    await run(SUBMIT, { id: order.id }, w.pp);
    const file = (await t.exec(`query($p: ID!) { exportOrders(pemdaId: $p, from: "2026-03-01", to: "2026-03-31", format: CSV) { base64 } }`, { p: w.ids.batu }, { token: w.bpbj })).data.exportOrders;
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Klik"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
