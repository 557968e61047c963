import { Opd } from '../../server/opd/opd.entity.js';
import { rebuildRollups } from '../../server/spend/rollup.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { ACCEPT, checkout, purchasingWorld, RECEIVE, receiveOrder, SHIP, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const CLOSE = `mutation($p: ID!, $m: String!, $r: String!) { closeSpendPeriods(pemdaId: $p, month: $m, reason: $r) { closedThrough } }`;
const BUDGET = `mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { fiscalYear effectiveFrom goodsServicesBudget reason } }`;
const HISTORY = `query($o: ID!) { opdBudgetHistory(opdId: $o, fiscalYear: 2026) { effectiveFrom goodsServicesBudget reason recordedBy } }`;
const IMPORT = `mutation($input: ImportExternalSpendInput!) { importExternalSpend(input: $input) { applied created corrected failedCount errors { row field message } } }`;
const MONTH = `query($p: ID!, $period: PeriodInputType!) { spendRecap(pemdaId: $p, period: $period) { opds { opd { shortName } budget realisedTotal realisedUmkk umkkShareOfBudget } } }`;

const external = (ref: string, spentOn: string, amount: number, extra: Record<string, unknown> = {}) => ({
  externalRef: ref, spentOn, opdCode: '1.02.01', vendorName: 'CV Sinar Tender', amount, channel: 'TENDER', isUmkk: true, isPdn: true, isLocal: false, ...extra,
});

