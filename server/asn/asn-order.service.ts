import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { requireActor } from '../auth/scope.js';
import { localDate } from '../calendar/time-zone.js';
import { Product } from '../catalogue/product.entity.js';
import { BUYER_VISIBLE } from '../catalogue/product.service.js';
import { returnStock, takeStock } from '../catalogue/stock.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, forbidden, requireReason, Validation } from '../errors.js';
import { Role } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { runOnce, runOnceLocked } from '../purchasing/idempotency.js';
import { AsnOrder, AsnOrderStatus, AsnProgramme, AsnPurchaseReport, type AsnOrderLine } from './asn.entities.js';
import { currentAsn, reportStatus } from './asn.service.js';

export interface AsnOrderItem {
  productId: string;
  quantity: number;
}

const MAX_LINES = 50;

/**
 * An ASN buys for themselves from one catalogue vendor through the platform: the stock is set aside at once
 * (never oversold), the vendor confirms the hand-over, and from that moment the purchase counts for every
 * programme of the ASN's Pemda on its own, in the month it happened.
 */
export class AsnOrderService {
  constructor(private readonly audit: AuditService) {}

  async place(ctx: RequestContext, items: AsnOrderItem[], key?: string | null): Promise<AsnOrder> {
    const asn = await currentAsn(ctx, 'Hanya akun ASN yang terdaftar yang dapat berbelanja untuk program belanja ASN.');
    const ids = items.map((i) => i.productId);
    new Validation()
      .check(items.length >= 1 && items.length <= MAX_LINES, 'items', `Pilih 1 sampai ${MAX_LINES} produk.`)
      .check(new Set(ids).size === ids.length, 'items', 'Satu produk cukup satu baris; ubah jumlahnya.')
      .check(items.every((i) => Number.isSafeInteger(i.quantity) && i.quantity >= 1), 'quantity', 'Jumlah berupa bilangan bulat 1 atau lebih.')
      .throwIfInvalid();
    const [orderId] = await runOnce(ctx, key, 'placeAsnOrder', async (em) => {
      const products = await em.find(Product, { id: { $in: ids }, pemda: asn.pemda, ...BUYER_VISIBLE }, { populate: ['category'] });
      if (products.length !== ids.length) throw badInput([{ field: 'items', message: 'Ada produk yang tidak tersedia di katalog Pemda Anda.' }]);
      if (new Set(products.map((p) => p.vendor.id)).size > 1) throw badInput([{ field: 'items', message: 'Satu pesanan untuk satu penyedia; pesan dari penyedia lain secara terpisah.' }]);
      const byId = new Map(products.map((p) => [p.id, p]));
      const lines: AsnOrderLine[] = items.map((item) => {
        const p = byId.get(item.productId)!;
        if (item.quantity < p.minOrderQuantity) throw badInput([{ field: 'quantity', message: `Pembelian minimal "${p.name}" adalah ${p.minOrderQuantity} ${p.unit}.` }]);
        return { productId: p.id, productName: p.name, unit: p.unit, unitPrice: p.price, quantity: item.quantity, lineTotal: p.price * item.quantity, basicNeeds: p.category.getEntity().basicNeeds };
      });
      for (const line of lines) await takeStock(em, line);
      const total = lines.reduce((sum, l) => sum + l.lineTotal, 0);
      if (!Number.isSafeInteger(total)) throw badInput([{ field: 'quantity', message: 'Nilai pesanan terlalu besar.' }]);
      const order = em.create(AsnOrder, { pemda: asn.pemda, asn, vendor: products[0].vendor, lines, total });
      this.audit.record(ctx, { pemdaId: asn.pemda.id, subjectType: AuditSubject.ASN_ORDER, subjectId: order.id, action: 'PLACED', toStatus: AsnOrderStatus.PLACED }, em);
      return [order.id];
    });
    return ctx.em.findOneOrFail(AsnOrder, orderId);
  }

