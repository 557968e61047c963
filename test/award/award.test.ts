import { pdfPages, sheetValues, xlsxBook } from '../support/files.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AwardResult } from '../../server/award/award.entities.js';
import { minMaxScale } from '../../server/award/scales.js';
import { toDecimal } from '../../server/exact.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { applyRollup } from '../../server/spend/rollup.js';
import { pemdaIds } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';

const COMPUTE = `mutation($p: ID!, $c: AwardConfigInput) { computeAward(pemdaId: $p, year: 2026, quarter: 1, config: $c) {
  id version status period weights { component weight }
  rows { opdCode assessable notAssessableReason score rank tier flags nextTier toNextTier components { component raw normalised weight contribution } }
} }`;
const BUDGET = `mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { fiscalYear } }`;

describe('E-Purchasing Award', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;
  let opds: Record<string, Opd>;

  const rollup = (opd: string, month: string, catalogue: boolean, total: number, umkk: number, transactions: number) =>
    t.em().transactional((em) => applyRollup(em as EntityManager, { pemdaId: batu, opdId: opds[opd].id, month, catalogue, total, umkk, pdn: 0, local: 0, transactions }));
  const compute = async (config?: Record<string, unknown>) => {
    const result = await t.exec(COMPUTE, { p: batu, c: config }, { token: bpbj });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.computeAward;
  };
  const row = (award: any, code: string) => award.rows.find((r: any) => r.opdCode === code);
  const TIERS = { tiers: [{ name: 'UTAMA', minScore: 90 }, { name: 'MADYA', minScore: 20 }, { name: 'PRATAMA', minScore: 5 }] };

  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
    const em = t.em();
    opds = Object.fromEntries((await em.find(Opd, { pemda: batu, code: { $in: ['1.02.01', '1.01.01', '2.08.01', '2.09.01'] } })).map((o) => [o.code, o]));
    // A (Dinkes): budget 1 M; catalogue Rp300 jt, all UMK-K, 10 orders; Rp150 jt UMK-K outside: share 45%, adoption 66.67%.
    await t.exec(BUDGET, { input: { opdId: opds['1.02.01'].id, fiscalYear: 2026, goodsServicesBudget: 1_000_000_000, plannedUmkk: 0, allocatedUmkk: 0 } }, { token: bpbj });
    await rollup('1.02.01', '2026-02', true, 300_000_000, 300_000_000, 10);
    await rollup('1.02.01', '2026-03', false, 150_000_000, 150_000_000, 1);
    // B (Disdik) and its twin C (DP3AP2KB): budget 2 M; catalogue Rp100 jt (Rp50 jt UMK-K), 4 orders; Rp300 jt outside.
    for (const code of ['1.01.01', '2.08.01']) {
      await t.exec(BUDGET, { input: { opdId: opds[code].id, fiscalYear: 2026, goodsServicesBudget: 2_000_000_000, plannedUmkk: 0, allocatedUmkk: 0 } }, { token: bpbj });
      await rollup(code, '2026-01', true, 100_000_000, 50_000_000, 4);
      await rollup(code, '2026-03', false, 300_000_000, 0, 2);
    }
    // 2.09.01 has spend but no budget: not assessable.
    await rollup('2.09.01', '2026-02', true, 999_000_000, 999_000_000, 50);
  });
  afterAll(() => t.close());

  it('scores every component by its documented method, and the contributions add up to the score', async () => {
    const award = await compute(TIERS);
    const a = row(award, '1.02.01');
    const byComponent = Object.fromEntries(a.components.map((c: any) => [c.component, c]));
    expect(byComponent.CATALOGUE_SPEND).toEqual({ component: 'CATALOGUE_SPEND', raw: 300_000_000, normalised: 100, weight: 25, contribution: 25 }); // max of the range
    // A quarter is measured against a quarter of the year's budget: Rp450 jt / (Rp1 M x 3/12) = 180%; 180 / 40 capped at 100.
    expect(byComponent.UMKK_SHARE).toEqual({ component: 'UMKK_SHARE', raw: 180, normalised: 100, weight: 30, contribution: 30 });
    expect(byComponent.TRANSACTIONS).toEqual({ component: 'TRANSACTIONS', raw: 10, normalised: 100, weight: 10, contribution: 10 });
    // 300 / 450 = 66.666...%, x 15 / 100 = exactly 10: computed on the exact share, not on the rounded 66.67.
    expect(byComponent.ADOPTION).toEqual({ component: 'ADOPTION', raw: 66.67, normalised: 66.667, weight: 15, contribution: 10 });
    expect(byComponent.PAYMENT_TIMELINESS).toEqual(expect.objectContaining({ raw: null, normalised: 0, contribution: 0 }));
    expect(a.score).toBe(75);

    const b = row(award, '1.01.01');
    const bc = Object.fromEntries(b.components.map((c: any) => [c.component, c]));
    expect(bc.CATALOGUE_SPEND.normalised).toBe(0); // the min of the range
    expect(bc.UMKK_SHARE).toEqual(expect.objectContaining({ raw: 10, normalised: 25, contribution: 7.5 })); // 50 jt / (2 M x 3/12) = 10%; 10 / 40
    expect(bc.ADOPTION).toEqual(expect.objectContaining({ raw: 25, contribution: 3.75 })); // 100 / 400
    expect(b.score).toBe(11.25);
    for (const r of award.rows.filter((x: any) => x.assessable)) {
      expect(r.score).toBeCloseTo(r.components.reduce((s: number, c: any) => s + c.contribution, 0), 9);
    }
  });

  it('ranks deterministically, assigns tiers, explains the next tier and flags punishments', async () => {
    const award = await compute({ ...TIERS, minUmkkSharePercent: 15 });
    expect(award.rows.slice(0, 3).map((r: any) => [r.opdCode, r.rank, r.tier])).toEqual([
      ['1.02.01', 1, 'MADYA'],
      ['1.01.01', 2, 'PRATAMA'], // tied with 2.08.01 on every input: the OPD code decides
      ['2.08.01', 3, 'PRATAMA'],
    ]);
    // MADYA needs 20: 8.75 points through catalogue spend (weight 25, range Rp200 jt) is 8.75 / 25 x Rp200 jt = Rp70 jt.
    expect(row(award, '1.01.01')).toEqual(expect.objectContaining({ nextTier: 'MADYA', toNextTier: 'Sekitar Rp70.000.000 lagi melalui katalog mencapai MADYA' }));
    expect(row(award, '1.01.01').flags).toEqual(['Porsi UMK-K 10% di bawah batas 15% (periode 3 bulan: dibandingkan dengan 3/12 pagu tahunan)']);
    expect(row(award, '1.02.01').flags).toEqual([]);
  });

  it('OPDs without a budget are listed as not assessable, with the reason, not ranked last', async () => {
    const award = await compute();
    const none = row(award, '2.09.01');
    expect(none).toEqual(expect.objectContaining({ assessable: false, score: null, rank: null, notAssessableReason: 'Pagu belanja barang/jasa 2026 belum dicatat.' }));
    // Its Rp999 jt did not stretch the spend range of the assessable OPDs.
    expect(row(award, '1.01.01').components.find((c: any) => c.component === 'CATALOGUE_SPEND').normalised).toBe(0);
  });

  it('weights are configurable but must sum to 100', async () => {
    const bad = await t.exec(COMPUTE, { p: batu, c: { weights: [{ component: 'CATALOGUE_SPEND', weight: 50 }] } }, { token: bpbj });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const onlyShare = await compute({ weights: [
      { component: 'CATALOGUE_SPEND', weight: 0 }, { component: 'UMKK_SHARE', weight: 100 }, { component: 'TRANSACTIONS', weight: 0 },
      { component: 'ADOPTION', weight: 0 }, { component: 'PAYMENT_TIMELINESS', weight: 0 }, { component: 'ASN_COMPLIANCE', weight: 0 },
    ] });
    expect(row(onlyShare, '1.02.01').score).toBe(100);
    expect(row(onlyShare, '1.01.01').score).toBe(25);
  });

  it('publishing freezes a result: corrections make a new version, the published one never changes', async () => {
    // A new version starts from the period's last configuration: put the default weights back first.
    const DEFAULT_WEIGHTS = [['CATALOGUE_SPEND', 25], ['UMKK_SHARE', 30], ['TRANSACTIONS', 10], ['ADOPTION', 15], ['PAYMENT_TIMELINESS', 10], ['ASN_COMPLIANCE', 10]].map(([component, weight]) => ({ component, weight }));
    const draft = await compute({ ...TIERS, weights: DEFAULT_WEIGHTS, minUmkkSharePercent: 10 });
    const published = await t.exec(`mutation($id: ID!) { publishAward(id: $id) { status publishedAt } }`, { id: draft.id }, { token: bpbj });
    expect(published.data.publishAward.status).toBe('PUBLISHED');
    expect(errorCode(await t.exec(`mutation($id: ID!) { publishAward(id: $id) { status } }`, { id: draft.id }, { token: bpbj }))).toBe('CONFLICT');
    await expect(t.em().getConnection().execute(`update award_result set period = 'x' where id = ?`, [draft.id])).rejects.toThrow(/published and cannot change/);
    await expect(t.em().getConnection().execute(`delete from award_result where id = ?`, [draft.id])).rejects.toThrow(/published and cannot change/);

    // A late correction: Disdik's catalogue spend turns out higher. The new draft differs; the published one stays.
    await rollup('1.01.01', '2026-02', true, 200_000_000, 200_000_000, 3);
    const corrected = await compute(TIERS);
    expect(corrected.version).toBe(draft.version + 1);
    expect(row(corrected, '1.01.01').score).not.toBe(row(draft, '1.01.01').score);
    const frozen = await t.exec(`query($id: ID!) { awardResult(id: $id) { status rows { opdCode score } } }`, { id: draft.id });
    expect(frozen.data.awardResult.rows.find((r: any) => r.opdCode === '1.01.01').score).toBe(row(draft, '1.01.01').score);
    const diff = await t.exec(`query($a: ID!, $b: ID!) { compareAwardVersions(a: $a, b: $b) { opdCode scoreA scoreB delta } }`, { a: draft.id, b: corrected.id }, { token: bpbj });
    const disdik = diff.data.compareAwardVersions.find((d: any) => d.opdCode === '1.01.01');
    expect(disdik.delta).toBeCloseTo(disdik.scoreB - disdik.scoreA, 9);

    // The public leaderboard shows the published version, not the newer draft.
    const board = await t.exec(`query($p: ID!) { awardLeaderboard(pemdaId: $p) { rank opdName score tier } }`, { p: batu });
    expect(board.data.awardLeaderboard[0]).toEqual({ rank: 1, opdName: 'Dinas Kesehatan', score: 75, tier: 'MADYA' });
    expect(errorCode(await t.exec(`query($id: ID!) { awardResult(id: $id) { id } }`, { id: corrected.id }))).toBe('UNAUTHENTICATED');
    expect(await t.em().count(AwardResult, { period: '2026-Q1' })).toBeGreaterThanOrEqual(2);
  });

  it('only BPBJ of the Pemda computes and publishes; exports are CSV or XLSX', async () => {
    expect(errorCode(await t.exec(COMPUTE, { p: batu }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(COMPUTE, { p: batu }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('FORBIDDEN');
    const award = await compute();
    const csv = (await t.exec(`query($id: ID!) { exportAward(id: $id, format: CSV) { filename base64 } }`, { id: award.id }, { token: bpbj })).data.exportAward;
    const [header, first] = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['Peringkat', 'Kode OPD', 'Nama OPD', 'Skor', 'Predikat']);
    expect(first.startsWith('1,1.02.01,Dinas Kesehatan,')).toBe(true);
    const book = await xlsxBook((await t.exec(`query($id: ID!) { exportAward(id: $id, format: XLSX) { filename base64 } }`, { id: award.id }, { token: bpbj })).data.exportAward);
    const [ranking, explanation] = book.worksheets.map(sheetValues);
    const rankingHeader = ranking[5].map(String);
    expect(rankingHeader.some((h) => h.startsWith('Nilai belanja katalog (bobot'))).toBe(true);
    expect(rankingHeader.join(' ')).not.toMatch(/CATALOGUE_SPEND|UMKK_SHARE/);
    expect(explanation[5]).toEqual(['Kode OPD', 'Nama OPD', 'Komponen', 'Nilai', 'Nilai 0-100', 'Bobot', 'Kontribusi', 'Penjelasan']);
    expect(explanation.some((r) => r[0] === '1.02.01' && r[2] === 'Capaian UMK-K thd pagu' && String(r[7]).length > 10)).toBe(true);
    const pdf = (await pdfPages((await t.exec(`query($id: ID!) { exportAward(id: $id, format: PDF) { base64 } }`, { id: award.id }, { token: bpbj })).data.exportAward)).join('\n');
    expect(pdf).toContain('Dinas Kesehatan');
    expect(pdf).toContain('Penjelasan');
  });
});

describe('min-max normalisation', () => {
  const scale = (values: number[]) => minMaxScale(values.map((value, i) => ({ opd: `OPD ${i}`, value })));
  it('maps the range to 0-100 exactly, handles an all-equal field, and names the OPDs at its ends', () => {
    expect([5, 15, 25].map((x) => toDecimal(scale([5, 15, 25]).score(x), 3))).toEqual([0, 50, 100]);
    expect(scale([0, 3]).score(1)).toEqual({ n: 100n, d: 3n }); // 33.333... kept exact
    expect([7, 7].map((x) => toDecimal(scale([7, 7]).score(x)))).toEqual([100, 100]);
    expect([0, 0].map((x) => toDecimal(scale([0, 0]).score(x)))).toEqual([0, 0]);
    expect(scale([5, 25, 5]).explain(String)).toBe('(nilai - min) / (max - min) x 100; min 5 (OPD 0, OPD 2), max 25 (OPD 1)');
  });
});
