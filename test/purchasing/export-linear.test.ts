import { Pemda } from '../../server/pemda/pemda.entity.js';
import { generatePemdaYear } from '../../bench/generate.js';
import { createTestApp, type TestApp } from '../support/harness.js';

const PAGE = 50; // OrderQueries.export's page of orders

/**
 * The orders export grows linearly with the orders: a page of 50 orders a statement, each page found by walking the
 * (pemda, number) index from the last one, never by scanning the Pemda's orders again. Measured by what the
 * database does (statements sent, rows an index scan visits), not by the clock.
 */
describe('the orders export is linear in the orders exported', () => {
  let t: TestApp;
  let batu: Pemda;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
    batu = await t.em().findOneOrFail(Pemda, { kemendagriCode: '35.79' });
    await generatePemdaYear(t.em(), batu, 800, 2);
    token = await t.login('bpbj@batukota.go.id');
  }, 120_000);
  afterAll(() => t.close());

  const exportPages = async (from: string, to: string) => {
    const counted = await t.em().getConnection().execute(
      `select count(*)::int as n from purchase_order where pemda_id = ? and created_at >= (?::date - interval '7 hours') and created_at < (?::date + interval '17 hours')`,
      [batu.id, from, to],
    );
    t.queries.length = 0;
    const result = await t.exec(`query($p: ID!, $from: String!, $to: String!) { exportOrders(pemdaId: $p, from: $from, to: $to, format: CSV) { filename } }`, { p: batu.id, from, to }, { token });
    expect(result.errors).toBeUndefined();
    return { orders: counted[0].n as number, pages: t.queries.filter((q) => q.includes('with page as')).length, statements: t.queries.length };
  };

  it('sends one statement per 50 orders, so four times the orders cost four times the statements', async () => {
    const quarter = await exportPages('2026-01-01', '2026-03-31');
    const year = await exportPages('2026-01-01', '2026-12-31');
    expect(year.orders).toBeGreaterThanOrEqual(4 * quarter.orders - 20);
    for (const run of [quarter, year]) expect(run.pages).toBe(Math.floor(run.orders / PAGE) + 1);
    // Whatever else the export reads (the Pemda, the caller, the letterhead) does not grow with the orders.
    expect(year.statements - year.pages).toBe(quarter.statements - quarter.pages);
  });

  it('finds each page by walking the index from the last order, visiting only that page\'s rows', async () => {
    const [{ number: middle }] = await t.em().getConnection().execute(`select number from purchase_order where pemda_id = ? order by number offset 400 limit 1`, [batu.id]);
    const plan = (await t.em().getConnection().execute(
      `explain (analyze, costs off, timing off) select po.* from purchase_order po
        where po.pemda_id = ? and po.created_at >= '2025-12-31T17:00:00Z' and po.created_at < '2026-12-31T17:00:00Z' and po.number > ?
        order by po.number limit ${PAGE}`,
      [batu.id, middle],
    )).map((r: any) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(new RegExp(`Index Scan using purchase_order_pemda_number_index on purchase_order po \\(actual rows=${PAGE} loops=1\\)`));
  });
});
