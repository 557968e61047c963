/**
 * What a PP (and the PPK who approves) should know before an order goes to the vendor: warnings, never blocks. They
 * are read while the order can still change or be cancelled (DRAFT, SUBMITTED, APPROVED); once the vendor has
 * accepted, the order is the record and carries none.
 * - REPEAT_VENDOR: the Pemda's repeat-vendor rule (as Banyuwangi's): the OPD already has `repeatVendorLimit` or more
 *   orders with this vendor submitted in the `repeatVendorWindowDays` days before this one (cancelled and rejected
 *   orders do not count).
 * - PRICE_HIGH: a line's agreed unit price is far above similar products (the price-fairness rule).
 * - PRICE_ABOVE_EARLIER: a line's agreed unit price is more than 10% above what the Pemda agreed for the same product
 *   over the past year.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { rupiah } from '../reports/indonesian.js';
import { aboveEarlier, EARLIER_PRICE_MARGIN_PERCENT, isHigh, priceChecks } from './price-fairness.js';

export type OrderWarningCode = 'REPEAT_VENDOR' | 'PRICE_HIGH' | 'PRICE_ABOVE_EARLIER';

export interface OrderWarning {
  code: OrderWarningCode;
  message: string;
  /** The line's product, for the price warnings. */
  productId: string | null;
}

const OPEN = ['DRAFT', 'SUBMITTED', 'APPROVED'];

/** Warnings of many orders in four statements, however many orders and lines. */
export async function orderWarnings(em: EntityManager, orderIds: readonly string[], now: Date): Promise<Map<string, OrderWarning[]>> {
  const connection = em.getConnection();
  const orders = await connection.execute<{ id: string; repeat_limit: number; window_days: number; vendor: string; earlier: string }[]>(
    `select po.id, pe.repeat_vendor_limit as repeat_limit, pe.repeat_vendor_window_days as window_days, v.business_name as vendor,
            (select count(*) from purchase_order e
              where e.opd_id = po.opd_id and e.vendor_id = po.vendor_id and e.id <> po.id and e.status not in ('CANCELLED', 'REJECTED')
                and e.submitted_at is not null and e.submitted_at <= coalesce(po.submitted_at, ?)
                and e.submitted_at > coalesce(po.submitted_at, ?) - make_interval(days => pe.repeat_vendor_window_days)) as earlier
       from purchase_order po join pemda pe on pe.id = po.pemda_id join vendor v on v.id = po.vendor_id
      where po.id in (?) and po.status in (?)`,
    [now, now, orderIds as string[], OPEN],
  );
  const warnings = new Map<string, OrderWarning[]>(orderIds.map((id) => [id, []]));
  if (!orders.length) return warnings;
  for (const o of orders) {
    if (o.repeat_limit > 0 && Number(o.earlier) >= o.repeat_limit) {
      warnings.get(o.id)!.push({
        code: 'REPEAT_VENDOR',
        message: `OPD ini sudah ${o.earlier} kali memesan dari ${o.vendor} dalam ${o.window_days} hari terakhir (batas ${o.repeat_limit}): pertimbangkan penyedia lain.`,
        productId: null,
      });
    }
  }
  const lines = await connection.execute<{ order_id: string; product_id: string; product_name: string; unit_price: string }[]>(
    `select order_id, product_id, product_name, unit_price from purchase_order_line where order_id in (?) order by order_id, position`,
    [orders.map((o) => o.id)],
  );
  const checks = await priceChecks(em, [...new Set(lines.map((l) => l.product_id))], new Date(now.getTime() - 365 * 86_400_000));
  for (const line of lines) {
    const check = checks.get(line.product_id);
    const price = Number(line.unit_price);
    if (!check) continue;
    if (check.median !== null && check.mad !== null && isHigh(price, check.median, check.mad)) {
      warnings.get(line.order_id)!.push({
        code: 'PRICE_HIGH',
        message: `${line.product_name}: ${rupiah(price)} jauh di atas median ${rupiah(Math.round(check.median))} dari ${check.comparedWith} produk sekategori dan sesatuan.`,
        productId: line.product_id,
      });
    }
    if (aboveEarlier(price, check.earlierAgreedPrice)) {
      warnings.get(line.order_id)!.push({
        code: 'PRICE_ABOVE_EARLIER',
        message: `${line.product_name}: ${rupiah(price)} lebih dari ${EARLIER_PRICE_MARGIN_PERCENT}% di atas harga yang sudah disepakati untuk produk ini dalam setahun terakhir (${rupiah(check.earlierAgreedPrice)}).`,
        productId: line.product_id,
      });
    }
  }
  return warnings;
}
