import type { EntityManager } from '@mikro-orm/postgresql';
import { SpendRecognition } from '../pemda/pemda.entity.js';
import { asPeriodClosed } from './closed-periods.js';
import { countedAsSpend } from '../purchasing/order-process.js';
import type { Order, OrderLine } from '../purchasing/order.entity.js';

export interface RollupDelta {
  pemdaId: string;
  opdId: string;
  /** 'YYYY-MM' in the Pemda's time zone. */
  month: string;
  catalogue: boolean;
  total: number;
  umkk: number;
  pdn: number;
  local: number;
  transactions: number;
}

/**
 * Adds (or, with negative amounts, takes back) spend in a month's rollup, inside the caller's transaction. A closed
 * month refuses it (the table's trigger): CONFLICT, and the caller's transaction rolls back whole.
 */
export async function applyRollup(em: EntityManager, d: RollupDelta): Promise<void> {
  await em.execute(
    `insert into spend_rollup (id, created_at, updated_at, pemda_id, opd_id, month, catalogue, total, umkk, pdn, local, transactions)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (opd_id, month, catalogue) do update set
       total = spend_rollup.total + excluded.total, umkk = spend_rollup.umkk + excluded.umkk, pdn = spend_rollup.pdn + excluded.pdn,
       local = spend_rollup.local + excluded.local, transactions = spend_rollup.transactions + excluded.transactions, updated_at = now()`,
    [d.pemdaId, d.opdId, d.month, d.catalogue, d.total, d.umkk, d.pdn, d.local, d.transactions],
  ).catch((error) => Promise.reject(asPeriodClosed(error)));
}

/** A catalogue order becomes realised spend at the value received, in the month of its BAST (or payment) date: in the OPD's month and its vendor's. */
export async function recogniseOrder(em: EntityManager, order: Order, lines: OrderLine[], localDate: string): Promise<void> {
  const total = order.receivedAmount ?? 0;
  await applyRollup(em, {
    pemdaId: order.pemda.id,
    opdId: order.opd.id,
    month: localDate.slice(0, 7),
    catalogue: true,
    total,
    umkk: order.vendorIsUmkk ? total : 0,
    local: order.vendorIsLocal ? total : 0,
    pdn: lines.filter((l) => l.isPdn).reduce((sum, l) => sum + l.quantityReceived * l.unitPrice, 0),
    transactions: 1,
  });
  await em.execute(
    `insert into vendor_spend_rollup (id, created_at, updated_at, pemda_id, opd_id, vendor_id, month, amount, orders)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, 1)
     on conflict (opd_id, vendor_id, month) do update set
       amount = vendor_spend_rollup.amount + excluded.amount, orders = vendor_spend_rollup.orders + 1, updated_at = now()`,
    [order.pemda.id, order.opd.id, order.vendor.id, localDate.slice(0, 7), total],
  ).catch((error) => Promise.reject(asPeriodClosed(error)));
}

/**
 * A Pemda's orders that count as realised catalogue spend, each with `counted_on` (the local date that places it in a
 * month: the BAST date, or the payment date where the Pemda counts at payment) and `pdn_amount`: the one definition
 * the rollup rebuild and the analyses that need vendors (concentration) share. Takes `countedOrdersParams(pemdaId)`.
 */
export const COUNTED_ORDERS = `(select po.*, case when pe.spend_recognition = 'PAID' then pay.paid_on else po.bast_date end as counted_on,
                    (select coalesce(sum(l.quantity_received * l.unit_price), 0) from purchase_order_line l where l.order_id = po.id and l.is_pdn) as pdn_amount
               from purchase_order po join pemda pe on pe.id = po.pemda_id
               left join payment pay on pay.order_id = po.id
              where po.pemda_id = ?
                and ((pe.spend_recognition = 'RECEIVED' and po.status in (?))
                  or (pe.spend_recognition = 'PAID' and po.status in (?))))`;
export const countedOrdersParams = (pemdaId: string) => [pemdaId, countedAsSpend(SpendRecognition.RECEIVED), countedAsSpend(SpendRecognition.PAID)];

/**
 * Recomputes a Pemda's rollups of its open months from the raw rows: the safety net, and what runs when the Pemda
 * changes when catalogue spend counts. Closed months keep the figures they were closed with. The same sums the
 * incremental path keeps, in one statement per source.
 */
export async function rebuildRollups(em: EntityManager, pemdaId: string): Promise<void> {
  const open = `> coalesce((select closed_through from pemda where id = ?), '')`;
  await em.execute(`delete from spend_rollup where pemda_id = ? and month ${open}`, [pemdaId, pemdaId]);
  await em.execute(`delete from vendor_spend_rollup where pemda_id = ? and month ${open}`, [pemdaId, pemdaId]);
  await em.execute(
    `insert into vendor_spend_rollup (id, created_at, updated_at, pemda_id, opd_id, vendor_id, month, amount, orders)
     select gen_random_uuid(), now(), now(), o.pemda_id, o.opd_id, o.vendor_id, to_char(o.counted_on, 'YYYY-MM'), sum(o.received_amount), count(*)
       from ${COUNTED_ORDERS} o
      where to_char(o.counted_on, 'YYYY-MM') ${open}
      group by o.pemda_id, o.opd_id, o.vendor_id, to_char(o.counted_on, 'YYYY-MM')`,
    [...countedOrdersParams(pemdaId), pemdaId],
  );
  await em.execute(
    `insert into spend_rollup (id, created_at, updated_at, pemda_id, opd_id, month, catalogue, total, umkk, pdn, local, transactions)
     select gen_random_uuid(), now(), now(), o.pemda_id, o.opd_id, to_char(o.counted_on, 'YYYY-MM'), true,
            sum(o.received_amount), sum(case when o.vendor_is_umkk then o.received_amount else 0 end),
            sum(o.pdn_amount), sum(case when o.vendor_is_local then o.received_amount else 0 end), count(*)
       from ${COUNTED_ORDERS} o
      where to_char(o.counted_on, 'YYYY-MM') ${open}
      group by o.pemda_id, o.opd_id, to_char(o.counted_on, 'YYYY-MM')`,
    [...countedOrdersParams(pemdaId), pemdaId],
  );
  await em.execute(
    `insert into spend_rollup (id, created_at, updated_at, pemda_id, opd_id, month, catalogue, total, umkk, pdn, local, transactions)
     select gen_random_uuid(), now(), now(), pemda_id, opd_id, to_char(spent_on, 'YYYY-MM'), false, sum(amount),
            sum(case when is_umkk then amount else 0 end), sum(case when is_pdn then amount else 0 end),
            sum(case when is_local then amount else 0 end), count(*)
       from external_spend where pemda_id = ? and to_char(spent_on, 'YYYY-MM') ${open} group by pemda_id, opd_id, to_char(spent_on, 'YYYY-MM')`,
    [pemdaId, pemdaId],
  );
}
