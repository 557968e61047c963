import { asReport } from '../database/statement-timeout.js';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { localDateRange, localDateTime } from '../calendar/time-zone.js';
import type { Actor, RequestContext } from '../context.js';
import { paginate, type Page, type PageArgs } from '../database/pagination.js';
import { badInput, forbidden } from '../errors.js';
import { dateName, label, ORDER_STATUS, PAYMENT_METHOD } from '../reports/indonesian.js';
import { renderReport } from '../reports/render.js';
import { printedFor, type Cell, type CsvDialect, type ReportColumn, type ExportFile, type ExportFormat, type Report } from '../reports/report.js';
import { Role } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { NegotiationStatus, Order, OrderStatus } from './order.entity.js';
import { findInScope } from '../database/find.js';
import { readPaymentDelays, type PaymentDelays } from './payment-delays.js';

export interface OrderFilter {
  status?: OrderStatus[] | null;
  opdId?: string | null;
  vendorId?: string | null;
  /** Created on or after this local date (YYYY-MM-DD, Pemda time zone). */
  from?: string | null;
  /** Created on or before this local date. */
  to?: string | null;
  totalMin?: number | null;
  totalMax?: number | null;
}

export interface StatusTotal {
  status: OrderStatus;
  count: number;
  total: number;
}

/** Whose orders the caller sees: its OPD's (PP, PPK), its own (vendor: not drafts it was never asked about), its Pemda's (BPBJ). */
export function orderScope(actor: Actor): FilterQuery<Order> {
  switch (actor.role) {
    case Role.PLATFORM_ADMIN:
      return {};
    case Role.BPBJ:
      return { pemda: actor.pemdaId! };
    case Role.PP:
    case Role.PPK:
      return { opd: actor.opdId! };
    case Role.VENDOR:
      return { vendor: actor.vendorId!, $or: [{ status: { $ne: OrderStatus.DRAFT } }, { negotiation: { $ne: NegotiationStatus.NONE } }] };
    default:
      throw forbidden('Peran Anda tidak melihat paket pengadaan.');
  }
}

async function filterWhere(ctx: RequestContext, actor: Actor, filter: OrderFilter): Promise<FilterQuery<Order>> {
  const where: Record<string, unknown> = { ...(orderScope(actor) as object) };
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.opdId) where.opd = actor.role === Role.PP || actor.role === Role.PPK ? { $eq: actor.opdId, $in: [filter.opdId] } : filter.opdId;
  if (filter.vendorId) where.vendor = actor.role === Role.VENDOR ? where.vendor : filter.vendorId;
  if (filter.totalMin != null || filter.totalMax != null) {
    where.total = { ...(filter.totalMin != null && { $gte: filter.totalMin }), ...(filter.totalMax != null && { $lte: filter.totalMax }) };
  }
  if (filter.from || filter.to) {
    // A platform admin has no Pemda: its date filters read in WIB, the zone most Pemdas use.
    const timeZone = actor.pemdaId ? (await ctx.em.findOneOrFail(Pemda, actor.pemdaId)).timeZone : 'Asia/Jakarta';
    where.createdAt = localDateRange(filter.from, filter.to, timeZone);
  }
  return where as FilterQuery<Order>;
}

export class OrderQueries {
  async list(ctx: RequestContext, filter: OrderFilter, page: PageArgs): Promise<Page<Order>> {
    const actor = requireActor(ctx);
    return paginate(ctx.em, Order, await filterWhere(ctx, actor, filter), page, { createdAt: 'desc', id: 'desc' });
  }

  /** An order outside the caller's scope is NOT_FOUND: its existence is not the caller's business. */
  async get(ctx: RequestContext, id: string): Promise<Order> {
    const actor = requireActor(ctx);
    const order = await findInScope(ctx.em, Order, { $and: [{ id }, orderScope(actor)] }, 'Paket');
    return order;
  }

