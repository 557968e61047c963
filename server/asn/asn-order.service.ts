import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { requireActor } from '../auth/scope.js';
import { Role } from '../identity/user.entity.js';
import { localDate } from '../calendar/time-zone.js';
import { Product } from '../catalogue/product.entity.js';
import { BUYER_VISIBLE } from '../catalogue/visibility.js';
import { returnStock, takeStock } from '../catalogue/stock.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, forbidden, requireReason, Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { runOnce, runOnceLocked } from '../transactions/idempotency.js';
import { ASN_ORDER_PROCESS, AsnOrderAction, AsnOrderEffect, PARTY_ROLE, type AsnOrderParty } from './asn-order-process.js';
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
    const { ids: [orderId] } = await runOnce(ctx, key, 'placeAsnOrder', async (tx) => {
      const em = tx.em;
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
      this.audit.record(tx, { pemdaId: asn.pemda.id, subjectType: AuditSubject.ASN_ORDER, subjectId: order.id, action: 'PLACED', toStatus: AsnOrderStatus.PLACED });
      return { ids: [order.id] };
    });
    return ctx.em.findOneOrFail(AsnOrder, orderId);
  }

  /** The vendor confirms the hand-over (and payment): the purchase counts, for every programme running that month. */
  complete(ctx: RequestContext, orderId: string, key?: string | null): Promise<AsnOrder> {
    return this.step(ctx, AsnOrderAction.COMPLETE, orderId, key, null);
  }

  /** The ASN or the vendor cancels an order not yet handed over; its stock goes back. */
  cancel(ctx: RequestContext, orderId: string, reason: string, key?: string | null): Promise<AsnOrder> {
    return this.step(ctx, AsnOrderAction.CANCEL, orderId, key, reason);
  }

  /** An ASN sees their own orders; a vendor the orders placed with it. Nobody else's. */
  async list(ctx: RequestContext): Promise<AsnOrder[]> {
    const actor = requireActor(ctx);
    const orderBy = { createdAt: 'desc', id: 'desc' } as const;
    if (actor.role === Role.VENDOR && actor.vendorId) return ctx.em.find(AsnOrder, { vendor: actor.vendorId }, { orderBy, limit: 200 });
    const asn = await currentAsn(ctx, 'Pesanan ASN hanya terlihat oleh pembelinya dan penyedianya.');
    return ctx.em.find(AsnOrder, { asn }, { orderBy, limit: 200 });
  }

  /**
   * One action of the ASN order process (`asn-order-process.ts`): who and from where as the table says, then the
   * effects of entering the new state and the audit entry, under a row lock, in one transaction, idempotent with a key.
   */
  private async step(ctx: RequestContext, action: AsnOrderAction, orderId: string, key: string | null | undefined, reason: string | null): Promise<AsnOrder> {
    const rule = ASN_ORDER_PROCESS[action];
    const why = rule.needsReason ? requireReason(reason) : null;
    return runOnceLocked(ctx, AsnOrder, orderId, action, key, 'Pesanan', async (tx, order) => {
      if (!(await this.isParty(tx, rule.by, order))) throw forbidden(rule.refusal);
      if (!rule.from.includes(order.status)) throw conflict(`Pesanan ini sudah ${order.status === AsnOrderStatus.COMPLETED ? 'selesai' : 'dibatalkan'}.`);
      const from = order.status;
      order.status = rule.to;
      if (why) order.statusReason = why;
      if (rule.to === AsnOrderStatus.COMPLETED) order.completedAt = tx.now();
      for (const effect of rule.onEnter) await this.effects[effect](tx, order);
      this.audit.record(tx, { pemdaId: order.pemda.id, subjectType: AuditSubject.ASN_ORDER, subjectId: order.id, action: rule.to, fromStatus: from, toStatus: rule.to, reason: order.statusReason });
    });
  }

  private async isParty(tx: RequestContext, parties: readonly AsnOrderParty[], order: AsnOrder): Promise<boolean> {
    const actor = requireActor(tx);
    if (parties.includes('VENDOR') && actor.role === PARTY_ROLE.VENDOR && actor.vendorId === order.vendor.id) return true;
    return parties.includes('BUYER') && actor.role === PARTY_ROLE.BUYER && (await currentAsn(tx, 'Hanya pembeli pesanan ini yang dapat melakukannya.')).id === order.asn.id;
  }

  private readonly effects: Record<AsnOrderEffect, (tx: RequestContext, order: AsnOrder) => Promise<void>> = {
    WRITE_REPORTS: async (tx, order) => {
      const pemda = await tx.em.findOneOrFail(Pemda, order.pemda.id);
      const purchasedOn = localDate(tx.now(), pemda.timeZone);
      const month = purchasedOn.slice(0, 7);
      const basicNeeds = order.lines.every((l) => l.basicNeeds);
      const programmes = await tx.em.find(AsnProgramme, { pemda: order.pemda, startMonth: { $lte: month } });
      for (const programme of programmes) {
        tx.em.create(AsnPurchaseReport, {
          programme, asn: order.asn, vendor: order.vendor, order, purchasedOn, month, amount: order.total,
          items: order.lines.map((l) => `${l.productName} (${l.quantity} ${l.unit})`).join(', '),
          productIds: order.lines.map((l) => l.productId), basicNeeds, reportedAt: tx.now(),
          status: reportStatus(programme, basicNeeds, false), // recorded as it happens: never late
        });
      }
    },
    RETURN_STOCK: async (tx, order) => {
      for (const line of order.lines) await returnStock(tx.em, line.productId, line.quantity);
    },
  };
}
