import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { sheetValues, xlsxBook } from '../support/files.js';
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

  it('is a column of the recap for its period (one statement for every OPD) and of the recap file', async () => {
    const RECAP = `query($p: ID!, $m: Int!) { spendRecap(pemdaId: $p, period: { year: 2026, month: $m }) { opds { opd { code } vendorConcentration { vendors topVendorShare topThreeShare hhi } } } }`;
    t.queries.length = 0;
    const march = (await t.exec(RECAP, { p: w.ids.batu, m: 3 }, { token: w.bpbj })).data.spendRecap.opds;
    expect(t.queries.filter((q) => /vendor_spend_rollup/.test(q))).toHaveLength(1);
    const byCode = new Map(march.map((o: any) => [o.opd.code, o.vendorConcentration]));
    expect(byCode.get('1.02.01')).toEqual({ vendors: 2, topVendorShare: 80, topThreeShare: 100, hhi: 6_800 });
    expect(byCode.get('1.01.01')).toBeNull();
    // February had no catalogue spend: nothing to concentrate.
    const february = (await t.exec(RECAP, { p: w.ids.batu, m: 2 }, { token: w.bpbj })).data.spendRecap.opds;
    expect(february.find((o: any) => o.opd.code === '1.02.01').vendorConcentration).toBeNull();

    const file = (await t.exec(`query($p: ID!) { exportSpendRecap(pemdaId: $p, year: 2026, format: XLSX) { filename base64 } }`, { p: w.ids.batu }, { token: w.bpbj })).data.exportSpendRecap;
    const rows = sheetValues((await xlsxBook(file)).worksheets[0]);
    const header = rows.findIndex((r) => r[0] === 'Peringkat');
    const hhi = rows[header].indexOf('HHI Penyedia');
    expect(rows[header][hhi - 1]).toBe('% Penyedia Terbesar (Katalog)');
    const dinkes = rows.find((r) => r[1] === '1.02.01')!;
    expect([dinkes[hhi - 1], dinkes[hhi]]).toEqual([80, 6_800]);
  });

  it('is for BPBJ of the Pemda', async () => {
    expect(errorCode(await t.exec(QUERY, { p: w.ids.batu }, { token: w.pp }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(QUERY, { p: w.ids.batu }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
  });
});
