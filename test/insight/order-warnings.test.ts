import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { UPDATE_PRODUCT } from '../support/catalogue.js';
import { ACCEPT, CANCEL, checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const RULE = `mutation($id: ID!, $limit: Int!, $days: Int!) { setRepeatVendorRule(id: $id, limit: $limit, windowDays: $days) { repeatVendorLimit repeatVendorWindowDays } }`;
const WARNINGS = `query($id: ID!) { order(id: $id) { warnings { code message productId } } }`;
const DAY = 86_400_000;

describe('warnings on an order before the vendor accepts it', () => {
  let t: TestApp;
  let w: World;
  let rice: string;
  let pricey: string;
  const warnings = async (id: string) => (await t.exec(WARNINGS, { id }, { token: w.pp })).data.order.warnings as { code: string; message: string; productId: string | null }[];
  const submitted = async (product: string) => {
    const [order] = await checkout(t, w, [[product, 1]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    return order.id as string;
  };

  beforeAll(async () => {
    // Sessions that outlast the test's twenty days.
    t = await createTestApp({ env: { TOKEN_TTL_SECONDS: String(30 * 24 * 3600) } });
    w = await purchasingWorld(t);
    // Five comparable rice products at Rp10.000-13.000 a kg, one of vendor A's among them, and one at Rp30.000.
    for (const [price, vendor] of [[10_000, w.vendorB], [11_000, w.vendorB], [12_000, w.vendorB], [13_000, w.vendorB]] as const) {
      await w.product(vendor, { name: `Beras ${price}`, price, unit: 'kg' });
    }
    rice = await w.product(w.vendorA, { name: 'Beras Pulen', price: 12_000, unit: 'kg', stock: 1000 });
    pricey = await w.product(w.vendorB, { name: 'Beras Mahal', price: 30_000, unit: 'kg' });
    // Kota Batu adopts Banyuwangi's rule: after 2 orders from one vendor in 30 days, the next should go elsewhere.
    expect((await t.exec(RULE, { id: w.ids.batu, limit: 2, days: 30 }, { token: w.bpbj })).data.setRepeatVendorRule).toEqual({ repeatVendorLimit: 2, repeatVendorWindowDays: 30 });
  }, 120_000);
  afterAll(() => t.close());

  it('the third order to one vendor within 30 days carries REPEAT_VENDOR; another vendor, or a cancelled order, does not count', async () => {
    const first = await submitted(rice);
    t.clock.advance(10 * DAY);
    const second = await submitted(rice);
    t.clock.advance(10 * DAY);
    const [third] = await checkout(t, w, [[rice, 1]]);
    expect((await warnings(third.id)).map((x) => x.code)).toEqual(['REPEAT_VENDOR']);
    expect((await warnings(third.id))[0].message).toContain('2 kali');
    expect(await warnings(first)).toEqual([]); // nothing before it
    const [other] = await checkout(t, w, [[pricey, 1]]);
    expect((await warnings(other.id)).map((x) => x.code)).not.toContain('REPEAT_VENDOR');

    await t.exec(CANCEL, { id: second, reason: 'Salah pilih barang' }, { token: w.pp });
    expect(await warnings(third.id)).toEqual([]);
    await t.exec(CANCEL, { id: third.id, reason: 'Tidak jadi dipesan' }, { token: w.pp });
    await t.exec(CANCEL, { id: other.id, reason: 'Tidak jadi dipesan' }, { token: w.pp });
    await t.exec(CANCEL, { id: first, reason: 'Tidak jadi dipesan' }, { token: w.pp });
  });

  it('flags a line far above similar products, and one more than 10% above what the Pemda agreed before', async () => {
    const [high] = await checkout(t, w, [[pricey, 1]]);
    expect(await warnings(high.id)).toEqual([{ code: 'PRICE_HIGH', message: expect.stringContaining('Rp30.000'), productId: pricey }]);

    const agreed = await submitted(rice);
    expect((await t.exec(ACCEPT, { id: agreed }, { token: w.vendorA.token })).errors).toBeUndefined(); // Rp12.000 agreed
    expect(await warnings(agreed)).toEqual([]); // accepted: the record, no longer a decision
    await t.exec(UPDATE_PRODUCT, { id: rice, input: { price: 13_500 } }, { token: w.vendorA.token });
    await t.exec(`mutation($id: ID!) { approveProduct(id: $id) { price } }`, { id: rice }, { token: w.bpbj });
    const [dearer] = await checkout(t, w, [[rice, 1]]);
    expect(await warnings(dearer.id)).toEqual([{ code: 'PRICE_ABOVE_EARLIER', message: expect.stringContaining('Rp12.000'), productId: rice }]);
  });

  it('costs at most four statements more for a page, however many orders it holds', async () => {
    const statements = async (fields: string, first: number) => {
      t.queries.length = 0;
      const result = await t.exec(`query($first: Int!) { orders(first: $first) { edges { node { ${fields} } } } }`, { first }, { token: w.pp });
      expect(result.errors).toBeUndefined();
      expect(result.data.orders.edges.length).toBe(Math.min(first, 7));
      return t.queries.length;
    };
    for (const first of [1, 20]) expect((await statements('id warnings { code }', first)) - (await statements('id', first))).toBeLessThanOrEqual(4);
  });

  it('the rule is BPBJ\'s to set, for its own Pemda, within bounds; a refusal writes nothing', async () => {
    for (const [token, vars, code] of [
      [w.pp, { id: w.ids.batu, limit: 5, days: 30 }, 'FORBIDDEN'],
      [w.bpbjBontang, { id: w.ids.batu, limit: 5, days: 30 }, 'FORBIDDEN'],
      [w.bpbj, { id: w.ids.batu, limit: -1, days: 30 }, 'BAD_USER_INPUT'],
      [w.bpbj, { id: w.ids.batu, limit: 3, days: 0 }, 'BAD_USER_INPUT'],
    ] as const) {
      expect(errorCode(await expectNothingWritten(t, () => t.exec(RULE, vars, { token })))).toBe(code);
    }
  });
});