  async countsByStatus(ctx: RequestContext): Promise<StatusTotal[]> {
    const actor = requireActor(ctx);
    const rows = await ctx.em
      .createQueryBuilder(Order, 'o')
      .select(['o.status', raw('count(*) as count'), raw('coalesce(sum(o.total), 0) as total')])
      .where(orderScope(actor) as object)
      .groupBy('o.status')
      .execute<{ status: OrderStatus; count: string; total: string }[]>();
    // In the order of the process (draft, submitted, ... completed, cancelled), as a list's filters read: the column's
    // alphabetical order put "Dibatalkan" and "Selesai" before "Draf".
    const position = (status: OrderStatus) => IN_PROCESS_ORDER.indexOf(status);
    return rows.sort((a, b) => position(a.status) - position(b.status)).map((r) => ({ status: r.status, count: Number(r.count), total: Number(r.total) }));
  }

  /**
   * The orders of a period for BPBJ, one row per line with the date of every step and of the first payment, in the
   * Pemda's time zone. Read in pages of `pageSize` orders (keyset on the order number) as plain rows, one statement a
   * page with its lines, so the work grows linearly with the orders and no entity is built for a file; between pages
   * the process turns to whoever else is waiting, so an officer's request waits behind one page, not behind the whole
   * export (`npm run bench:abuse` measures it).
   */
  export(ctx: RequestContext, pemdaId: string, from: string, to: string, format: ExportFormat, dialect?: CsvDialect, pageSize = 50): Promise<ExportFile> {
    return asReport(ctx, async (ctx) => renderReport(await this.ordersReport(ctx, pemdaId, from, to, pageSize), format, dialect), 'reads only');
  }

