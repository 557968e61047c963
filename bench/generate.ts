/**
 * A Pemda year written straight into the tables with set-based SQL: 40 OPDs, `orders` orders of `linesPerOrder` lines
 * across 2026 (1 in 20 cancelled, the rest completed and paid 0-39 days after their BAST, each step stamped), 20,000 imported spend
 * rows, budgets, and the rollups (spend, payment delays) rebuilt by the code that restates them. For benchmarks only.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../server/identity/user.entity.js';
import { Opd } from '../server/opd/opd.entity.js';
import type { Pemda } from '../server/pemda/pemda.entity.js';
import { rebuildPaymentDelays } from '../server/purchasing/payment-delays.js';
import { rebuildRollups } from '../server/spend/rollup.js';

export async function generatePemdaYear(sql: EntityManager, pemda: Pemda, orders: number, linesPerOrder: number): Promise<void> {
  for (let i = (await sql.count(Opd, { pemda })) + 1; i <= 40; i++) sql.create(Opd, { pemda, code: `9.90.${String(i).padStart(2, '0')}`, name: `Kelurahan Bench ${i}`, shortName: `Kel. ${i}` });
  await sql.flush();
  const pp = await sql.findOneOrFail(User, { email: 'pp.dinkes@batukota.go.id' });
  const ppk = await sql.findOneOrFail(User, { email: 'ppk.dinkes@batukota.go.id' });
  await sql.execute(`create temporary table bench_opd as select row_number() over (order by code) as n, id from opd where pemda_id = ?`, [pemda.id]);
  await sql.execute(`create temporary table bench_vendor as select row_number() over (order by id) as n, id, is_umkk, is_local from vendor where pemda_id = ?`, [pemda.id]);
  await sql.execute(`create temporary table bench_product as select row_number() over (order by id) as n, id, is_pdn from product where pemda_id = ?`, [pemda.id]);
  // Orders spread evenly over the year in number order (created three days before their BAST), 1 in 20 cancelled
  // (never received, so no BAST; never counted), the rest completed.
  await sql.execute(
    `insert into purchase_order (id, created_at, updated_at, pemda_id, opd_id, vendor_id, created_by_id, ppk_id, status, negotiation, delivery_address,
        subtotal, shipping_cost, total, requires_ppk_approval, vendor_is_umkk, vendor_is_local, bast_date, received_amount, submitted_at)
     select gen_random_uuid(), (date '2026-01-01' + ((i - 1) * 365 / ?)::int - 3)::timestamptz, now(), ?, o.id, v.id, ?, ?, case when i % 20 = 0 then 'CANCELLED' else 'COMPLETED' end, 'NONE', 'Bench',
            0, 0, 0, false, v.is_umkk, v.is_local, case when i % 20 = 0 then null else date '2026-01-01' + ((i - 1) * 365 / ?)::int end, null,
            (date '2026-01-01' + ((i - 1) * 365 / ?)::int - 3)::timestamptz + interval '2 hours'
       from generate_series(1, ?) i
       join bench_opd o on o.n = 1 + (i * 7) % 40
       join bench_vendor v on v.n = 1 + (i * 13) % (select count(*) from bench_vendor)`,
    [orders, pemda.id, pp.id, ppk.id, orders, orders, orders],
  );
  await sql.execute(
    `insert into purchase_order_line (id, created_at, updated_at, order_id, product_id, position, product_name, unit, list_unit_price, unit_price, is_pdn, quantity, quantity_received, line_total)
     select gen_random_uuid(), now(), now(), po.id, p.id, k, 'Produk Bench', 'pcs', 1000 * (1 + (po.number * k) % 500), 1000 * (1 + (po.number * k) % 500), p.is_pdn,
            1 + (po.number + k) % 20, case when po.status = 'CANCELLED' then 0 else 1 + (po.number + k) % 20 end,
            1000 * (1 + (po.number * k) % 500) * (1 + (po.number + k) % 20)
       from purchase_order po cross join generate_series(1, ${linesPerOrder}) k
       join bench_product p on p.n = 1 + (po.number * 31 + k) % (select count(*) from bench_product)
      where po.pemda_id = ?`,
    [pemda.id],
  );
  await sql.execute(
    `update purchase_order po set subtotal = s.total, total = s.total, received_amount = case when po.status = 'CANCELLED' then null else s.total end
       from (select order_id, sum(line_total) as total from purchase_order_line group by order_id) s where s.order_id = po.id`,
  );
  // The steps' stamps, as the order process writes them: accepted the day after submission, received on the BAST date.
  await sql.execute(
    `update purchase_order set accepted_at = submitted_at + interval '1 day', shipped_at = submitted_at + interval '2 days',
            received_at = bast_date::timestamptz + interval '3 hours'
      where pemda_id = ? and status = 'COMPLETED'`,
    [pemda.id],
  );
  // Every completed order paid 0-39 days after its BAST: the award's payment-timeliness median has real work.
  await sql.execute(
    `insert into payment (id, created_at, updated_at, order_id, pemda_id, opd_id, bast_date, method, amount, paid_on, counted_on, recorded_by)
     select gen_random_uuid(), now(), now(), id, pemda_id, opd_id, bast_date, 'TRANSFER', total, bast_date + (number % 40)::int, bast_date + (number % 40)::int, ?
       from purchase_order where pemda_id = ? and status = 'COMPLETED' and total > 0`,
    [pp.id, pemda.id],
  );
  await sql.execute(
    `update purchase_order po set paid_at = pay.paid_on::timestamptz + interval '4 hours', completed_at = pay.paid_on::timestamptz + interval '5 hours'
       from payment pay where pay.order_id = po.id and po.pemda_id = ?`,
    [pemda.id],
  );
  await sql.execute(
    `insert into external_spend (id, created_at, updated_at, pemda_id, opd_id, external_ref, spent_on, vendor_name, amount, channel, is_umkk, is_pdn, is_local)
     select gen_random_uuid(), now(), now(), ?, o.id, 'BENCH-' || i, date '2026-01-01' + (i % 365), 'CV Bench', 1000000 + (i * 7919) % 50000000, 'TENDER', i % 2 = 0, true, i % 3 = 0
       from generate_series(1, 20000) i join bench_opd o on o.n = 1 + i % 40`,
    [pemda.id],
  );
  for (const o of await sql.find(Opd, { pemda })) {
    sql.persist(sql.create('OpdBudget', { pemda, opd: o, fiscalYear: 2026, effectiveFrom: '2026-01-01', goodsServicesBudget: 40_000_000_000 + (o.code.length * 1_000_000_000), plannedUmkk: 0, allocatedUmkk: 0 }));
  }
  await sql.flush();
  await sql.execute('delete from search_outbox');
  await rebuildRollups(sql, pemda.id);
  await rebuildPaymentDelays(sql, pemda.id);
  await sql.execute('analyze');
}
