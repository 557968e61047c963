/**
 * npm run bench:recap [-- --lines 1000000 --runs 50]
 *
 * A Pemda year with 40 OPDs and 1,000,000 order lines (plus imported spend), then: the Pemda's quarterly recap and
 * one OPD's monthly series through GraphQL (reading the rollups), next to the naive aggregate over the raw orders
 * and lines in the same run. Checks both give the same numbers; prints p50/p95/max and the speed-up. Then times
 * computing the E-Purchasing Award for the year (npm run bench:award runs the same file).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { Role, User } from '../server/identity/user.entity.js';
import { Opd } from '../server/opd/opd.entity.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { seedDemo } from '../seeds/demo.js';
import { generatePemdaYear } from './generate.js';
import { arg, benchDatabase, summarise, timed } from './support.js';

const LINES = arg('lines', 1_000_000);
const RUNS = arg('runs', 50);
const LINES_PER_ORDER = 4;
const ORDERS = Math.ceil(LINES / LINES_PER_ORDER);

const db = await benchDatabase('recap');
console.log(`bench:recap on ${db.label}: 40 OPDs, ${ORDERS} orders, ${ORDERS * LINES_PER_ORDER} order lines, ${RUNS} runs each`);
const em = db.em();
await seedDemo(em, { catalogue: true });
const pemda = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
const [generateMs] = await timed(() => generatePemdaYear(db.em(), pemda, ORDERS, LINES_PER_ORDER));
console.log(`  generated in ${(generateMs / 1000).toFixed(1)} s (rollups built by the same code that restates them)`);

const app = await createApp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), PGLITE_DATA_DIR: 'memory', RATE_LIMITS: 'false' }), db.orm);
await app.apollo.start();
const bpbj = await em.findOneOrFail(User, { role: Role.BPBJ, pemda });
const dinkes = await em.findOneOrFail(Opd, { pemda, shortName: 'Dinkes' });
const gql = async (query: string, variables: Record<string, unknown>) => {
  const ctx = app.systemContext();
  ctx.actor = { userId: bpbj.id, email: bpbj.email, role: Role.BPBJ, pemdaId: pemda.id, opdId: null, vendorId: null };
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue: ctx });
  if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
  return response.body.singleResult.data as Record<string, any>;
};
const RECAP = `query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, quarter: 2 }) { opds { opd { id } realisedTotal realisedUmkk realisedPdn umkkShareOfBudget status } } }`;
const SERIES = `query($p: ID!, $o: ID!) { spendMonthlySeries(pemdaId: $p, year: 2026, opdId: $o) { month realisedTotal realisedUmkk } }`;

/** The naive way: aggregate the raw orders and lines (and the imported rows) at every request. */
const naiveRecap = (e: EntityManager) =>
  e.execute<{ opd_id: string; total: string; umkk: string; pdn: string }[]>(
    `select opd_id, sum(total) as total, sum(umkk) as umkk, sum(pdn) as pdn from (
       select po.opd_id, po.received_amount as total, case when po.vendor_is_umkk then po.received_amount else 0 end as umkk,
              (select coalesce(sum(l.quantity_received * l.unit_price), 0) from purchase_order_line l where l.order_id = po.id and l.is_pdn) as pdn
         from purchase_order po where po.pemda_id = ? and po.status in ('RECEIVED', 'PAID', 'COMPLETED') and po.bast_date between '2026-04-01' and '2026-06-30'
       union all
       select opd_id, amount, case when is_umkk then amount else 0 end, case when is_pdn then amount else 0 end
         from external_spend where pemda_id = ? and spent_on between '2026-04-01' and '2026-06-30') x
     group by opd_id`,
    [pemda.id, pemda.id],
  );
const naiveSeries = (e: EntityManager) =>
  e.execute<{ month: string; total: string }[]>(
    `select to_char(d, 'YYYY-MM') as month, sum(total) as total from (
       select bast_date as d, received_amount as total from purchase_order where opd_id = ? and status in ('RECEIVED', 'PAID', 'COMPLETED') and bast_date between '2026-01-01' and '2026-12-31'
       union all select spent_on, amount from external_spend where opd_id = ? and spent_on between '2026-01-01' and '2026-12-31') x group by 1 order by 1`,
    [dinkes.id, dinkes.id],
  );