  /** Who may export which period: BPBJ of the Pemda, both ends given, a real range. Also checked before a job is queued. */
  async checkExport(ctx: RequestContext, pemdaId: string, from: string, to: string): Promise<{ pemda: Pemda; created: { $gte: Date; $lt: Date } }> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const pemda = await ctx.em.findOneOrFail(Pemda, pemdaId);
    // Both ends are required: the period is the file.
    if (!from || !to) throw badInput([{ field: from ? 'to' : 'from', message: 'Tanggal awal dan akhir wajib diisi (YYYY-MM-DD).' }]);
    return { pemda, created: localDateRange(from, to, pemda.timeZone) as { $gte: Date; $lt: Date } };
  }

  private async ordersReport(ctx: RequestContext, pemdaId: string, from: string, to: string, pageSize: number): Promise<Report> {
    const { pemda, created } = await this.checkExport(ctx, pemdaId, from, to);
    const at = (d: Date | string | null) => (d ? localDateTime(new Date(d), pemda.timeZone) : '');
    const rows: Cell[][] = [];
    const orderTotals = new Map<number, { shipping: number; total: number }>();
    for (let after = 0; ; ) {
      const page = await ctx.em.execute<Record<string, any>[]>(
        `with page as (
           select po.* from purchase_order po
            where po.pemda_id = ? and po.created_at >= ? and po.created_at < ? and po.number > ?
            order by po.number limit ?)
         select page.number, page.status, opd.name as opd_name, v.business_name, v.nib, v.is_umkk, v.is_local, page.rup_code,
                l.product_name, l.unit, l.quantity, l.quantity_received, l.unit_price, l.line_total, page.shipping_cost, page.total,
                page.created_at, page.submitted_at, page.approved_at, page.accepted_at, page.shipped_at, page.received_at,
                page.bast_number, page.bast_date, page.paid_at, pay.paid_on::text as paid_on, pay.vendor_received_on::text as vendor_received_on, pay.method, pay.amount, page.status_reason
           from page join opd on opd.id = page.opd_id join vendor v on v.id = page.vendor_id
           left join purchase_order_line l on l.order_id = page.id
           left join lateral (select paid_on, vendor_received_on, method, amount from payment where order_id = page.id order by paid_on, id limit 1) pay on true
          order by page.number, l.position`,
        [pemdaId, created.$gte, created.$lt, after, pageSize],
      );
      if (!page.length) break;
      const numbers = page.map((r) => Number(r.number));
      after = Math.max(...numbers);
      for (const r of page) {
        if (r.product_name === null) continue;
        orderTotals.set(Number(r.number), { shipping: Number(r.shipping_cost), total: Number(r.total) });
        rows.push([
          orderCode({ number: Number(r.number) }), label(ORDER_STATUS, r.status), r.opd_name, r.business_name, r.nib, r.is_umkk ? 'ya' : 'tidak', r.is_local ? 'ya' : 'tidak',
          r.rup_code ?? '', r.product_name, r.unit, r.quantity, r.quantity_received, Number(r.unit_price), Number(r.line_total), Number(r.shipping_cost), Number(r.total),
          at(r.created_at), at(r.submitted_at), at(r.approved_at), at(r.accepted_at), at(r.shipped_at), at(r.received_at),
          r.bast_number ?? '', r.bast_date ?? '', r.paid_on ?? '', at(r.paid_at), r.vendor_received_on ?? '', label(PAYMENT_METHOD, r.method), r.amount == null ? null : Number(r.amount), r.status_reason ?? '',
        ]);
      }
      if (new Set(numbers).size < pageSize) break;
    }
    const orders = [...orderTotals.values()];
    const columns: ReportColumn[] = [
      { header: 'Nomor Paket' }, { header: 'Status' }, { header: 'OPD' }, { header: 'Penyedia' }, { header: 'NIB' }, { header: 'UMK-K' }, { header: 'Lokal' },
      { header: 'Kode RUP' }, { header: 'Produk' }, { header: 'Satuan' }, { header: 'Jumlah', kind: 'count' }, { header: 'Jumlah Diterima', kind: 'count' },
      { header: 'Harga Satuan', kind: 'rupiah' }, { header: 'Total Baris', kind: 'rupiah' }, { header: 'Ongkos Kirim (paket)', kind: 'rupiah' }, { header: 'Total Paket', kind: 'rupiah' },
      { header: 'Dibuat' }, { header: 'Diajukan' }, { header: 'Disetujui PPK' }, { header: 'Diterima Penyedia' }, { header: 'Dikirim' }, { header: 'Diterima OPD' },
      { header: 'Nomor BAST' }, { header: 'Tanggal BAST' }, { header: 'Tanggal Bayar' }, { header: 'Pembayaran Dicatat' }, { header: 'Dana Diterima (konfirmasi penyedia)' }, { header: 'Metode Bayar' }, { header: 'Jumlah Bayar', kind: 'rupiah' }, { header: 'Alasan' },
    ];
    const totals: Cell[] = Array(columns.length).fill(null);
    totals[0] = `Jumlah: ${orders.length} paket, ${rows.length} baris`;
    totals[13] = rows.reduce((a, r) => a + (r[13] as number), 0);
    totals[14] = orders.reduce((a, o) => a + o.shipping, 0);
    totals[15] = orders.reduce((a, o) => a + o.total, 0);
    return {
      filename: `paket-${from}-${to}`,
      title: 'Daftar Paket E-Purchasing Katalog Lokal',
      ...(await printedFor(ctx, pemda)),
      period: `${dateName(from)} s.d. ${dateName(to)} (tanggal paket dibuat)`,
      tables: [{
        name: 'Paket',
        columns,
        // On A4 paper the file keeps what identifies and prices each line; the XLSX carries every column.
        pdfColumns: [0, 1, 2, 3, 8, 10, 12, 13, 14, 15, 16, 23, 24],
        rows,
        totals,
      }],
      notes: ['Ongkos kirim dan total paket berulang pada setiap baris paket; baris jumlah menghitung setiap paket sekali. Waktu dalam zona waktu Pemda.'],
    };
  }

  /** Days from BAST to payment per OPD, for the award (see `readPaymentDelays`). */
  paymentDelays(ctx: RequestContext, pemdaId: string, range: { from: string; asOf: string; yearStart: string }): Promise<Map<string, PaymentDelays>> {
    return readPaymentDelays(ctx.em, pemdaId, range);
  }
}

/** The states as the enum declares them: in the order an order goes through them. */
const IN_PROCESS_ORDER = Object.values(OrderStatus);

export const orderCode = (order: Pick<Order, 'number'>) => `PKT-${String(order.number).padStart(6, '0')}`;


