import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { CANCEL, checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { scanYear } from '../../server/insight/split-orders.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';

const FLAGS = `query($p: ID!, $t: Rupiah) { splitOrderFlags(pemdaId: $p, year: 2026, threshold: $t) { opdCode basis keyName from to total threshold orders { code submittedOn amount } } }`;

/** Hand-made cases against a Rp1.000.000 line: just over, just under, two vendors, the window's edges in WIB. */
describe('split orders (pemecahan paket)', () => {
  let t: TestApp;
  let w: World;
  let product: Record<string, string>;
  const submitAt = async (instant: string, item: string, quantity = 1) => {
    t.clock.current = new Date(instant);
    w.pp = await t.login('pp.dinkes@batukota.go.id');
    const [order] = await checkout(t, w, [[product[item], quantity]]);
    const submitted = await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
    return order.code as string;
  };
  let flags: any[];
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date('2026-03-01T03:00:00Z');
    w = await purchasingWorld(t);
    product = {
      riceA: await w.product(w.vendorA, { name: 'Beras A 600rb', price: 600_000, categoryId: w.beras }),
      riceA5: await w.product(w.vendorA, { name: 'Beras A 500rb', price: 500_000, categoryId: w.beras }),
      riceB: await w.product(w.vendorB, { name: 'Beras B 500rb', price: 500_000, categoryId: w.beras }),
      snackB: await w.product(w.vendorB, { name: 'Snack B 500rb', price: 500_000, categoryId: w.snack }),
      snackB9: await w.product(w.vendorB, { name: 'Snack B 499.999', price: 499_999, categoryId: w.snack }),
      big: await w.product(w.vendorA, { name: 'Beras A 1,2 jt', price: 1_200_000, categoryId: w.beras }),
      small: await w.product(w.vendorA, { name: 'Beras A 100rb', price: 100_000, categoryId: w.beras }),
    };
    codes.marchA = await submitAt('2026-03-02T03:00:00Z', 'riceA'); // Rp600.000
    codes.marchB = await submitAt('2026-03-06T03:00:00Z', 'riceA5'); // Rp500.000, four days later: Rp1.100.000
    codes.under1 = await submitAt('2026-03-16T03:00:00Z', 'snackB'); // Rp500.000
    codes.under2 = await submitAt('2026-03-17T03:00:00Z', 'snackB9'); // Rp499.999: together Rp999.999, not over
    codes.edge1 = await submitAt('2026-04-01T03:00:00Z', 'riceA');
    codes.edge2 = await submitAt('2026-04-14T03:00:00Z', 'riceA5'); // 13 days later: inside a 14-day window
    codes.out1 = await submitAt('2026-05-01T03:00:00Z', 'riceA');
    codes.out2 = await submitAt('2026-05-15T03:00:00Z', 'riceA5'); // 14 days later: outside
    codes.twoVendors1 = await submitAt('2026-06-01T03:00:00Z', 'riceA');
    codes.twoVendors2 = await submitAt('2026-06-03T03:00:00Z', 'riceB'); // another vendor, the same leaf category
    codes.zone1 = await submitAt('2026-07-01T03:00:00Z', 'riceA');
    codes.zone2 = await submitAt('2026-07-14T17:30:00Z', 'riceA5'); // 00.30 WIB on 15 July: 14 local days, outside
    codes.big = await submitAt('2026-08-03T03:00:00Z', 'big'); // above the line alone: it went to the PPK
    codes.small = await submitAt('2026-08-04T03:00:00Z', 'small');
    t.clock.current = new Date('2026-12-01T03:00:00Z');
    const answer = await t.exec(FLAGS, { p: w.ids.batu, t: 1_000_000 }, { token: await t.login('bpbj@batukota.go.id') });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    flags = answer.data.splitOrderFlags;
  }, 120_000);
  afterAll(() => t.close());

  const flagged = (basis: string, ...members: string[]) => flags.find((f) => f.basis === basis && f.orders.map((o: any) => o.code).join() === members.join());
  const anyWith = (code: string) => flags.filter((f) => f.orders.some((o: any) => o.code === code));

  it('Rp600.000 and Rp500.000 to one vendor four days apart pass Rp1.000.000: flagged, with the orders and their dates', () => {
    expect(flagged('VENDOR', codes.marchA, codes.marchB)).toEqual({
      opdCode: '1.02.01', basis: 'VENDOR', keyName: expect.stringContaining('UMKM'), from: '2026-03-02', to: '2026-03-06', total: 1_100_000, threshold: 1_000_000,
      orders: [{ code: codes.marchA, submittedOn: '2026-03-02', amount: 600_000 }, { code: codes.marchB, submittedOn: '2026-03-06', amount: 500_000 }],
    });
    expect(flagged('CATEGORY', codes.marchA, codes.marchB)).toMatchObject({ keyName: expect.any(String), total: 1_100_000 });
  });

  it('Rp999.999 together is not over the line', () => {
    expect(anyWith(codes.under1)).toEqual([]);
    expect(anyWith(codes.under2)).toEqual([]);
  });

  it('13 days apart is inside the 14-day window; 14 days apart is not, counted in WIB dates', () => {
    expect(flagged('VENDOR', codes.edge1, codes.edge2)).toMatchObject({ from: '2026-04-01', to: '2026-04-14' });
    expect(anyWith(codes.out1)).toEqual([]);
    // 17.30 UTC on 14 July is already 15 July in Batu: 14 local days, so no flag (by UTC dates it would be 13).
    expect(anyWith(codes.zone2)).toEqual([]);
  });

  it('two vendors in one leaf category: flagged by category, not by vendor', () => {
    expect(flagged('CATEGORY', codes.twoVendors1, codes.twoVendors2)).toMatchObject({ total: 1_100_000 });
    expect(flags.filter((f) => f.basis === 'VENDOR' && f.orders.some((o: any) => o.code === codes.twoVendors2))).toEqual([]);
  });

  it('an order above the line on its own is no split: it already went to the PPK', () => {
    expect(anyWith(codes.big)).toEqual([]);
    expect(anyWith(codes.small)).toEqual([]);
  });

  it('is for BPBJ of the Pemda: a PP and another Pemda\'s BPBJ are refused', async () => {
    expect(errorCode(await t.exec(FLAGS, { p: w.ids.batu }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(FLAGS, { p: w.ids.batu }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
  });
});

describe('split orders under the standing rule are kept by the order steps', () => {
  let t: TestApp;
  let w: World;
  let bpbj: string;
  const STANDING = `query($p: ID!) { splitOrderFlags(pemdaId: $p, year: 2026) { basis total orders { code } } }`;
  const read = async () => {
    t.queries.length = 0;
    const answer = await t.exec(STANDING, { p: w.ids.batu }, { token: bpbj });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data.splitOrderFlags as { basis: string; total: number; orders: { code: string }[] }[];
  };
  const submit = async (product: string) => {
    const [order] = await checkout(t, w, [[product, 1]]);
    expect((await t.exec(SUBMIT, { id: order.id }, { token: w.pp })).errors).toBeUndefined();
    return order as { id: string; code: string };
  };
  const scanned = async () => {
    const pemda = await t.em().findOneOrFail(Pemda, w.ids.batu);
    return (await scanYear(t.em(), pemda, 2026, 14, pemda.ppkApprovalThreshold)).map((f) => ({ basis: f.basis, total: f.total, orders: f.orders.map((o) => ({ code: o.code })) }));
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    bpbj = w.bpbj;
    // A Pemda line of Rp1.000.000 keeps the amounts small.
    await t.em().getConnection().execute(`update pemda set ppk_approval_threshold = 1000000 where id = ?`, [w.ids.batu]);
  }, 120_000);
  afterAll(() => t.close());

  it('builds the year on its first read, then each submission and cancellation changes it, with no scan of orders', async () => {
    const rice600 = await w.product(w.vendorA, { name: 'Beras 600rb', price: 600_000, categoryId: w.beras });
    const rice500 = await w.product(w.vendorA, { name: 'Beras 500rb', price: 500_000, categoryId: w.beras });
    const first = await submit(rice600);
    expect(await read()).toEqual([]); // built: one order alone is no split

    t.clock.advance(4 * 86_400_000);
    w.pp = await t.login('pp.dinkes@batukota.go.id');
    bpbj = await t.login('bpbj@batukota.go.id');
    const second = await submit(rice500);
    const flags = await read();
    const members = [{ code: first.code }, { code: second.code }];
    expect([...flags].sort((a, b) => a.basis.localeCompare(b.basis))).toEqual([
      { basis: 'CATEGORY', total: 1_100_000, orders: members },
      { basis: 'VENDOR', total: 1_100_000, orders: members },
    ]);
    expect(t.queries.some((q) => q.includes('purchase_order_line'))).toBe(false); // read from the stored groups
    expect([...flags].sort((a, b) => a.basis.localeCompare(b.basis))).toEqual((await scanned()).sort((a, b) => a.basis.localeCompare(b.basis)));

    await t.exec(CANCEL, { id: second.id, reason: 'Dobel input' }, { token: w.pp });
    expect(await read()).toEqual([]);
    expect(await scanned()).toEqual([]);
  });
});
