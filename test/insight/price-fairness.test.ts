import { aboveEarlier, verdictOf } from '../../server/insight/price-fairness.js';
import { createTestApp, type TestApp } from '../support/harness.js';
import { ACCEPT, checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { UPDATE_PRODUCT } from '../support/catalogue.js';

describe('the price rule, by hand', () => {
  it.each([
    // Five at 10.000-13.000: median 12.000, MAD 1.000; HIGH above 1,5 x 12.000 = 18.000 (the MAD line is 16.447,8).
    [[10_000, 11_000, 12_000, 12_000, 13_000], 18_000, 'FAIR', 12_000, 1_000],
    [[10_000, 11_000, 12_000, 12_000, 13_000], 18_001, 'HIGH', 12_000, 1_000],
    // All equal: MAD 0, so the 1,5 x median line decides: above 15.000.
    [[10_000, 10_000, 10_000, 10_000, 10_000], 15_000, 'FAIR', 10_000, 0],
    [[10_000, 10_000, 10_000, 10_000, 10_000], 15_001, 'HIGH', 10_000, 0],
    // Spread wide: median 10.000, MAD 9.000; the line is 10.000 + 3 x 1,4826 x 9.000 = 50.030,2.
    [[1_000, 5_000, 10_000, 20_000, 40_000], 50_030, 'FAIR', 10_000, 9_000],
    [[1_000, 5_000, 10_000, 20_000, 40_000], 50_031, 'HIGH', 10_000, 9_000],
    // Six: median 13.500, MAD 3.000; the line is 13.500 + 13.343,4 = 26.843,4.
    [[10_000, 11_000, 13_000, 14_000, 20_000, 30_000], 26_843, 'FAIR', 13_500, 3_000],
    [[10_000, 11_000, 13_000, 14_000, 20_000, 30_000], 26_844, 'HIGH', 13_500, 3_000],
  ])('%j at %d is %s (median %d, MAD %d)', (prices, price, verdict, median, mad) => {
    expect(verdictOf(price as number, prices as number[])).toEqual({ verdict, median, mad, comparedWith: (prices as number[]).length });
  });

  it('four comparable products give no verdict', () => {
    expect(verdictOf(99_000, [1, 2, 3, 4])).toEqual({ verdict: 'NOT_ENOUGH_DATA', median: null, mad: null, comparedWith: 4 });
  });
});

describe('a product\'s price check, as BPBJ and a PP read it', () => {
  let t: TestApp;
  let w: World;
  const CHECK = `query($id: ID!) { product(id: $id) { priceCheck { verdict median mad comparedWith explanation comparison { name price } } } }`;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    for (const [name, price, vendor] of [['Beras 1', 10_000, w.vendorA], ['Beras 2', 11_000, w.vendorB], ['Beras 3', 12_000, w.vendorA], ['Beras 4', 12_000, w.vendorB], ['Beras 5', 13_000, w.vendorA], ['Beras Mahal', 30_000, w.vendorB]] as const) {
      ids[name] = await w.product(vendor, { name, price, unit: 'kg', categoryId: w.beras });
    }
    ids.karung = await w.product(w.vendorA, { name: 'Beras Sekarung', price: 250_000, unit: 'karung', categoryId: w.beras });
  }, 120_000);
  afterAll(() => t.close());

  it('Rp30.000 a kg against five at Rp10.000-13.000 is HIGH, with the set shown cheapest first', async () => {
    const check = (await t.exec(CHECK, { id: ids['Beras Mahal'] }, { token: w.bpbj })).data.product.priceCheck;
    expect(check).toMatchObject({ verdict: 'HIGH', median: 12_000, mad: 1_000, comparedWith: 5 });
    expect(check.comparison.map((c: any) => c.price)).toEqual([10_000, 11_000, 12_000, 12_000, 13_000]);
    expect(check.explanation).toContain('Rp30.000');
  });

  it('Rp12.000 among them is FAIR (the expensive one is in its set, and moves the median nowhere)', async () => {
    const check = (await t.exec(CHECK, { id: ids['Beras 3'] }, { token: w.pp })).data.product.priceCheck;
    expect(check).toMatchObject({ verdict: 'FAIR', median: 12_000, comparedWith: 5 });
  });

  it('another unit is another market: a sack has nothing to compare with', async () => {
    const check = (await t.exec(CHECK, { id: ids.karung }, { token: w.pp })).data.product.priceCheck;
    expect(check).toMatchObject({ verdict: 'NOT_ENOUGH_DATA', comparedWith: 0, median: null });
  });

  it("a rise of more than 10% over what the Pemda already agreed for the same product is flagged, in curation and not before", async () => {
    const [order] = await checkout(t, w, [[ids['Beras 3'], 2]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    expect((await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token })).errors).toBeUndefined(); // agreed at Rp12.000
    const raise = (price: number) => t.exec(UPDATE_PRODUCT, { id: ids['Beras 3'], input: { price } }, { token: w.vendorA.token });
    const checks = async () => (await t.exec(`query($id: ID!) { product(id: $id) {
      live: priceCheck { checkedPrice earlierAgreedPrice aboveEarlierPrice }
      proposed: priceCheck(proposed: true) { checkedPrice earlierAgreedPrice aboveEarlierPrice explanation } } }`, { id: ids['Beras 3'] }, { token: w.bpbj })).data.product;

    expect((await raise(13_200)).data.updateProduct.pendingRevision.price).toBe(13_200); // exactly 10% more: not flagged
    expect((await checks()).proposed).toMatchObject({ checkedPrice: 13_200, earlierAgreedPrice: 12_000, aboveEarlierPrice: false });
    await raise(13_201);
    const { live, proposed } = await checks();
    expect(proposed).toMatchObject({ checkedPrice: 13_201, earlierAgreedPrice: 12_000, aboveEarlierPrice: true });
    expect(proposed.explanation).toContain('Rp12.000');
    // Buyers still pay the live price until BPBJ approves: their warning is about that one.
    expect(live).toEqual({ checkedPrice: 12_000, earlierAgreedPrice: 12_000, aboveEarlierPrice: false });
  });

  it('a revision to another unit is checked in that unit\'s market, without its own live listing; the live one in its own, without itself', async () => {
    const CHECKS = `query($id: ID!) { product(id: $id) { live: priceCheck { comparedWith median comparison { name } } proposed: priceCheck(proposed: true) { checkedPrice comparedWith comparison { name } } } }`;
    const [kg, sack] = [ids['Beras 4'], ids.karung];
    expect((await t.exec(UPDATE_PRODUCT, { id: kg, input: { unit: 'karung', price: 240_000 } }, { token: w.vendorB.token })).errors).toBeUndefined();
    const checked = (await t.exec(CHECKS, { id: kg }, { token: w.bpbj })).data.product;
    // The sack market holds one product, the sack; the kilo market holds the other five of the six at Rp10.000-30.000.
    expect(checked.proposed).toEqual({ checkedPrice: 240_000, comparedWith: 1, comparison: [{ name: 'Beras Sekarung' }] });
    expect(checked.live.comparedWith).toBe(5);
    expect(checked.live.comparison.map((c: any) => c.name)).not.toContain('Beras 4');
    expect((await t.exec(CHECKS, { id: sack }, { token: w.bpbj })).data.product.live.comparedWith).toBe(0);
  });
});

describe('above the earlier agreed price, by hand', () => {
  it.each([[13_200, 12_000, false], [13_201, 12_000, true], [50_000, null, false]])('%d against %p: %s', (price, earlier, flagged) => {
    expect(aboveEarlier(price as number, earlier as number | null)).toBe(flagged);
  });
});