// The test clock stands at 2 March 2026 (Asia/Jakarta): January and February can be closed, March cannot.
describe('a closed period never moves, and budgets keep every version', () => {
  let t: TestApp;
  let w: World;
  let dinkes: Opd;
  let product: string;

  const dinkesIn = async (period: Record<string, unknown>) => {
    const result = await t.exec(MONTH, { p: w.ids.batu, period }, { token: w.bpbj });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.spendRecap.opds.find((o: any) => o.opd.shortName === 'Dinkes');
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    dinkes = await t.em().findOneOrFail(Opd, { pemda: w.ids.batu, shortName: 'Dinkes' });
    const first = await t.exec(BUDGET, { input: { opdId: dinkes.id, fiscalYear: 2026, goodsServicesBudget: 1_000_000_000, plannedUmkk: 400_000_000, allocatedUmkk: 400_000_000 } }, { token: w.bpbj });
    expect(first.data.setOpdBudget).toEqual({ fiscalYear: 2026, effectiveFrom: '2026-01-01', goodsServicesBudget: 1_000_000_000, reason: null });
    product = await w.product(w.vendorA, { name: 'Beras Medium Karung 25 kg', price: 325_000, stock: 1000 });
    const [order] = await checkout(t, w, [[product, 100]]);
    await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor: w.vendorA.token }, order.id, '2026-02-10');
    const imported = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-FEB-1', '2026-02-12', 50_000_000)], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(imported.data.importExternalSpend.applied).toBe(true);
  });
  afterAll(() => t.close());

  it('BPBJ closes January and February; the running month cannot be closed and closed months never reopen', async () => {
    const running = await expectNothingWritten(t, () => t.exec(CLOSE, { p: w.ids.batu, m: '2026-03', r: 'Rekonsiliasi triwulan' }, { token: w.bpbj }));
    expect(errorCode(running)).toBe('BAD_USER_INPUT');
    expect(running.errors![0].message).toContain('Maret 2026');
    const byPp = await expectNothingWritten(t, () => t.exec(CLOSE, { p: w.ids.batu, m: '2026-02', r: 'Rekonsiliasi triwulan' }, { token: w.pp }));
    expect(errorCode(byPp)).toBe('FORBIDDEN');
    const otherPemda = await expectNothingWritten(t, () => t.exec(CLOSE, { p: w.ids.batu, m: '2026-02', r: 'Rekonsiliasi triwulan' }, { token: w.bpbjBontang }));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCode(otherPemda));

    const closed = await t.exec(CLOSE, { p: w.ids.batu, m: '2026-02', r: 'Rekonsiliasi Februari dengan BPKAD' }, { token: w.bpbj });
    expect(closed.data.closeSpendPeriods).toEqual({ closedThrough: '2026-02' });
    const back = await expectNothingWritten(t, () => t.exec(CLOSE, { p: w.ids.batu, m: '2026-01', r: 'Membuka kembali Februari' }, { token: w.bpbj }));
    expect(errorCode(back)).toBe('BAD_USER_INPUT');
    const audit = await t.exec(`query($p: ID!) { auditLog(pemdaId: $p, subjectType: SPEND_PERIOD) { action fromStatus toStatus reason } }`, { p: w.ids.batu }, { token: w.bpbj });
    expect(audit.data.auditLog).toEqual([{ action: 'CLOSED', fromStatus: null, toStatus: '2026-02', reason: 'Rekonsiliasi Februari dengan BPKAD' }]);
  });

  it('a BAST dated into a closed month is refused and writes nothing; dated today it counts in March', async () => {
    const february = await dinkesIn({ year: 2026, month: 2 });
    expect(february).toEqual(expect.objectContaining({ realisedTotal: 32_500_000 + 50_000_000, realisedUmkk: 82_500_000 }));
    // Goods shipped on 25 February, received after the close: the PP may not date the BAST back into February.
    const today = t.clock.current;
    t.clock.current = new Date('2026-02-25T03:00:00Z');
    const [order] = await checkout(t, w, [[product, 10]]);
    for (const [query, vars, token] of [[SUBMIT, {}, w.pp], [ACCEPT, {}, w.vendorA.token], [SHIP, { deliveryReference: 'SJ-0225' }, w.vendorA.token]] as const) {
      expect((await t.exec(query, { id: order.id, ...vars }, { token })).errors).toBeUndefined();
    }
    t.clock.current = today;
    const backdated = await expectNothingWritten(t, () => t.exec(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/0225', bastDate: '2026-02-27' } }, { token: w.pp }));
    expect(errorCode(backdated)).toBe('CONFLICT');
    expect(backdated.errors![0].message).toBe('Periode Februari 2026 sudah ditutup; catat koreksi sebagai penyesuaian di periode yang masih terbuka.');
    const received = await t.exec(RECEIVE, { id: order.id, input: { bastNumber: 'BAST/0302', bastDate: '2026-03-02' } }, { token: w.pp });
    expect(received.errors).toBeUndefined();
    expect(await dinkesIn({ year: 2026, month: 2 })).toEqual(february);
    expect(await dinkesIn({ year: 2026, month: 3 })).toEqual(expect.objectContaining({ realisedTotal: 3_250_000 }));
  });

  it('outside spend: no row into a closed month, no correction in place; an adjustment in the open month names what it corrects', async () => {
    const february = await dinkesIn({ year: 2026, month: 2 });
    const intoClosed = await expectNothingWritten(t, () =>
      t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-FEB-2', '2026-02-20', 10_000_000)], policy: 'REJECT_ALL' } }, { token: w.bpbj }));
    expect(intoClosed.data.importExternalSpend).toEqual(expect.objectContaining({ applied: false, failedCount: 1 }));
    expect(intoClosed.data.importExternalSpend.errors[0]).toEqual(expect.objectContaining({ field: 'date', message: expect.stringContaining('Februari 2026 sudah ditutup') }));
    const inPlace = await expectNothingWritten(t, () =>
      t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-FEB-1', '2026-03-01', 40_000_000)], policy: 'REJECT_ALL' } }, { token: w.bpbj }));
    expect(inPlace.data.importExternalSpend.errors[0]).toEqual(expect.objectContaining({ field: 'externalRef' }));
    const negativeWithoutReference = await expectNothingWritten(t, () =>
      t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-ADJ-0', '2026-03-02', -10_000_000)], policy: 'REJECT_ALL' } }, { token: w.bpbj }));
    expect(negativeWithoutReference.data.importExternalSpend.errors[0]).toEqual(expect.objectContaining({ field: 'amount' }));

    // The February tender was really Rp40 jt: a -Rp10 jt adjustment in March, pointing at it.
    const adjusted = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-ADJ-1', '2026-03-02', -10_000_000, { correctsRef: 'SPSE-FEB-1' })], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(adjusted.data.importExternalSpend).toEqual(expect.objectContaining({ applied: true, created: 1, failedCount: 0 }));
    expect(await dinkesIn({ year: 2026, month: 2 })).toEqual(february);
    expect(await dinkesIn({ year: 2026, month: 3 })).toEqual(expect.objectContaining({ realisedTotal: 3_250_000 - 10_000_000 }));
    const audit = await t.exec(`query($p: ID!) { auditLog(pemdaId: $p, subjectType: EXTERNAL_SPEND) { action toStatus reason } }`, { p: w.ids.batu }, { token: w.bpbj });
    expect(audit.data.auditLog).toEqual([{ action: 'ADJUSTED', toStatus: '2026-03-02 1.02.01 Rp-10.000.000 TENDER UMK-K PDN', reason: 'Penyesuaian SPSE-ADJ-1 di periode terbuka' }]);
  });

  it('a correction in an open month keeps before and after on the audit log', async () => {
    await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-MAR-1', '2026-03-01', 333_333_333)], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    const corrected = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-MAR-1', '2026-03-01', 33_333_333)], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(corrected.data.importExternalSpend).toEqual(expect.objectContaining({ applied: true, corrected: 1 }));
    const audit = await t.exec(`query($p: ID!) { auditLog(pemdaId: $p, subjectType: EXTERNAL_SPEND) { action fromStatus toStatus } }`, { p: w.ids.batu }, { token: w.bpbj });
    expect(audit.data.auditLog[0]).toEqual({ action: 'CORRECTED', fromStatus: '2026-03-01 1.02.01 Rp333.333.333 TENDER UMK-K PDN', toStatus: '2026-03-01 1.02.01 Rp33.333.333 TENDER UMK-K PDN' });
  });

  it('the APBD-Perubahan is a new version from its date: February keeps the budget it was measured against', async () => {
    const input = { opdId: dinkes.id, fiscalYear: 2026, goodsServicesBudget: 1_200_000_000, plannedUmkk: 480_000_000, allocatedUmkk: 480_000_000 };
    const withoutReason = await expectNothingWritten(t, () => t.exec(BUDGET, { input }, { token: w.bpbj }));
    expect(errorCode(withoutReason)).toBe('BAD_USER_INPUT');
    expect(withoutReason.errors![0].extensions!.fields.map((f: any) => f.field)).toEqual(['reason']);
    const intoClosed = await expectNothingWritten(t, () => t.exec(BUDGET, { input: { ...input, effectiveFrom: '2026-02-01', reason: 'APBD-Perubahan 2026' } }, { token: w.bpbj }));
    expect(intoClosed.errors![0].extensions!.fields).toEqual([{ field: 'effectiveFrom', message: 'Periode Februari 2026 sudah ditutup; versi pagu baru berlaku mulai periode yang masih terbuka.' }]);

    const revised = await t.exec(BUDGET, { input: { ...input, effectiveFrom: '2026-03-15', reason: 'APBD-Perubahan 2026' } }, { token: w.bpbj });
    expect(revised.data.setOpdBudget).toEqual({ fiscalYear: 2026, effectiveFrom: '2026-03-15', goodsServicesBudget: 1_200_000_000, reason: 'APBD-Perubahan 2026' });
    const history = await t.exec(HISTORY, { o: dinkes.id }, { token: w.bpbj });
    expect(history.data.opdBudgetHistory.map((v: any) => [v.effectiveFrom, v.goodsServicesBudget, v.reason])).toEqual([
      ['2026-01-01', 1_000_000_000, null],
      ['2026-03-15', 1_200_000_000, 'APBD-Perubahan 2026'],
    ]);
    expect(history.data.opdBudgetHistory.every((v: any) => typeof v.recordedBy === 'string')).toBe(true);
    // February: Rp82,5 jt over Rp1 M = 8.25%. The year: measured against the revised Rp1,2 M.
    expect(await dinkesIn({ year: 2026, month: 2 })).toEqual(expect.objectContaining({ budget: 1_000_000_000, umkkShareOfBudget: 8.25 }));
    expect(await dinkesIn({ year: 2026 })).toEqual(expect.objectContaining({ budget: 1_200_000_000 }));
    const byPp = await expectNothingWritten(t, () => t.exec(HISTORY, { o: dinkes.id }, { token: w.pp }));
    expect(errorCode(byPp)).toBe('FORBIDDEN');
  });

  it('the database itself refuses: no rollup of a closed month changes, no budget version is edited, no rebuild rewrites February', async () => {
    const february = await dinkesIn({ year: 2026, month: 2 });
    const sql = t.em().getConnection();
    await expect(sql.execute(`update spend_rollup set total = total + 1 where month = '2026-02'`)).rejects.toThrow(/katalog_period_closed:2026-02/);
    await expect(sql.execute(`update opd_budget set goods_services_budget = 1`)).rejects.toThrow(/keeps every version/);
    await expect(sql.execute(`update pemda set closed_through = null where id = '${w.ids.batu}'`)).rejects.toThrow(/never reopen/);
    await t.em().transactional((em) => rebuildRollups(em as any, w.ids.batu));
    expect(await dinkesIn({ year: 2026, month: 2 })).toEqual(february);
  });
});
