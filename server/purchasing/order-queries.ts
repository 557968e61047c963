import { raw, type FilterQuery } from '@mikro-orm/core';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { isIsoDate, localDate, startOfLocalDate } from '../calendar/time-zone.js';
import type { Actor, RequestContext } from '../context.js';
import { paginate, type Page, type PageArgs } from '../database/pagination.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { toCsv } from '../exports/table-export.js';
import { Role } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { NegotiationStatus, Order, OrderLine, OrderStatus } from './order.entity.js';

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
    for (const [field, value] of [['from', filter.from], ['to', filter.to]] as const) {
      if (value && !isIsoDate(value)) throw badInput([{ field, message: 'Tanggal berformat YYYY-MM-DD.' }]);
    }
    // A platform admin has no Pemda: its date filters read in WIB, the zone most Pemdas use.
    const timeZone = actor.pemdaId ? (await ctx.em.findOneOrFail(Pemda, actor.pemdaId)).timeZone : 'Asia/Jakarta';
    const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    where.createdAt = {
      ...(filter.from && { $gte: startOfLocalDate(filter.from, timeZone) }),
      ...(filter.to && { $lt: startOfLocalDate(nextDay(filter.to), timeZone) }),
    };
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
    const order = await ctx.em.findOne(Order, { $and: [{ id }, orderScope(actor)] });
    if (!order) throw notFound('Paket');
    return order;
  }

  async countsByStatus(ctx: RequestContext): Promise<StatusTotal[]> {
    const actor = requireActor(ctx);
    const rows = await ctx.em
      .createQueryBuilder(Order, 'o')
      .select(['o.status', raw('count(*) as count'), raw('coalesce(sum(o.total), 0) as total')])
      .where(orderScope(actor) as object)
      .groupBy('o.status')
      .orderBy({ status: 'asc' })
      .execute<{ status: OrderStatus; count: string; total: string }[]>();
    return rows.map((r) => ({ status: r.status, count: Number(r.count), total: Number(r.total) }));
  }

  /** One row per order line with the date of every step and the payment, in the Pemda's time zone, for BPBJ. */
  async exportCsv(ctx: RequestContext, pemdaId: string, from: string, to: string): Promise<string> {
    const actor = requireActor(ctx);
    assertManagesPemda(actor, pemdaId);
    const pemda = await ctx.em.findOneOrFail(Pemda, pemdaId);
    const where = await filterWhere(ctx, { ...actor, pemdaId }, { from, to });
    const orders = await ctx.em.find(Order, { $and: [where, { pemda: pemdaId }] }, { populate: ['opd', 'vendor', 'payments'], orderBy: { number: 'asc' } });
    const lines = await ctx.em.find(OrderLine, { order: { $in: orders.map((o) => o.id) } }, { orderBy: { position: 'asc' } });
    const at = (d?: Date | null) => (d ? `${localDate(d, pemda.timeZone)} ${d.toLocaleTimeString('en-GB', { timeZone: pemda.timeZone, hour12: false })}` : '');
    const header = [
      'nomor_paket', 'status', 'opd', 'penyedia', 'nib', 'umkk', 'lokal', 'kode_rup', 'produk', 'satuan', 'jumlah', 'jumlah_diterima',
      'harga_satuan', 'total_baris', 'ongkos_kirim', 'total_paket', 'dibuat', 'diajukan', 'disetujui_ppk', 'diterima_penyedia', 'dikirim',
      'diterima_opd', 'nomor_bast', 'tanggal_bast', 'dibayar', 'metode_bayar', 'jumlah_bayar', 'alasan',
    ];
    const rows = orders.flatMap((order) => {
      const vendor = order.vendor.getEntity();
      const payment = order.payments.getItems()[0];
      return lines
        .filter((l) => l.order.id === order.id)
        .map((line) => [
          orderCode(order), order.status, order.opd.getEntity().name, vendor.businessName, vendor.nib, vendor.isUmkk ? 'ya' : 'tidak', vendor.isLocal ? 'ya' : 'tidak',
          order.rupCode ?? '', line.productName, line.unit, line.quantity, line.quantityReceived, line.unitPrice, line.lineTotal, order.shippingCost, order.total,
          at(order.createdAt), at(order.submittedAt), at(order.approvedAt), at(order.acceptedAt), at(order.shippedAt), at(order.receivedAt),
          order.bastNumber ?? '', order.bastDate ?? '', at(order.paidAt), payment?.method ?? '', payment?.amount ?? '', order.statusReason ?? '',
        ]);
    });
    return toCsv([header, ...rows]);
  }
}

export const orderCode = (order: Order) => `PKT-${String(order.number).padStart(6, '0')}`;