// Same numbers both ways, or the speed means nothing.
const fast = await gql(RECAP, { p: pemda.id });
const slow = new Map((await naiveRecap(db.em())).map((r) => [r.opd_id, r]));
for (const row of fast.spendRecap.opds) {
  const naive = slow.get(row.opd.id);
  if (Number(naive?.total ?? 0) !== row.realisedTotal || Number(naive?.umkk ?? 0) !== row.realisedUmkk || Number(naive?.pdn ?? 0) !== row.realisedPdn) {
    throw new Error(`recap mismatch for OPD ${row.opd.id}: rollups ${JSON.stringify(row)} vs naive ${JSON.stringify(naive)}`);
  }
}
const series = await gql(SERIES, { p: pemda.id, o: dinkes.id });
const naiveMonths = new Map((await naiveSeries(db.em())).map((r) => [r.month, Number(r.total)]));
for (const point of series.spendMonthlySeries) {
  if ((naiveMonths.get(point.month) ?? 0) !== point.realisedTotal) throw new Error(`series mismatch in ${point.month}`);
}
console.log(`  checked: rollups and raw aggregates agree for all ${fast.spendRecap.opds.length} OPDs and 12 months`);

// Each path is timed in its own block: interleaving them would time the recap in the naive query's wake.
const samples = { recap: [] as number[], naiveRecap: [] as number[], series: [] as number[], naiveSeries: [] as number[] };
for (let i = 0; i < RUNS; i++) samples.recap.push((await timed(() => gql(RECAP, { p: pemda.id })))[0]);
for (let i = 0; i < RUNS; i++) samples.series.push((await timed(() => gql(SERIES, { p: pemda.id, o: dinkes.id })))[0]);
for (let i = 0; i < RUNS; i++) samples.naiveRecap.push((await timed(() => naiveRecap(db.em())))[0]);
for (let i = 0; i < RUNS; i++) samples.naiveSeries.push((await timed(() => naiveSeries(db.em())))[0]);
console.log();
const r = summarise('Pemda recap, GraphQL (rollups)', samples.recap);
const nr = summarise('Pemda recap, naive SQL on raw rows', samples.naiveRecap);
const s = summarise('OPD monthly series, GraphQL', samples.series);
const ns = summarise('OPD monthly series, naive SQL', samples.naiveSeries);
console.log(`\nrecap: p95 ${r.p95.toFixed(1)} ms (target < 50 ms: ${r.p95 < 50 ? 'MET' : 'NOT MET'}), ${(nr.p50 / r.p50).toFixed(1)}x faster than naive at p50 (target >= 20x: ${nr.p50 / r.p50 >= 20 ? 'MET' : 'NOT MET'})`);
console.log(`series: p95 ${s.p95.toFixed(1)} ms, ${(ns.p50 / s.p50).toFixed(1)}x faster than naive at p50`);

// The award for the year, end to end through GraphQL (a new draft version each run).
const AWARD = `mutation($p: ID!) { computeAward(pemdaId: $p, year: 2026) { version rows { opdCode score rank tier } } }`;
const awardRuns = Math.min(RUNS, 10);
const award: number[] = [];
let ranked = 0;
for (let i = 0; i < awardRuns; i++) {
  const [ms, data] = await timed(() => gql(AWARD, { p: pemda.id }));
  award.push(ms);
  ranked = data.computeAward.rows.filter((r: { rank: number | null }) => r.rank !== null).length;
}
const a = summarise('computeAward, year, GraphQL', award);
console.log(`award: ${ranked} OPDs ranked; max ${a.max.toFixed(1)} ms (target < 2000 ms for 40 OPDs and 1,000,000 order lines: ${a.max < 2000 ? 'MET' : 'NOT MET'})`);

await app.apollo.stop();
await db.dispose();
