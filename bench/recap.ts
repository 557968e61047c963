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
import { rebuildRollups } from '../server/spend/rollup.js';
import { seedDemo } from '../seeds/demo.js';
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
for (let i = (await em.count(Opd, { pemda })) + 1; i <= 40; i++) em.create(Opd, { pemda, code: `9.90.${String(i).padStart(2, '0')}`, name: `Kelurahan Bench ${i}`, shortName: `Kel. ${i}` });
await em.flush();
const pp = await em.findOneOrFail(User, { email: 'pp.dinkes@batukota.go.id' });
const ppk = await em.findOneOrFail(User, { email: 'ppk.dinkes@batukota.go.id' });

const [generateMs] = await timed(async () => {
  const sql = db.em();
  await sql.execute(`create temporary table bench_opd as select row_number() over (order by code) as n, id from opd where pemda_id = ?`, [pemda.id]);
  await sql.execute(`create temporary table bench_vendor as select row_number() over (order by id) as n, id, is_umkk, is_local from vendor where pemda_id = ?`, [pemda.id]);
  await sql.execute(`create temporary table bench_product as select row_number() over (order by id) as n, id, is_pdn from product where pemda_id = ?`, [pemda.id]);
  // Orders across the year (bast_date), 1 in 20 cancelled (never counted), the rest completed.
  await sql.execute(
    `insert into purchase_order (id, created_at, updated_at, pemda_id, opd_id, vendor_id, created_by_id, ppk_id, status, negotiation, delivery_address,
        subtotal, shipping_cost, total, requires_ppk_approval, vendor_is_umkk, vendor_is_local, bast_date, received_amount)
     select gen_random_uuid(), now(), now(), ?, o.id, v.id, ?, ?, case when i % 20 = 0 then 'CANCELLED' else 'COMPLETED' end, 'NONE', 'Bench',
            0, 0, 0, false, v.is_umkk, v.is_local, date '2026-01-01' + (i % 365), null
       from generate_series(1, ?) i
       join bench_opd o on o.n = 1 + (i * 7) % 40
       join bench_vendor v on v.n = 1 + (i * 13) % (select count(*) from bench_vendor)`,
    [pemda.id, pp.id, ppk.id, ORDERS],
  );
  await sql.execute(
    `insert into purchase_order_line (id, created_at, updated_at, order_id, product_id, position, product_name, unit, list_unit_price, unit_price, is_pdn, quantity, quantity_received, line_total)
     select gen_random_uuid(), now(), now(), po.id, p.id, k, 'Produk Bench', 'pcs', 1000 * (1 + (po.number * k) % 500), 1000 * (1 + (po.number * k) % 500), p.is_pdn,
            1 + (po.number + k) % 20, case when po.status = 'CANCELLED' then 0 else 1 + (po.number + k) % 20 end,
            1000 * (1 + (po.number * k) % 500) * (1 + (po.number + k) % 20)
       from purchase_order po cross join generate_series(1, ${LINES_PER_ORDER}) k
       join bench_product p on p.n = 1 + (po.number * 31 + k) % (select count(*) from bench_product)
      where po.pemda_id = ?`,
    [pemda.id],
  );
  await sql.execute(
    `update purchase_order po set subtotal = s.total, total = s.total, received_amount = case when po.status = 'CANCELLED' then null else s.total end
       from (select order_id, sum(line_total) as total from purchase_order_line group by order_id) s where s.order_id = po.id`,
  );
  // Every completed order paid 0-39 days after its BAST: the award's payment-timeliness median has real work.
  await sql.execute(
    `insert into payment (id, created_at, updated_at, order_id, method, amount, paid_on, recorded_by)
     select gen_random_uuid(), now(), now(), id, 'TRANSFER', total, bast_date + (number % 40)::int, ?
       from purchase_order where pemda_id = ? and status = 'COMPLETED' and total > 0`,
    [pp.id, pemda.id],
  );
  await sql.execute(
    `insert into external_spend (id, created_at, updated_at, pemda_id, opd_id, external_ref, spent_on, vendor_name, amount, channel, is_umkk, is_pdn, is_local)
     select gen_random_uuid(), now(), now(), ?, o.id, 'BENCH-' || i, date '2026-01-01' + (i % 365), 'CV Bench', 1000000 + (i * 7919) % 50000000, 'TENDER', i % 2 = 0, true, i % 3 = 0
       from generate_series(1, 20000) i join bench_opd o on o.n = 1 + i % 40`,
    [pemda.id],
  );
  for (const o of await sql.find(Opd, { pemda })) {
    sql.persist(sql.create('OpdBudget', { pemda, opd: o, fiscalYear: 2026, goodsServicesBudget: 40_000_000_000 + (o.code.length * 1_000_000_000), plannedUmkk: 0, allocatedUmkk: 0 }));
  }
  await sql.flush();
  await sql.execute('delete from search_outbox');
  await rebuildRollups(sql, pemda.id);
  await sql.execute('analyze');
});
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
