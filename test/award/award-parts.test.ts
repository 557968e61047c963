import type { EntityManager } from '@mikro-orm/postgresql';
import { AwardComponent } from '../../server/award/award.entities.js';
import { AWARD_PARTS } from '../../server/award/parts/index.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { applyRollup } from '../../server/spend/rollup.js';
import { pemdaIds } from '../support/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';

const COMPUTE = `mutation($p: ID!) { computeAward(pemdaId: $p, year: 2026, quarter: 1) {
  version weights { component weight } rows { opdCode assessable score components { component weight contribution } }
} }`;

describe('award components as parts', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;

  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
    const dinkes = await t.em().findOneOrFail(Opd, { pemda: batu, code: '1.02.01' });
    await t.exec(`mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { fiscalYear } }`, {
      input: { opdId: dinkes.id, fiscalYear: 2026, goodsServicesBudget: 1_000_000_000, plannedUmkk: 0, allocatedUmkk: 0 },
    }, { token: bpbj });
    await t.em().transactional((em) => applyRollup(em as EntityManager, { pemdaId: batu, opdId: dinkes.id, month: '2026-02', catalogue: true, total: 300_000_000, umkk: 300_000_000, pdn: 0, local: 0, transactions: 10 }));
  });
  afterAll(() => t.close());

  it('has one part per component, in the order the award shows them', () => {
    expect(AWARD_PARTS.map((p) => p.component)).toEqual(['CATALOGUE_SPEND', 'UMKK_SHARE', 'TRANSACTIONS', 'ADOPTION', 'PAYMENT_TIMELINESS', 'ASN_COMPLIANCE']);
    expect(new Set(AWARD_PARTS.map((p) => p.component))).toEqual(new Set(Object.values(AwardComponent)));
  });

  it('gives a component that a saved version predates the weight 0, never an undefined weight or a NaN score', async () => {
    const first = await t.exec(COMPUTE, { p: batu }, { token: bpbj });
    expect(first.errors).toBeUndefined();
    // A version saved before ASN_COMPLIANCE existed: its 10 points were CATALOGUE_SPEND's.
    await t.em().getConnection().execute(
      `update award_result set snapshot = jsonb_set(snapshot #- '{config,weights,ASN_COMPLIANCE}', '{config,weights,CATALOGUE_SPEND}', '35') where pemda_id = ?`,
      [batu],
    );
    const next = await t.exec(COMPUTE, { p: batu }, { token: bpbj });
    expect(next.errors).toBeUndefined();
    const award = next.data.computeAward;
    expect(award.version).toBe(2);
    expect(award.weights).toEqual([
      { component: 'CATALOGUE_SPEND', weight: 35 }, { component: 'UMKK_SHARE', weight: 30 }, { component: 'TRANSACTIONS', weight: 10 },
      { component: 'ADOPTION', weight: 15 }, { component: 'PAYMENT_TIMELINESS', weight: 10 }, { component: 'ASN_COMPLIANCE', weight: 0 },
    ]);
    const dinkes = award.rows.find((r: any) => r.opdCode === '1.02.01');
    // Dinkes alone: catalogue spend 100 x 35%, UMK-K share 120% of a quarter's budget capped at 100 x 30%,
    // transactions 100 x 10%, adoption 100 x 15%, no payment 0, ASN 0 x 0%: 35 + 30 + 10 + 15 = 90.
    expect(dinkes.components.map((c: any) => [c.component, c.weight, c.contribution])).toEqual([
      ['CATALOGUE_SPEND', 35, 35], ['UMKK_SHARE', 30, 30], ['TRANSACTIONS', 10, 10], ['ADOPTION', 15, 15], ['PAYMENT_TIMELINESS', 10, 0], ['ASN_COMPLIANCE', 0, 0],
    ]);
    expect(dinkes.score).toBe(90);
  });
});
