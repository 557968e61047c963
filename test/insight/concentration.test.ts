import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { checkout, purchasingWorld, receiveOrder, SUBMIT, type World } from '../support/purchasing.js';

describe('vendor concentration per OPD', () => {
  let t: TestApp;
  let w: World;
  const QUERY = `query($p: ID!) { vendorConcentration(pemdaId: $p, year: 2026) { opdCode catalogueSpend vendors topVendorName topVendorShare topThreeShare hhi } }`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    const a = await w.product(w.vendorA, { name: 'Beras A', price: 200_000 });
    const b = await w.product(w.vendorB, { name: 'Beras B', price: 100_000 });
    const received = async (product: string, quantity: number, vendor: string) => {
      const [order] = await checkout(t, w, [[product, quantity]]);
      await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor }, order.id, '2026-03-02');
    };
    await received(a, 3, w.vendorA.token); // Rp600.000
    await received(a, 1, w.vendorA.token); // Rp200.000
    await received(b, 2, w.vendorB.token); // Rp200.000
    const [waiting] = await checkout(t, w, [[b, 5]]); // Rp500.000 submitted, never received: not spend
    await t.exec(SUBMIT, { id: waiting.id }, { token: w.pp });
  }, 120_000);
  afterAll(() => t.close());

  it('Rp800.000 to one vendor and Rp200.000 to another: 80% and an HHI of 80^2 + 20^2 = 6.800', async () => {
    const rows = (await t.exec(QUERY, { p: w.ids.batu }, { token: w.bpbj })).data.vendorConcentration;
    expect(rows).toEqual([{ opdCode: '1.02.01', catalogueSpend: 1_000_000, vendors: 2, topVendorName: expect.stringContaining('UMKM'), topVendorShare: 80, topThreeShare: 100, hhi: 6_800 }]);
  });

  it('is for BPBJ of the Pemda', async () => {
    expect(errorCode(await t.exec(QUERY, { p: w.ids.batu }, { token: w.pp }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(QUERY, { p: w.ids.batu }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
  });
});
