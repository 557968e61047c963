/**
 * Figures a BPBJ officer recomputes by hand. Every expected value below is worked out in the comment beside it,
 * from the rows the test writes, never by the code under test.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Opd } from '../../server/opd/opd.entity.js';
import { delaysFromCounts, rebuildPaymentDelays } from '../../server/purchasing/payment-delays.js';
import { applyRollup } from '../../server/spend/rollup.js';
import { pemdaIds } from '../support/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';
import { CREATE_ORDER, PAY, purchasingWorld, receiveOrder, SET_CART, type World } from '../support/purchasing.js';
import { photo } from '../support/images.js';
import { UploadKind } from '../../server/uploads/upload.entity.js';
import { loadMigrator } from '../../server/database/orm.js';

const BUDGET = `mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { fiscalYear } }`;
const AWARD = `mutation($p: ID!, $y: Int!, $q: Int, $c: AwardConfigInput) { computeAward(pemdaId: $p, year: $y, quarter: $q, config: $c) {
  rows { opdCode score rank tier nextTier toNextTier flags components { component raw normalised weight contribution explanation } }
} }`;
const ONLY = (weights: Record<string, number>) =>
  ['CATALOGUE_SPEND', 'UMKK_SHARE', 'TRANSACTIONS', 'ADOPTION', 'PAYMENT_TIMELINESS', 'ASN_COMPLIANCE'].map((component) => ({ component, weight: weights[component] ?? 0 }));

describe('figures a BPBJ officer can recompute by hand', () => {
  let t: TestApp;
  let w: World;
  let batu: string;
  let opds: Record<string, Opd>;

  const budget = (code: string, year: number, goodsServicesBudget: number) =>
    t.exec(BUDGET, { input: { opdId: opds[code].id, fiscalYear: year, goodsServicesBudget, plannedUmkk: 0, allocatedUmkk: 0 } }, { token: w.bpbj });
  const rollup = (code: string, month: string, catalogue: boolean, total: number, umkk: number) =>
    t.em().transactional((em) => applyRollup(em as EntityManager, { pemdaId: batu, opdId: opds[code].id, month, catalogue, total, umkk, pdn: 0, local: 0, transactions: catalogue ? 1 : 0 }));
  const award = async (year: number, quarter: number | null, config: Record<string, unknown>) => {
    const result = await t.exec(AWARD, { p: batu, y: year, q: quarter, c: config }, { token: w.bpbj });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return (code: string) => result.data.computeAward.rows.find((r: any) => r.opdCode === code);
  };
  const component = (row: any, name: string) => row.components.find((c: any) => c.component === name);

  beforeAll(async () => {
    t = await createTestApp({ catalogue: false });
    w = await purchasingWorld(t);
    batu = (await pemdaIds(t)).batu;
    opds = Object.fromEntries((await t.em().find(Opd, { pemda: batu })).map((o) => [o.shortName, o]));
  });
  afterAll(() => t.close());

  it('ranks the recap on exact shares: Dinkes 0.0047% above RSUD 0.0016%, though both show 0.00', async () => {
    // Dinkes: Rp590.000 / Rp12.500.000.000 = 0.00472%; RSUD: Rp1.700.000 / Rp105.000.000.000 = 0.00162%.
    await budget('Dinkes', 2025, 12_500_000_000);
    await budget('RSUD Karsa Husada', 2025, 105_000_000_000);
    await rollup('Dinkes', '2025-05', false, 590_000, 590_000);
    await rollup('RSUD Karsa Husada', '2025-05', false, 1_700_000, 1_700_000);
    const recap = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2025 }) { opds { opd { shortName } rank umkkShareOfBudget } } }`, { p: batu }, { token: w.bpbj });
    const ranked = recap.data.spendRecap.opds.filter((r: any) => r.rank !== null);
    expect(ranked.map((r: any) => [r.opd.shortName, r.rank, r.umkkShareOfBudget])).toEqual([
      ['Dinkes', 1, 0],
      ['RSUD Karsa Husada', 2, 0],
    ]);
  });

  it('rupiah to the next tier is exact, contributions are rounded once, and the score is their sum', async () => {
    // 2024, weights: catalogue spend 25, adoption 15, UMK-K share 60. Tiers UTAMA 80, PRATAMA 5.426.
    //  Dinkes: budget only, no spend                        -> every component 0, score 0.
    //  Disdik: Rp1.700.000 through the catalogue, nothing else -> spend 100 (the max), adoption 100.
    //  Dishub: Rp311.000 catalogue of Rp10.000.000 realised  -> adoption 3.11%, spend 311.000 / 1.700.000 x 100.
    for (const code of ['Dinkes', 'Disdik', 'Dishub']) await budget(code, 2024, 1_000_000_000);
    await rollup('Disdik', '2024-04', true, 1_700_000, 0);
    await rollup('Dishub', '2024-04', true, 311_000, 0);
    await rollup('Dishub', '2024-04', false, 9_689_000, 0);
    const row = await award(2024, null, { weights: ONLY({ CATALOGUE_SPEND: 25, ADOPTION: 15, UMKK_SHARE: 60 }), tiers: [{ name: 'UTAMA', minScore: 80 }, { name: 'PRATAMA', minScore: 5.426 }] });

    // Dinkes: 5.426 points short of PRATAMA; through catalogue spend alone: 5.426 / 25 x Rp1.700.000 = Rp368.968 exactly.
    expect(row('1.02.01')).toEqual(expect.objectContaining({ score: 0, tier: null, nextTier: 'PRATAMA', toNextTier: 'Sekitar Rp368.968 lagi melalui katalog mencapai PRATAMA' }));

    // Dishub: adoption 3.11 x 15 / 100 = 0.4665 -> 0.467; spend 311/1700 x 100 = 18.2941176... x 25 / 100 = 4.5735294... -> 4.574.
    const dishub = row('2.15.01');
    expect(component(dishub, 'ADOPTION')).toEqual(expect.objectContaining({ raw: 3.11, normalised: 3.11, contribution: 0.467 }));
    expect(component(dishub, 'CATALOGUE_SPEND')).toEqual(expect.objectContaining({ normalised: 18.294, contribution: 4.574 }));
    expect(dishub.score).toBe(5.041); // 4.574 + 0.467, the shown parts
    // 5.426 - 5.041 = 0.385 points; 0.385 / 25 x Rp1.700.000 = Rp26.180.
    expect(dishub.toNextTier).toBe('Sekitar Rp26.180 lagi melalui katalog mencapai PRATAMA');
    // The explanation names the ends of the range and who set them.
    expect(component(dishub, 'CATALOGUE_SPEND').explanation).toBe(
      'Rp311.000 melalui katalog; (nilai - min) / (max - min) x 100; min Rp0 (Dinas Kesehatan), max Rp1.700.000 (Dinas Pendidikan)',
    );

    // Disdik: 25 + 15 = 40, PRATAMA; UTAMA is 40 points away and spend is already at its maximum.
    expect(row('1.01.01')).toEqual(expect.objectContaining({ score: 40, tier: 'PRATAMA', toNextTier: 'Skor 40 poin lagi untuk UTAMA; belanja katalog saja tidak cukup, naikkan juga porsi UMK-K atau kepatuhan' }));
  });

  it('payment timeliness counts unpaid BASTs by their age and uses a fixed scale, not the spread between OPDs', async () => {
    // Q1 2026, today 2 March 2026 (Asia/Jakarta). Payment term 30 days: 100 at 0 days, 50 at 30, 0 at 60.
    for (const code of ['Dinkes', 'Disdik']) await budget(code, 2026, 1_000_000_000);
    const product = await w.product(w.vendorA, { price: 10_000, stock: 1000 });
    const order = async (pp: string, ppkId: string) => {
      await t.exec(SET_CART, { p: product, q: 10 }, { token: pp });
      const created = await t.exec(CREATE_ORDER, { input: { deliveryAddress: 'Jl. Panglima Sudirman 507, Kota Batu', ppkId } }, { token: pp });
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      return created.data.createOrder.orders[0];
    };
    // Dinkes: one BAST 10 January paid 9 February (30 days), one BAST 20 February unpaid (10 days old today).
    const paid = await order(w.pp, w.ppkId);
    await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor: w.vendorA.token }, paid.id, '2026-01-10');
    const payment = await t.exec(PAY, { id: paid.id, input: { method: 'TRANSFER', amount: 100_000, paidOn: '2026-02-09' } }, { token: w.pp });
    expect(payment.errors).toBeUndefined();
    const unpaid = await order(w.pp, w.ppkId);
    await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor: w.vendorA.token }, unpaid.id, '2026-02-20');
    // Disdik: one BAST 5 January, never paid: 56 days old today.
    const never = await order(w.ppOther, w.ppkOtherId);
    await receiveOrder(t, { pp: w.ppOther, ppk: w.ppkOther, vendor: w.vendorA.token }, never.id, '2026-01-05');

    const row = await award(2026, 1, { weights: ONLY({ PAYMENT_TIMELINESS: 100 }), tiers: [{ name: 'UTAMA', minScore: 80 }] });
    // Dinkes: median of 30 and 10 = 20 days; 100 - 20 x 50 / 30 = 66.666... -> 66.667. The only OPD with a payment
    // does not get full marks.
    expect(component(row('1.02.01'), 'PAYMENT_TIMELINESS')).toEqual(expect.objectContaining({ raw: 20, normalised: 66.667, contribution: 66.667 }));
    expect(component(row('1.02.01'), 'PAYMENT_TIMELINESS').explanation).toMatch(/^median 20 hari dari BAST ke pembayaran atas 1 pembayaran dan 1 BAST belum dibayar \(dihitung umurnya per 2026-03-02\), hari: 10, 30;/);
    // Disdik: 56 days; 100 - 56 x 50 / 30 = 6.666... -> 6.667, and flagged late.
    expect(component(row('1.01.01'), 'PAYMENT_TIMELINESS')).toEqual(expect.objectContaining({ raw: 56, normalised: 6.667 }));
    expect(row('1.01.01').flags).toContain('Pembayaran terlambat: median 56 hari (batas 30)');
  });

  it('a BAST paid only after the period ended counts as unpaid at its end, and the counts the payments keep equal a recount', async () => {
    // Continues the orders above. On 10 April 2026 Dinkes pays the BAST of 20 February, dated 6 April (45 days).
    const before = { clock: t.clock.current, pp: w.pp, bpbj: w.bpbj };
    t.clock.current = new Date('2026-04-10T03:00:00Z');
    // Signed in again on the new day (the sessions of 2 March have expired).
    [w.pp, w.bpbj] = [await t.login('pp.dinkes@batukota.go.id'), await t.login('bpbj@batukota.go.id')];
    try {
      const [{ id: late }] = await t.em().getConnection().execute(`select id from purchase_order where opd_id = ? and bast_date = '2026-02-20'`, [opds.Dinkes.id]);
      expect((await t.exec(PAY, { id: late, input: { method: 'TRANSFER', amount: 100_000, paidOn: '2026-04-06' } }, { token: w.pp })).errors).toBeUndefined();

      // Q1, counted to 31 March: the payment of 9 February (30 days), and the BAST of 20 February still unpaid that
      // day, 39 days old (8 days of February, 31 of March). Median (30 + 39) / 2 = 34.5; 100 - 34.5 x 50 / 30 = 42.5.
      const q1 = await award(2026, 1, { weights: ONLY({ PAYMENT_TIMELINESS: 100 }), tiers: [{ name: 'UTAMA', minScore: 80 }] });
      expect(component(q1('1.02.01'), 'PAYMENT_TIMELINESS')).toEqual(expect.objectContaining({ raw: 34.5, normalised: 42.5 }));
      // Written as an Indonesian reads it: "34,5 hari" (with a point, 34.5 reads as thirty-four thousand five hundred).
      expect(component(q1('1.02.01'), 'PAYMENT_TIMELINESS').explanation).toMatch(/^median 34,5 hari dari BAST ke pembayaran atas 1 pembayaran dan 1 BAST belum dibayar \(dihitung umurnya per 2026-03-31\), hari: 30, 39;/);
      expect(q1('1.02.01').flags).toContain('Pembayaran terlambat: median 34,5 hari (batas 30)');
      // Q2 so far, counted to today: the 45-day payment of 6 April; 100 - 45 x 50 / 30 = 25.
      const q2 = await award(2026, 2, { weights: ONLY({ PAYMENT_TIMELINESS: 100 }), tiers: [{ name: 'UTAMA', minScore: 80 }] });
      expect(component(q2('1.02.01'), 'PAYMENT_TIMELINESS')).toEqual(expect.objectContaining({ raw: 45, normalised: 25 }));

      const counts = async () => t.em().getConnection().execute(`select opd_id, month, days, payments from payment_delay_rollup where pemda_id = ? order by opd_id, month, days`, [batu]);
      const kept = await counts();
      expect(kept.map((r: any) => [r.month, r.days, r.payments])).toEqual([['2026-02', 30, 1], ['2026-04', 45, 1]]);
      await t.em().transactional((em) => rebuildPaymentDelays(em as EntityManager, batu));
      expect(await counts()).toEqual(kept);

      // Each payment carries its order's Pemda, OPD and BAST date (what the award reads them by), also when the
      // migration that added them filled them in for payments recorded before it.
      const copies = () => t.em().getConnection().execute(
        `select pay.paid_on, pay.bast_date, pay.opd_id = po.opd_id and pay.pemda_id = po.pemda_id and pay.bast_date = po.bast_date as same
           from payment pay join purchase_order po on po.id = pay.order_id where po.opd_id = ? order by pay.paid_on`, [opds.Dinkes.id]);
      const recorded = [{ paid_on: '2026-02-09', bast_date: '2026-01-10', same: true }, { paid_on: '2026-04-06', bast_date: '2026-02-20', same: true }];
      expect(await copies()).toEqual(recorded);
      const migrator = await loadMigrator(t.db.orm);
      await migrator.down();
      await migrator.up();
      expect(await copies()).toEqual(recorded);
      expect(await counts()).toEqual(kept);
    } finally {
      [t.clock.current, w.pp, w.bpbj] = [before.clock, before.pp, before.bpbj];
    }
  });

  it('the median of payment delays comes exactly from how often each delay occurs', () => {
    // 3, 10, 10, 10, 10, 30: six values, the 3rd and 4th are 10 and 10, so the median is 10.
    expect(delaysFromCounts([{ days: 30, paid: 1, unpaid: 0 }, { days: 3, paid: 1, unpaid: 0 }, { days: 10, paid: 3, unpaid: 1 }])).toEqual({ median: { n: 20n, d: 2n }, paid: 5, unpaid: 1, days: '3, 10 (4 paket), 30' });
    // 5, 8: the median is (5 + 8) / 2 = 6.5.
    expect(delaysFromCounts([{ days: 8, paid: 0, unpaid: 1 }, { days: 5, paid: 1, unpaid: 0 }]).median).toEqual({ n: 13n, d: 2n });
  });

  it('the ASN component averages only the months that count: from the programme start, once their deadline passed', async () => {
    // Programme from February 2026. Rina (Dinkes, pelaksana, minimum Rp50.000) buys Rp50.000 in February, nothing in
    // March. On 20 April, Q1: January is before the programme, February and March are past their deadlines (10 March,
    // 10 April): Dinkes (100% + 0%) / 2 = 50%. January is not a 0% month, and June would not be either.
    t.clock.current = new Date('2026-02-20T03:00:00Z');
    const bpbj = await t.login('bpbj@batukota.go.id');
    const programme = (await t.exec(`mutation($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id outlets { id } } }`, { input: {
      pemdaId: batu, name: 'Belanja UMKM ASN Batu', startMonth: '2026-02', minimumRule: 'BY_GRADE', outlets: [{ name: 'Galeri UMKM Balai Kota', kind: 'LAINNYA' }],
    } }, { token: bpbj })).data.createAsnProgramme;
    await t.exec(`mutation($p: ID!, $rows: [AsnRowInput!]) { importAsn(pemdaId: $p, rows: $rows, dryRun: false) { applied } }`,
      { p: batu, rows: [{ nip: '198504122010032001', name: 'Rina Wulandari', opdCode: '1.02.01', grade: 'PELAKSANA' }] }, { token: bpbj });
    const [{ id: asnId }] = await t.em().getConnection().execute<{ id: string }[]>(`select id from asn where nip = '198504122010032001'`);
    await t.exec(`mutation($a: ID!) { createAsnAccount(asnId: $a, email: "rina@batukota.go.id", password: "rahasia123") { role } }`, { a: asnId }, { token: bpbj });
    const rina = await t.signInFirstTime('rina@batukota.go.id', 'rahasia123', 'Belanja-Pasar-2026');
    const reported = await t.exec(`mutation($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { status } }`, { input: {
      programmeId: programme.id, outletId: programme.outlets[0].id, purchasedOn: '2026-02-18', amount: 50_000, items: 'Keripik apel', basicNeeds: false, receiptUploadId: await t.upload(UploadKind.RECEIPT, await photo('struk-r'), rina),
    } }, { token: rina });
    expect(reported.errors).toBeUndefined();
    expect(reported.data.reportAsnPurchase.status).toBe('COUNTED');

    t.clock.current = new Date('2026-04-20T03:00:00Z');
    w.bpbj = await t.login('bpbj@batukota.go.id');
    const row = await award(2026, 1, { weights: ONLY({ ASN_COMPLIANCE: 100 }), tiers: [{ name: 'UTAMA', minScore: 80 }], asnProgrammeId: programme.id });
    const asn = component(row('1.02.01'), 'ASN_COMPLIANCE');
    expect(asn).toEqual(expect.objectContaining({ raw: 50, normalised: 50, contribution: 50 }));
    expect(asn.explanation).toBe('rata-rata kepatuhan ASN 50% atas 2 bulan yang sudah lewat batas lapor: Februari 2026 100%, Maret 2026 0%');

    // In the middle of April, Q2's April is not due yet: no month counts, and nobody gets 0% for it.
    const q2 = await award(2026, 2, { asnProgrammeId: programme.id });
    expect(component(q2('1.02.01'), 'ASN_COMPLIANCE')).toEqual(expect.objectContaining({ raw: null, explanation: 'belum ada bulan yang lewat batas lapor; belum jatuh tempo: April 2026, Mei 2026, Juni 2026' }));
  });
});
