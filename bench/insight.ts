/**
 * npm run bench:insight [-- --lines 1000000 --runs 30 --only <word>]
 *
 * The analyses BPBJ and the public read for a whole Pemda year (40 OPDs, 1,000,000 order lines by default, from the
 * recap benchmark's generator), each through GraphQL next to the naive way in the same run, numbers checked equal:
 * - the December forecast (rollups) vs aggregating the raw orders and imported rows;
 * - vendor concentration vs fetching every counted order and summing per vendor in the application;
 * - split orders under the standing rule (the stored groups; the first read builds the year) vs the year's orders
 *   and lines read OPD by OPD through the same rule;
 * - price checks of a page of 100 products vs one query per product;
 * - one page of the OCDS release package (keyset) vs the same page by OFFSET deep in the year.
 * Prints the first call (for split orders, it builds the year's stored groups), then p50/p95/max; the target is p95
 * under 200 ms for each analysis.
 */
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { Role, User } from '../server/identity/user.entity.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { seedDemo } from '../seeds/demo.js';
import { candidatesOf, findSplits, type SplitRow } from '../server/insight/split-orders.js';
import { generatePemdaYear } from './generate.js';
import { arg, benchDatabase, summarise, timed } from './support.js';

const LINES = arg('lines', 1_000_000);
const RUNS = arg('runs', 30);
const LINES_PER_ORDER = 4;
const ORDERS = Math.ceil(LINES / LINES_PER_ORDER);
const TARGET_MS = 200;

const db = await benchDatabase('insight');
console.log(`bench:insight on ${db.label}: 40 OPDs, ${ORDERS} orders, ${ORDERS * LINES_PER_ORDER} order lines, ${RUNS} runs each`);
const em = db.em();
await seedDemo(em, { catalogue: true });
const pemda = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
const [generateMs] = await timed(() => generatePemdaYear(db.em(), pemda, ORDERS, LINES_PER_ORDER));
console.log(`  generated in ${(generateMs / 1000).toFixed(1)} s`);

// A forecast made in December of the generated year, by the Pemda's BPBJ.
const now = new Date('2026-12-03T03:00:00Z');
const app = await createApp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), PGLITE_DATA_DIR: 'memory', RATE_LIMITS: 'false' }), db.orm, { now: () => now });
await app.apollo.start();
const bpbj = await em.findOneOrFail(User, { role: Role.BPBJ, pemda });
const gql = async (query: string, variables: Record<string, unknown>) => {
  const ctx = app.systemContext();
  ctx.actor = { userId: bpbj.id, email: bpbj.email, role: Role.BPBJ, pemdaId: pemda.id, opdId: null, vendorId: null };
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue: ctx });
  if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
  return response.body.singleResult.data as Record<string, any>;
};
const sql = <T>(query: string, params: unknown[]) => db.em().getConnection().execute<T[]>(query, params);
const p = pemda.id;

