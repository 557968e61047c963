import { Product } from '../../server/catalogue/product.entity.js';
import { Order } from '../../server/purchasing/order.entity.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { ACCEPT, checkout, CREATE_ORDER, purchasingWorld, SET_CART, SUBMIT, type World } from '../support/purchasing.js';

// On the server PostgreSQL these run truly in parallel over a connection pool; on PGlite they serialize
// through its single connection. The rules must hold either way.
describe('concurrent buyers never oversell', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it('50 concurrent acceptances against a stock of 10: exactly 10 units leave, 40 get CONFLICT, stock never negative', async () => {
    const apel = await w.product(w.vendorA, { name: 'Keripik Apel Edisi Terbatas', price: 25000, stock: 10, minOrderQuantity: 1 });
    const orders: string[] = [];
    for (let i = 0; i < 50; i++) {
      const [order] = await checkout(t, w, [[apel, 1]]);
      await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
      orders.push(order.id);
    }
    // On the embedded database the fifty queue for its one connection, several seconds on a busy machine: each waits
    // its turn (DATABASE_WAIT_TIMEOUT_MS) rather than being refused as busy.
    const results = await Promise.all(orders.map((id) => t.exec(ACCEPT, { id }, { token: w.vendorA.token })));
    const accepted = results.filter((r) => r.data?.acceptOrder?.status === 'ACCEPTED');
    const refused = results.filter((r) => errorCode(r) === 'CONFLICT');
    // Any other ending is named, so a failure says what the other requests got.
    const otherwise = results.filter((r) => !accepted.includes(r) && !refused.includes(r)).map((r) => r.errors?.[0] ?? r.data);
    expect(otherwise).toEqual([]);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    expect(refused[0].errors![0].message).toMatch(/Stok "Keripik Apel Edisi Terbatas" tidak mencukupi/);
    expect((await t.em().findOneOrFail(Product, apel)).stock).toBe(0);
    expect(await t.em().count(Order, { status: 'ACCEPTED' as never })).toBe(10);
    expect(await t.em().count(Order, { status: 'SUBMITTED' as never, id: { $in: orders } })).toBe(40);
  });

  it('the same order accepted twice at once is accepted once', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Balapan', price: 50000, stock: 100 });
    const [order] = await checkout(t, w, [[rice, 7]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    const results = await Promise.all([1, 2, 3].map(() => t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token })));
    expect(results.filter((r) => r.data?.acceptOrder).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(2);
    expect((await t.em().findOneOrFail(Product, rice)).stock).toBe(93);
  });

  it('a checkout retried concurrently with one idempotency key creates one set of orders', async () => {
    const rice = await w.product(w.vendorA, { name: 'Beras Kirim Ulang', price: 50000, stock: 100 });
    await t.exec(SET_CART, { p: rice, q: 2 }, { token: w.pp });
    const before = await t.em().count(Order);
    const input = { deliveryAddress: 'Dinkes Kota Batu', ppkId: w.ppkId, idempotencyKey: 'retry-storm-0001' };
    const results = await Promise.all([1, 2, 3, 4].map(() => t.exec(CREATE_ORDER, { input }, { token: w.pp })));
    const ids = results.map((r) => r.data?.createOrder?.orders.map((o: any) => o.id).join(','));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(new Set(ids).size).toBe(1);
    expect(await t.em().count(Order)).toBe(before + 1);
  });
});