  /** The vendor confirms the hand-over (and payment): the purchase counts, for every programme running that month. */
  async complete(ctx: RequestContext, orderId: string, key?: string | null): Promise<AsnOrder> {
    return this.step(ctx, orderId, 'completeAsnOrder', key, async (em, order) => {
      const actor = requireActor(ctx);
      if (actor.role !== Role.VENDOR || actor.vendorId !== order.vendor.id) throw forbidden('Hanya penyedia pesanan ini yang dapat menyatakannya selesai.');
      const pemda = await em.findOneOrFail(Pemda, order.pemda.id);
      const purchasedOn = localDate(ctx.now(), pemda.timeZone);
      const month = purchasedOn.slice(0, 7);
      const basicNeeds = order.lines.every((l) => l.basicNeeds);
      const programmes = await em.find(AsnProgramme, { pemda: order.pemda, startMonth: { $lte: month } });
      for (const programme of programmes) {
        em.create(AsnPurchaseReport, {
          programme, asn: order.asn, vendor: order.vendor, order, purchasedOn, month, amount: order.total,
          items: order.lines.map((l) => `${l.productName} (${l.quantity} ${l.unit})`).join(', '),
          productIds: order.lines.map((l) => l.productId), basicNeeds, reportedAt: ctx.now(),
          status: reportStatus(programme, basicNeeds, false), // recorded as it happens: never late
        });
      }
      order.completedAt = ctx.now();
      return AsnOrderStatus.COMPLETED;
    });
  }

  /** The ASN or the vendor cancels an order not yet handed over; its stock goes back. */
  async cancel(ctx: RequestContext, orderId: string, reason: string, key?: string | null): Promise<AsnOrder> {
    const why = requireReason(reason);
    return this.step(ctx, orderId, 'cancelAsnOrder', key, async (em, order) => {
      const actor = requireActor(ctx);
      const isBuyer = actor.role === Role.ASN && (await currentAsn(ctx, 'Hanya pembeli atau penyedia pesanan ini yang dapat membatalkannya.', em)).id === order.asn.id;
      const isVendor = actor.role === Role.VENDOR && actor.vendorId === order.vendor.id;
      if (!isBuyer && !isVendor) throw forbidden('Hanya pembeli atau penyedia pesanan ini yang dapat membatalkannya.');
      for (const line of order.lines) await returnStock(em, line.productId, line.quantity);
      order.statusReason = why;
      return AsnOrderStatus.CANCELLED;
    });
  }

  /** An ASN sees their own orders; a vendor the orders placed with it. Nobody else's. */
  async list(ctx: RequestContext): Promise<AsnOrder[]> {
    const actor = requireActor(ctx);
    const orderBy = { createdAt: 'desc', id: 'desc' } as const;
    if (actor.role === Role.VENDOR && actor.vendorId) return ctx.em.find(AsnOrder, { vendor: actor.vendorId }, { orderBy, limit: 200 });
    const asn = await currentAsn(ctx, 'Pesanan ASN hanya terlihat oleh pembelinya dan penyedianya.');
    return ctx.em.find(AsnOrder, { asn }, { orderBy, limit: 200 });
  }

  /** One transition of a PLACED order, under a row lock, in one transaction, on the audit log, idempotent with a key. */
  private async step(
    ctx: RequestContext,
    orderId: string,
    operation: string,
    key: string | null | undefined,
    change: (em: EntityManager, order: AsnOrder) => Promise<AsnOrderStatus>,
  ): Promise<AsnOrder> {
    return runOnceLocked(ctx, AsnOrder, orderId, operation, key, 'Pesanan', async (em, order) => {
      if (order.status !== AsnOrderStatus.PLACED) throw conflict(`Pesanan ini sudah ${order.status === AsnOrderStatus.COMPLETED ? 'selesai' : 'dibatalkan'}.`);
      const to = await change(em, order);
      this.audit.record(ctx, { pemdaId: order.pemda.id, subjectType: AuditSubject.ASN_ORDER, subjectId: order.id, action: to, fromStatus: order.status, toStatus: to, reason: order.statusReason }, em);
      order.status = to;
    });
  }
}