function same(what: string, a: unknown, b: unknown) {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what}: GraphQL and naive differ\n${JSON.stringify(a).slice(0, 400)}\n${JSON.stringify(b).slice(0, 400)}`);
}

interface Analysis {
  name: string;
  graphql: () => Promise<unknown>;
  naive: () => Promise<unknown>;
}

const FORECAST = `query($p: ID!) { decemberForecast(pemdaId: $p, year: 2026) { throughMonth opds { opdId realisedUmkk projectedUmkk willMiss } } }`;
const CONCENTRATION = `query($p: ID!) { vendorConcentration(pemdaId: $p, year: 2026) { opdId catalogueSpend vendors hhi } }`;
const SPLITS = `query($p: ID!) { splitOrderFlags(pemdaId: $p, year: 2026) { opdId basis total orders { id } } }`;
const PRICES = `{ products(first: 100) { edges { node { id priceCheck { verdict median } } } } }`;
const OCDS = `query($p: ID!, $after: String) { ocdsReleases(pemdaId: $p, first: 100, after: $after) { releaseCount nextCursor } }`;

const analyses: Analysis[] = [
  {
    name: 'December forecast',
    graphql: async () => (await gql(FORECAST, { p })).decemberForecast.opds.map((o: any) => [o.opdId, o.realisedUmkk]).sort(),
    naive: async () =>
      (await sql<{ opd_id: string; umkk: string }>(
        `select opd_id, sum(umkk)::bigint as umkk from (
           select opd_id, received_amount as umkk from purchase_order where pemda_id = ? and vendor_is_umkk and status in ('RECEIVED', 'PAID', 'COMPLETED') and bast_date between '2026-01-01' and '2026-11-30'
           union all select opd_id, amount from external_spend where pemda_id = ? and is_umkk and spent_on between '2026-01-01' and '2026-11-30') x
          where opd_id in (select opd_id from opd_budget where pemda_id = ? and fiscal_year = 2026 and goods_services_budget > 0)
          group by opd_id`,
        [p, p, p],
      )).map((r: any) => [r.opd_id, Number(r.umkk)]).sort(),
  },
  {
    name: 'Vendor concentration',
    graphql: async () => (await gql(CONCENTRATION, { p })).vendorConcentration.map((c: any) => [c.opdId, c.catalogueSpend, c.vendors, c.hhi]).sort(),
    naive: async () => {
      // Every counted order fetched, summed per OPD and vendor in the application.
      const rows = await sql<{ opd_id: string; vendor_id: string; received_amount: string }>(
        `select opd_id, vendor_id, received_amount from purchase_order where pemda_id = ? and status in ('RECEIVED', 'PAID', 'COMPLETED') and bast_date between '2026-01-01' and '2026-12-31'`, [p]);
      const byOpd = new Map<string, Map<string, bigint>>();
      for (const r of rows) {
        const vendors = byOpd.get(r.opd_id) ?? new Map<string, bigint>();
        vendors.set(r.vendor_id, (vendors.get(r.vendor_id) ?? 0n) + BigInt(r.received_amount));
        byOpd.set(r.opd_id, vendors);
      }
      return [...byOpd].map(([opd, vendors]) => {
        const amounts = [...vendors.values()];
        const total = amounts.reduce((a, b) => a + b, 0n);
        const squares = amounts.reduce((a, b) => a + b * b, 0n);
        return [opd, Number(total), amounts.length, Number((2n * 10000n * squares + total * total) / (2n * total * total))];
      }).sort();
    },
  },
  {
    name: 'Split orders',
    graphql: async () => (await gql(SPLITS, { p })).splitOrderFlags.map((f: any) => [f.opdId, f.basis, f.total, f.orders.length]).sort(),
    naive: async () => {
      // The same rows read OPD by OPD, then the same rule.
      const rows: SplitRow[] = [];
      for (const o of await sql<{ id: string }>(`select id from opd where pemda_id = ?`, [p])) {
        rows.push(...(await sql<SplitRow>(
          `select o.id, o.number, o.opd_id, opd.code as opd_code, opd.name as opd_name, (o.submitted_at at time zone 'Asia/Jakarta')::date::text as submitted_on,
                  o.vendor_id, v.business_name as vendor, o.total, c.id as category_id, c.name as category, sum(l.line_total) as in_category
             from purchase_order o join opd on opd.id = o.opd_id join vendor v on v.id = o.vendor_id join purchase_order_line l on l.order_id = o.id
             join product pr on pr.id = l.product_id join category c on c.id = pr.category_id
            where o.opd_id = ? and o.submitted_at is not null and o.status not in ('REJECTED', 'CANCELLED')
              and (o.submitted_at at time zone 'Asia/Jakarta')::date between date '2025-12-18' and date '2027-01-14'
            group by o.id, opd.code, opd.name, v.business_name, c.id, c.name`, [o.id])));
      }
      return findSplits(candidatesOf(rows), 14, pemda.ppkApprovalThreshold).filter((f) => f.from.startsWith('2026')).map((f) => [f.opdId, f.basis, f.total, f.orders.length]).sort();
    },
  },
  {
    name: 'Price checks, 100 products',
    graphql: async () => (await gql(PRICES, {})).products.edges.map((e: any) => [e.node.id, e.node.priceCheck?.verdict]).sort(),
    naive: async () => {
      const ids = (await gql(`{ products(first: 100) { edges { node { id } } } }`, {})).products.edges.map((e: any) => e.node.id);
      const out: unknown[] = [];
      for (const id of ids) out.push([id, (await gql(`query($id: ID!) { product(id: $id) { priceCheck { verdict } } }`, { id })).product.priceCheck?.verdict]);
      return out.sort();
    },
  },
];

// One page of open data deep in the year: by the keyset cursor vs the same page found by OFFSET.
const firstPage = await gql(OCDS, { p });
let cursor = firstPage.ocdsReleases.nextCursor as string;
for (let i = 0; i < 20 && cursor; i++) cursor = (await gql(OCDS, { p, after: cursor })).ocdsReleases.nextCursor;
analyses.push({
  name: 'OCDS page 22 of the year',
  graphql: async () => (await gql(OCDS, { p, after: cursor })).ocdsReleases.releaseCount,
  naive: async () =>
    (await sql(`select * from (select id, submitted_at as at from purchase_order where pemda_id = ? and submitted_at is not null
                  union all select id, accepted_at from purchase_order where pemda_id = ? and accepted_at is not null
                  union all select id, received_at from purchase_order where pemda_id = ? and received_at is not null) e
                order by at, id offset 2100 limit 100`, [p, p, p])).length,
});

console.log();
const failed: string[] = [];
// `-- --only price` times the analyses whose name contains the word, for a quicker run while tuning one.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].toLowerCase() : null;
for (const a of analyses.filter((x) => !only || x.name.toLowerCase().includes(only))) {
  const [firstMs, firstAnswer] = await timed(a.graphql);
  same(a.name, firstAnswer, await a.naive());
  console.log(`${a.name}: first call ${firstMs.toFixed(1)} ms`);
  const fast: number[] = [];
  const slow: number[] = [];
  for (let i = 0; i < RUNS; i++) fast.push((await timed(a.graphql))[0]);
  for (let i = 0; i < Math.min(RUNS, 5); i++) slow.push((await timed(a.naive))[0]);
  const f = summarise(`${a.name}, GraphQL`, fast);
  const s = summarise(`${a.name}, naive`, slow);
  console.log(`  ${(s.p50 / f.p50).toFixed(1)}x the naive way at p50; p95 ${f.p95.toFixed(1)} ms (target < ${TARGET_MS} ms: ${f.p95 < TARGET_MS ? 'MET' : 'NOT MET'})\n`);
  if (f.p95 >= TARGET_MS) failed.push(a.name);
}
console.log(failed.length ? `NOT MET: ${failed.join(', ')}` : `every analysis under ${TARGET_MS} ms at p95`);

await app.apollo.stop();
await db.dispose();
