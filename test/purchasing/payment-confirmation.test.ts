/**
 * The payment date decides the OPD's own award (payment timeliness), and the OPD's officer records it. The vendor,
 * who knows when the money arrived, confirms that date; from then on the award counts to the vendor's date.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Opd } from '../../server/opd/opd.entity.js';
import { rebuildPaymentDelays } from '../../server/purchasing/payment-delays.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { checkout, PAY, purchasingWorld, receiveOrder, step, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const CONFIRM = step('confirmOrderPayment', '$receivedOn: String!').replace('lines {', 'paymentConfirmedAt payments { paidOn vendorReceivedOn } availableActions lines {');
const AWARD = `mutation($p: ID!) { computeAward(pemdaId: $p, year: 2026, quarter: 1, config: $c) { rows { opdCode components { component raw normalised explanation } } } }`
  .replace('mutation($p: ID!)', 'mutation($p: ID!, $c: AwardConfigInput)');
const ONLY_TIMELINESS = {
  weights: ['CATALOGUE_SPEND', 'UMKK_SHARE', 'TRANSACTIONS', 'ADOPTION', 'PAYMENT_TIMELINESS', 'ASN_COMPLIANCE'].map((component) => ({ component, weight: component === 'PAYMENT_TIMELINESS' ? 100 : 0 })),
  tiers: [{ name: 'UTAMA', minScore: 80 }],
};

describe("the vendor confirms when a payment arrived, and the award counts to the vendor's date", () => {
  let t: TestApp;
  let w: World;
  let dinkes: Opd;
  let paid: string;
  let another: string;

  const on = async (instant: string) => {
    t.clock.current = new Date(instant);
    // Signed in again on the new day: the earlier sessions have expired.
    [w.pp, w.bpbj, w.vendorA.token, w.vendorB.token] = [
      await t.login('pp.dinkes@batukota.go.id'), await t.login('bpbj@batukota.go.id'),
      await t.login(w.vendorA.input.email as string, 'rahasia123'), await t.login(w.vendorB.input.email as string, 'rahasia123'),
    ];
  };
  const timeliness = async () => {
    const result = await t.exec(AWARD, { p: w.ids.batu, c: ONLY_TIMELINESS }, { token: w.bpbj });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.computeAward.rows.find((r: any) => r.opdCode === dinkes.code).components.find((c: any) => c.component === 'PAYMENT_TIMELINESS');
  };
  const counts = () =>
    t.em().getConnection().execute(`select month, days, payments from payment_delay_rollup where opd_id = ? order by month, days`, [dinkes.id]);

  beforeAll(async () => {
    t = await createTestApp({ catalogue: false });
    w = await purchasingWorld(t);
    dinkes = await t.em().findOneOrFail(Opd, { pemda: w.ids.batu, shortName: 'Dinkes' });
    // The award ranks OPDs with a budget for the year.
    const budget = await t.exec(`mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { fiscalYear } }`,
      { input: { opdId: dinkes.id, fiscalYear: 2026, goodsServicesBudget: 1_000_000_000, plannedUmkk: 0, allocatedUmkk: 0 } }, { token: w.bpbj });
    if (budget.errors) throw new Error(JSON.stringify(budget.errors));
    const product = await w.product(w.vendorA, { price: 10_000, stock: 1000 });
    another = await w.product(w.vendorA, { price: 10_000, stock: 1000 });
    [{ id: paid }] = await checkout(t, w, [[product, 10]]);
    // BAST 10 January; the PP records the payment on 2 March, dated 9 February: 30 days.
    await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor: w.vendorA.token }, paid, '2026-01-10');
    const payment = await t.exec(PAY, { id: paid, input: { method: 'TRANSFER', amount: 100_000, paidOn: '2026-02-09' } }, { token: w.pp });
    if (payment.errors) throw new Error(JSON.stringify(payment.errors));
    await on('2026-03-05T03:00:00Z');
  });
  afterAll(() => t.close());

  it('counts the officer\'s date until the vendor confirms: 30 days, 100 - 30 x 50 / 30 = 50', async () => {
    expect(await timeliness()).toEqual(expect.objectContaining({ raw: 30, normalised: 50 }));
  });

  it('refuses, writing nothing: the PP, another vendor, a date before the officer\'s, a date to come, not a date', async () => {
    const attempts: [string, string, string, RegExp][] = [
      [w.pp, '2026-03-02', 'FORBIDDEN', /./],
      [w.vendorB.token, '2026-03-02', 'FORBIDDEN', /^Hanya penyedia paket ini/],
      [w.vendorA.token, '2026-02-08', 'BAD_USER_INPUT', /tidak sebelum tanggal bayar dari OPD \(2026-02-09\)/],
      [w.vendorA.token, '2026-03-06', 'BAD_USER_INPUT', /tidak di masa depan/],
      [w.vendorA.token, 'kemarin', 'BAD_USER_INPUT', /berformat YYYY-MM-DD/],
    ];
    for (const [token, receivedOn, code, message] of attempts) {
      const result = await expectNothingWritten(t, () => t.exec(CONFIRM, { id: paid, receivedOn }, { token }));
      expect({ receivedOn, code: errorCode(result) }).toEqual({ receivedOn, code });
      expect(result.errors![0].message).toMatch(message);
    }
  });

  it('takes the vendor\'s date once: the money arrived 2 March, 51 days after the BAST; 100 - 51 x 50 / 30 = 15', async () => {
    const confirmed = await t.exec(CONFIRM, { id: paid, receivedOn: '2026-03-02' }, { token: w.vendorA.token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmOrderPayment).toEqual(expect.objectContaining({
      status: 'PAID', paymentConfirmedAt: '2026-03-05T03:00:00.000Z', payments: [{ paidOn: '2026-02-09', vendorReceivedOn: '2026-03-02' }], availableActions: [],
    }));
    expect(await timeliness()).toEqual(expect.objectContaining({ raw: 51, normalised: 15 }));
    // The count moved from February (30 days) to March (51 days), as a recount from the payments finds it.
    expect(await counts()).toEqual([{ month: '2026-03', days: 51, payments: 1 }]);
    await t.em().transactional((em) => rebuildPaymentDelays(em as EntityManager, w.ids.batu));
    expect(await counts()).toEqual([{ month: '2026-03', days: 51, payments: 1 }]);

    const again = await expectNothingWritten(t, () => t.exec(CONFIRM, { id: paid, receivedOn: '2026-03-03' }, { token: w.vendorA.token }));
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toBe('Penerimaan dana paket ini sudah dikonfirmasi.');
    const audit = await t.em().getConnection().execute(`select action from audit_log where subject_id = ? order by created_at desc limit 1`, [paid]);
    expect(audit).toEqual([{ action: 'PAYMENT_CONFIRMED' }]);
    // BPBJ's orders export shows both dates side by side.
    const exported = await t.exec(`query($p: ID!) { exportOrders(pemdaId: $p, from: "2026-01-01", to: "2026-03-31", format: CSV) { base64 } }`, { p: w.ids.batu }, { token: w.bpbj });
    const [header, row] = Buffer.from(exported.data.exportOrders.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    const column = (name: string) => row.split(',')[header.split(',').indexOf(name)];
    expect([column('Tanggal Bayar'), column('Dana Diterima (konfirmasi penyedia)')]).toEqual(['2026-02-09', '2026-03-02']);
  });

  it('after 30 days from the recorded payment the officer\'s date stands', async () => {
    const [{ id: late }] = await checkout(t, w, [[another, 10]]);
    await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor: w.vendorA.token }, late, '2026-03-05');
    expect((await t.exec(PAY, { id: late, input: { method: 'TRANSFER', amount: 100_000, paidOn: '2026-03-05' } }, { token: w.pp })).errors).toBeUndefined();
    const offered = async () => (await t.exec(`query($id: ID!) { order(id: $id) { availableActions } }`, { id: late }, { token: w.vendorA.token })).data.order.availableActions;
    // The button is offered through the last day (4 April, 23.30 WIB) and not after it: the same deadline the step refuses at.
    await on('2026-04-04T16:30:00Z');
    expect(await offered()).toContain('CONFIRM_PAYMENT');
    await on('2026-04-05T03:00:00Z'); // the 31st day after 5 March
    expect(await offered()).not.toContain('CONFIRM_PAYMENT');
    const result = await expectNothingWritten(t, () => t.exec(CONFIRM, { id: late, receivedOn: '2026-03-20' }, { token: w.vendorA.token }));
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0].message).toBe('Konfirmasi dana diterima paling lambat 30 hari setelah pembayaran dicatat (2026-04-04); tanggal bayar dari OPD (2026-03-05) yang berlaku.');
  });
});
