import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BaseEntity } from '../database/base.entity.js';
import { addDays } from '../calendar/time-zone.js';
import { ratio, type Ratio } from '../exact.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

/**
 * Payments counted per OPD, month of payment and days from BAST to payment (the date the payment is counted by:
 * the vendor's confirmed date once it comes, else the officer's, `Payment.countedOn`). The award's payment-timeliness median is
 * read from these counts (exact: the median of a list is found from how often each value occurs), instead of
 * sorting a year of payments at every computation. Kept in the payment's own transaction (`countPaymentDelay`);
 * `rebuildPaymentDelays` recomputes it from the payments.
 */
@Entity({ tableName: 'payment_delay_rollup' })
@Unique({ name: 'payment_delay_rollup_key', properties: ['opd', 'month', 'days'] })
@Index({ name: 'payment_delay_rollup_pemda_month_index', properties: ['pemda', 'month'] })
export class PaymentDelayRollup extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  /** 'YYYY-MM' of the date the payment is counted by. */
  @Property({ length: 7 })
  month!: string;

  /** Whole days from the BAST date to the date the payment is counted by. */
  @Property()
  days!: number;

  @Property()
  payments!: number;
}

/** Counts one payment on the date it is counted by, inside the transaction that records it. */
export async function countPaymentDelay(em: EntityManager, p: { pemdaId: string; opdId: string; bastDate: string; countedOn: string }, by = 1): Promise<void> {
  await em.execute(
    `insert into payment_delay_rollup (id, created_at, updated_at, pemda_id, opd_id, month, days, payments)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?::date - ?::date, ?)
     on conflict (opd_id, month, days) do update set payments = payment_delay_rollup.payments + excluded.payments, updated_at = now()`,
    [p.pemdaId, p.opdId, p.countedOn.slice(0, 7), p.countedOn, p.bastDate, by],
  );
}

/** Moves one payment's count from the date it was counted by to another (the vendor's confirmed date). */
export async function movePaymentDelay(em: EntityManager, p: { pemdaId: string; opdId: string; bastDate: string; from: string; to: string }): Promise<void> {
  if (p.from === p.to) return;
  await countPaymentDelay(em, { ...p, countedOn: p.from }, -1);
  // A count that reached zero goes, so the table stays what a recount from the payments makes.
  await em.execute(`delete from payment_delay_rollup where opd_id = ? and month = ? and days = ?::date - ?::date and payments = 0`, [p.opdId, p.from.slice(0, 7), p.from, p.bastDate]);
  await countPaymentDelay(em, { ...p, countedOn: p.to });
}

/** Recomputes a Pemda's counts from its payments: the safety net, and what bulk loads call. */
export async function rebuildPaymentDelays(em: EntityManager, pemdaId: string): Promise<void> {
  await em.execute(`delete from payment_delay_rollup where pemda_id = ?`, [pemdaId]);
  await em.execute(
    `insert into payment_delay_rollup (id, created_at, updated_at, pemda_id, opd_id, month, days, payments)
     select gen_random_uuid(), now(), now(), pemda_id, opd_id, to_char(counted_on, 'YYYY-MM'), counted_on - bast_date, count(*)
       from payment where pemda_id = ?
      group by pemda_id, opd_id, to_char(counted_on, 'YYYY-MM'), counted_on - bast_date`,
    [pemdaId],
  );
}

export interface PaymentDelays {
  median: Ratio;
  paid: number;
  unpaid: number;
  /** Every delay in days, ascending, a repeated one once with its count: "3, 10 (4 paket), 30". */
  days: string;
}

/** The exact median and its explanation from how many payments (and unpaid BASTs) took each number of days. */
export function delaysFromCounts(counts: { days: number; paid: number; unpaid: number }[]): PaymentDelays {
  const sorted = [...counts].sort((a, b) => a.days - b.days);
  const n = sorted.reduce((sum, c) => sum + c.paid + c.unpaid, 0);
  // The values at 0-based positions floor((n-1)/2) and floor(n/2) of the sorted list: the same one when n is odd.
  const at = (position: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.paid + c.unpaid;
      if (position < seen) return c.days;
    }
    throw new Error('position beyond the counts');
  };
  return {
    median: ratio(at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2)), 2),
    paid: sorted.reduce((sum, c) => sum + c.paid, 0),
    unpaid: sorted.reduce((sum, c) => sum + c.unpaid, 0),
    days: sorted.map((c) => (c.paid + c.unpaid > 1 ? `${c.days} (${c.paid + c.unpaid} paket)` : String(c.days))).join(', '),
  };
}

/**
 * Days from BAST to payment per OPD: for the payments made from `from` (a month's first day) to `asOf`, and, for
 * every BAST of the year still unpaid on `asOf`, its age on that day (an OPD that pays nothing is late, not absent).
 * The payments of whole months before `asOf`'s are read from their counts per month and number of days
 * (`payment_delay_rollup`); those of `asOf`'s own month, up to that day, from the payments themselves. The unpaid
 * BASTs are the few not paid yet (`paid_at` is stamped in the step that records the payment) and those paid only
 * after `asOf`. Payments carry their order's OPD and BAST date, so both kinds of payment are read from one index
 * (`payment_pemda_counted_on_index`), without looking up their orders.
 */
export async function readPaymentDelays(em: EntityManager, pemdaId: string, range: { from: string; asOf: string; yearStart: string }): Promise<Map<string, PaymentDelays>> {
  // Counted to a month's last day (a period's end), the counts hold that month whole; otherwise its days up to
  // `asOf` are read from the payments.
  const dayAfter = addDays(range.asOf, 1);
  const countedBefore = (dayAfter.endsWith('-01') ? dayAfter : range.asOf).slice(0, 7);
  const rows = await em.execute<{ opd_id: string; days: number; paid: string; unpaid: string }[]>(
    `select opd_id, days, sum(paid) as paid, sum(unpaid) as unpaid from (
       select opd_id, days, payments as paid, 0 as unpaid
         from payment_delay_rollup where pemda_id = ? and month >= ? and month < ?
       union all
       select opd_id, counted_on - bast_date, 1, 0
         from payment where pemda_id = ? and counted_on >= greatest(?::date, (? || '-01')::date) and counted_on <= ?
       union all
       select po.opd_id, ?::date - po.bast_date, 0, 1
         from purchase_order po
        where po.pemda_id = ? and po.paid_at is null and po.bast_date >= ? and po.bast_date <= ?
       union all
       select opd_id, ?::date - bast_date, 0, 1
         from payment where pemda_id = ? and counted_on > ? and bast_date >= ? and bast_date <= ?) counted
     group by opd_id, days`,
    [pemdaId, range.from.slice(0, 7), countedBefore, pemdaId, range.from, countedBefore, range.asOf, range.asOf, pemdaId, range.yearStart, range.asOf, range.asOf, pemdaId, range.asOf, range.yearStart, range.asOf],
  );
  const byOpd = new Map<string, { days: number; paid: number; unpaid: number }[]>();
  for (const r of rows) {
    if (!byOpd.has(r.opd_id)) byOpd.set(r.opd_id, []);
    byOpd.get(r.opd_id)!.push({ days: Number(r.days), paid: Number(r.paid), unpaid: Number(r.unpaid) });
  }
  return new Map([...byOpd].map(([opdId, counts]) => [opdId, delaysFromCounts(counts)]));
}
