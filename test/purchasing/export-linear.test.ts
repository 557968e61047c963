import { DEMO_PASSWORD } from '../../seeds/demo.js';
import { createApp } from '../../server/app.js';
import { startHttpServer } from '../../server/http/http-server.js';
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

  it('lets an officer in while it runs: `me` over HTTP is answered before the year\'s export is done', async () => {
    // On the embedded database the export's statements run in this thread. Without a turn of the event loop after each
    // one, the officer's request would not even be read until the export ended, on any database the same assertion holds.
    const server = await startHttpServer(await createApp({ ...t.config, port: 0, host: '127.0.0.1' }, t.db.orm, { now: t.clock.now }));
    try {
      const post = (query: string, headers: Record<string, string> = {}) =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) }).then((r) => r.json() as Promise<any>);
      const signedIn = await post(`mutation { login(input: { email: "pp.dinkes@batukota.go.id", password: "${DEMO_PASSWORD}" }) { token } }`);
      const officer = { authorization: `Bearer ${signedIn.data.login.token}` };
      const events: string[] = [];
      const exporting = t.exec(`query($p: ID!) { exportOrders(pemdaId: $p, from: "2026-01-01", to: "2026-12-31", format: CSV) { filename } }`, { p: batu.id }, { token }).then((r) => {
        events.push('export done');
        return r;
      });
      const me = await post('{ me { email } }', officer);
      events.push('me answered');
      expect(me.errors).toBeUndefined();
      expect(me.data.me.email).toBe('pp.dinkes@batukota.go.id');
      expect((await exporting).errors).toBeUndefined();
      expect(events).toEqual(['me answered', 'export done']);
    } finally {
      await server.close();
    }
  });
});
