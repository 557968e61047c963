import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditSubject } from '../audit/audit-log.entity.js';
import { takeStock } from '../catalogue/stock.js';
import type { AuditService } from '../audit/audit.service.js';
import { requireActor } from '../auth/scope.js';
import { isIsoDate, localDate } from '../calendar/time-zone.js';
import { ProductStatus } from '../catalogue/product.entity.js';
import type { Actor, RequestContext } from '../context.js';
import { AppError, badInput, conflict, forbidden, notFound, requireReason, Validation } from '../errors.js';
import { Role, User } from '../identity/user.entity.js';
import { Pemda, SpendRecognition } from '../pemda/pemda.entity.js';
import { recogniseOrder } from '../spend/rollup.js';
import { VendorStatus } from '../vendor/vendor.entity.js';
import { requirePp } from './cart.service.js';
import { runOnce, runOnceLocked } from './idempotency.js';
import { CartItem, NegotiationStatus, Order, OrderLine, OrderStatus, Payment, PaymentMethod } from './order.entity.js';

export interface CheckoutInput {
  deliveryAddress: string;
  ppkId: string;
  rupCode?: string | null;
  neededBy?: string | null;
  notes?: string | null;
  idempotencyKey?: string | null;
}

export interface LinePrice {
  lineId: string;
  unitPrice: number;
}

export interface LineReceipt {
  lineId: string;
  quantityReceived: number;
}

export interface PaymentInput {
  method: PaymentMethod;
  amount: number;
  paidOn: string;
  reference?: string | null;
}

/** Why a cart line cannot be checked out as it stands. */
export enum CartProblem {
  UNAVAILABLE = 'UNAVAILABLE',
  PRICE_CHANGED = 'PRICE_CHANGED',
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
}

/** Orders still waiting for the vendor's answer. */
export const AWAITING_VENDOR = [OrderStatus.SUBMITTED, OrderStatus.APPROVED];
export const UNANSWERED_REASON = 'tidak direspons';

function wrongState(order: Order, allowed: OrderStatus[], action: string): AppError {
  return conflict(`Paket berstatus ${order.status}; ${action} hanya dari status ${allowed.join('/')}.`, { status: order.status });
}

function recomputeTotals(order: Order, lines: OrderLine[]): void {
  for (const line of lines) line.lineTotal = line.quantity * line.unitPrice;
  order.subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  order.total = order.subtotal + order.shippingCost;
}

export class OrderService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Checkout: the OPD's cart becomes one DRAFT order per vendor, each line snapshotting name, unit and price.
   * A line whose product vanished, whose price changed since it was added, that falls below the minimum order
   * or exceeds the stock is reported (CONFLICT, `extensions.lines`) and nothing is created.
   */
  async checkout(ctx: RequestContext, input: CheckoutInput): Promise<string[]> {
    const actor = requirePp(ctx);
    return runOnce(ctx, input.idempotencyKey, 'createOrder', async (em) => {
      const pemda = await em.findOneOrFail(Pemda, actor.pemdaId);
      const v = new Validation()
        .check((input.deliveryAddress ?? '').trim().length >= 5, 'deliveryAddress', 'Alamat pengiriman wajib diisi.')
        .check(!input.rupCode || /^[0-9A-Za-z.\-/]{3,40}$/.test(input.rupCode), 'rupCode', 'Kode RUP 3-40 karakter: huruf, angka, titik, garis miring atau tanda hubung.')
        .check(!input.neededBy || (isIsoDate(input.neededBy) && input.neededBy >= localDate(ctx.now(), pemda.timeZone)), 'neededBy', 'Tanggal dibutuhkan berformat YYYY-MM-DD dan tidak boleh lampau.');
      const ppk = await em.findOne(User, { id: input.ppkId, role: Role.PPK, opd: actor.opdId, active: true });
      v.check(Boolean(ppk), 'ppkId', 'Pilih PPK aktif dari OPD Anda.');
      v.throwIfInvalid();

      const items = await em.find(CartItem, { opd: actor.opdId }, { populate: ['product', 'product.vendor'], orderBy: { createdAt: 'asc', id: 'asc' } });
      if (items.length === 0) throw badInput([{ field: 'cart', message: 'Keranjang OPD masih kosong.' }]);

      const problems = items.flatMap((item) => {
        const product = item.product.getEntity();
        const vendor = product.vendor.getEntity();
        const line = { productId: product.id, productName: product.name };
        if (product.status !== ProductStatus.PUBLISHED || vendor.status !== VendorStatus.VERIFIED) return [{ ...line, problem: CartProblem.UNAVAILABLE }];
        if (product.price !== item.unitPriceSeen) return [{ ...line, problem: CartProblem.PRICE_CHANGED, expected: item.unitPriceSeen, actual: product.price }];
        if (item.quantity < product.minOrderQuantity) return [{ ...line, problem: CartProblem.BELOW_MINIMUM, expected: product.minOrderQuantity, actual: item.quantity }];
        if (item.quantity > product.stock) return [{ ...line, problem: CartProblem.INSUFFICIENT_STOCK, expected: item.quantity, actual: product.stock }];
        return [];
      });
      if (problems.length) {
        throw conflict(`${problems.length} barang di keranjang berubah sejak ditambahkan; periksa lalu simpan ulang keranjang.`, { lines: problems });
      }

      const byVendor = new Map<string, CartItem[]>();
      for (const item of items) {
        const vendorId = item.product.getEntity().vendor.id;
        byVendor.set(vendorId, [...(byVendor.get(vendorId) ?? []), item]);
      }
      const orders: Order[] = [];
      for (const [vendorId, vendorItems] of byVendor) {
        const vendor = vendorItems[0].product.getEntity().vendor.getEntity();
        const order = em.create(Order, {
          pemda,
          vendorIsUmkk: vendor.isUmkk,
          vendorIsLocal: vendor.isLocal,
          opd: actor.opdId,
          vendor: vendorId,
          createdBy: actor.userId,
          ppk: ppk!,
          deliveryAddress: input.deliveryAddress.trim(),
          rupCode: input.rupCode || null,
          neededBy: input.neededBy || null,
          notes: input.notes?.trim() || null,
          subtotal: 0,
          total: 0,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        });
        const lines = vendorItems.map((item, position) => {
          const product = item.product.getEntity();
          return em.create(OrderLine, {
            order,
            product,
            position,
            productName: product.name,
            unit: product.unit,
            listUnitPrice: product.price,
            unitPrice: product.price,
            isPdn: product.isPdn,
            quantity: item.quantity,
            lineTotal: 0,
          });
        });
        recomputeTotals(order, lines);
        this.record(ctx, em, order, 'CREATED', null);
        orders.push(order);
      }
      items.forEach((item) => em.remove(item));
      return orders.map((o) => o.id);
    });
  }

  /** The PP proposes lower unit prices before submitting; the vendor then accepts or counters once. */
  async proposePrices(ctx: RequestContext, orderId: string, prices: LinePrice[], key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'proposePrices', key, async (em, order, actor) => {
      this.assertPp(actor, order);
      if (order.status !== OrderStatus.DRAFT) throw wrongState(order, [OrderStatus.DRAFT], 'negosiasi');
      if (order.negotiation !== NegotiationStatus.NONE) throw conflict('Negosiasi untuk paket ini sudah pernah dibuka.');
      const lines = await this.lines(em, order);
      const v = new Validation().check(prices.length > 0, 'prices', 'Usulkan harga untuk minimal satu baris.');
      for (const price of prices) {
        const line = lines.find((l) => l.id === price.lineId);
        v.check(Boolean(line), 'prices', `Baris ${price.lineId} bukan bagian dari paket ini.`);
        if (line) v.check(Number.isSafeInteger(price.unitPrice) && price.unitPrice > 0 && price.unitPrice < line.listUnitPrice, 'prices', `Harga usulan "${line.productName}" harus lebih rendah dari harga katalog Rp${line.listUnitPrice}.`);
      }
      v.throwIfInvalid();
      for (const price of prices) lines.find((l) => l.id === price.lineId)!.proposedUnitPrice = price.unitPrice;
      order.negotiation = NegotiationStatus.PROPOSED;
      this.record(ctx, em, order, 'PRICES_PROPOSED', order.status);
    });
  }

  /** The vendor accepts the proposed prices, or counters once with prices between the proposal and the list price. */
  async respondToNegotiation(ctx: RequestContext, orderId: string, accept: boolean, counter: LinePrice[], key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'respondToNegotiation', key, async (em, order, actor) => {
      this.assertVendor(actor, order);
      if (order.negotiation !== NegotiationStatus.PROPOSED) throw conflict('Tidak ada usulan harga yang menunggu jawaban.');
      const lines = await this.lines(em, order);
      if (accept) {
        for (const line of lines) if (line.proposedUnitPrice != null) line.unitPrice = line.proposedUnitPrice;
        order.negotiation = NegotiationStatus.ACCEPTED;
      } else {
        const v = new Validation().check(counter.length > 0, 'counter', 'Sebutkan harga tawaran balik.');
        for (const price of counter) {
          const line = lines.find((l) => l.id === price.lineId);
          v.check(Boolean(line?.proposedUnitPrice != null), 'counter', `Baris ${price.lineId} tidak sedang dinegosiasikan.`);
          if (line?.proposedUnitPrice != null) {
            v.check(Number.isSafeInteger(price.unitPrice) && price.unitPrice >= line.proposedUnitPrice && price.unitPrice <= line.listUnitPrice, 'counter', `Tawaran balik "${line.productName}" harus antara Rp${line.proposedUnitPrice} dan Rp${line.listUnitPrice}.`);
          }
        }
        v.throwIfInvalid();
        for (const line of lines) {
          const price = counter.find((c) => c.lineId === line.id);
          if (line.proposedUnitPrice != null) line.unitPrice = price ? price.unitPrice : line.proposedUnitPrice;
          if (price) line.counterUnitPrice = price.unitPrice;
        }
        order.negotiation = NegotiationStatus.COUNTERED;
      }
      recomputeTotals(order, lines);
      this.record(ctx, em, order, accept ? 'NEGOTIATION_ACCEPTED' : 'NEGOTIATION_COUNTERED', order.status);
    });
  }

  async submit(ctx: RequestContext, orderId: string, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'submit', key, async (em, order, actor) => {
      this.assertPp(actor, order);
      if (order.status !== OrderStatus.DRAFT) throw wrongState(order, [OrderStatus.DRAFT], 'pengajuan');
      if (order.negotiation === NegotiationStatus.PROPOSED) throw conflict('Usulan harga masih menunggu jawaban penyedia.');
      const pemda = await em.findOneOrFail(Pemda, order.pemda.id);
      order.requiresPpkApproval = order.total > pemda.ppkApprovalThreshold;
      order.submittedAt = ctx.now();
      order.awaitingVendorSince = order.requiresPpkApproval ? null : ctx.now();
      this.transition(ctx, em, order, OrderStatus.SUBMITTED, 'SUBMITTED');
    });
  }

  /** The reviewing PPK approves an order above the Pemda's threshold. */
  async approve(ctx: RequestContext, orderId: string, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'approve', key, async (em, order, actor) => {
      if (actor.role !== Role.PPK || actor.userId !== order.ppk.id) throw forbidden('Hanya PPK yang ditunjuk pada paket ini yang dapat menyetujuinya.');
      if (order.status !== OrderStatus.SUBMITTED || !order.requiresPpkApproval) throw wrongState(order, [OrderStatus.SUBMITTED], 'persetujuan PPK (untuk paket di atas ambang)');
      order.approvedAt = ctx.now();
      order.awaitingVendorSince = ctx.now();
      this.transition(ctx, em, order, OrderStatus.APPROVED, 'APPROVED');
    });
  }

  /**
   * The vendor accepts: stock leaves atomically, line by line, with a conditional update that never goes below
   * zero. If any line lacks stock the whole acceptance rolls back with CONFLICT.
   */
  async accept(ctx: RequestContext, orderId: string, shippingCost: number | null | undefined, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'accept', key, async (em, order, actor) => {
      this.assertVendor(actor, order);
      this.assertAwaitingVendor(order, 'penerimaan');
      new Validation().check(shippingCost == null || (Number.isSafeInteger(shippingCost) && shippingCost >= 0), 'shippingCost', 'Ongkos kirim harus bilangan bulat rupiah 0 atau lebih.').throwIfInvalid();
      const lines = await this.lines(em, order);
      for (const line of lines) await takeStock(em, { productId: line.product.id, quantity: line.quantity, productName: line.productName, unit: line.unit });
      if (shippingCost != null) order.shippingCost = shippingCost;
      recomputeTotals(order, lines);
      order.acceptedAt = ctx.now();
      this.transition(ctx, em, order, OrderStatus.ACCEPTED, 'ACCEPTED');
    });
  }

  async reject(ctx: RequestContext, orderId: string, reason: string, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'reject', key, async (em, order, actor) => {
      this.assertVendor(actor, order);
      this.assertAwaitingVendor(order, 'penolakan');
      this.transition(ctx, em, order, OrderStatus.REJECTED, 'REJECTED', requireReason(reason));
    });
  }

  async ship(ctx: RequestContext, orderId: string, deliveryReference: string, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'ship', key, async (em, order, actor) => {
      this.assertVendor(actor, order);
      if (order.status !== OrderStatus.ACCEPTED) throw wrongState(order, [OrderStatus.ACCEPTED], 'pengiriman');
      new Validation().check((deliveryReference ?? '').trim().length >= 3, 'deliveryReference', 'Nomor resi / surat jalan wajib diisi.').throwIfInvalid();
      order.deliveryReference = deliveryReference.trim();
      order.shippedAt = ctx.now();
      this.transition(ctx, em, order, OrderStatus.SHIPPED, 'SHIPPED');
    });
  }

  /** The OPD confirms receipt with the BAST; a partial receipt lists what arrived, and only that is payable. */
  async receive(ctx: RequestContext, orderId: string, bastNumber: string, bastDate: string, received: LineReceipt[] | null | undefined, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'receive', key, async (em, order, actor) => {
      this.assertOpdOfficer(actor, order);
      if (order.status !== OrderStatus.SHIPPED) throw wrongState(order, [OrderStatus.SHIPPED], 'penerimaan barang');
      const pemda = await em.findOneOrFail(Pemda, order.pemda.id);
      const lines = await this.lines(em, order);
      const v = new Validation()
        .check((bastNumber ?? '').trim().length >= 3, 'bastNumber', 'Nomor BAST wajib diisi.')
        .check(isIsoDate(bastDate ?? '') && bastDate <= localDate(ctx.now(), pemda.timeZone), 'bastDate', 'Tanggal BAST berformat YYYY-MM-DD dan tidak boleh di masa depan.');
      for (const r of received ?? []) {
        const line = lines.find((l) => l.id === r.lineId);
        v.check(Boolean(line), 'received', `Baris ${r.lineId} bukan bagian dari paket ini.`);
        if (line) v.check(Number.isSafeInteger(r.quantityReceived) && r.quantityReceived >= 0 && r.quantityReceived <= line.quantity, 'received', `Jumlah diterima "${line.productName}" 0 sampai ${line.quantity}.`);
      }
      v.throwIfInvalid();
      for (const line of lines) line.quantityReceived = received?.find((r) => r.lineId === line.id)?.quantityReceived ?? (received ? 0 : line.quantity);
      if (lines.every((l) => l.quantityReceived === 0)) throw badInput([{ field: 'received', message: 'Minimal satu barang harus diterima.' }]);
      order.bastNumber = bastNumber.trim();
      order.bastDate = bastDate;
      order.receivedAt = ctx.now();
      order.receivedAmount = lines.reduce((sum, l) => sum + l.quantityReceived * l.unitPrice, 0) + order.shippingCost;
      this.transition(ctx, em, order, OrderStatus.RECEIVED, 'RECEIVED');
      if (pemda.spendRecognition === SpendRecognition.RECEIVED) await recogniseOrder(em, order, lines, bastDate);
    });
  }

  async recordPayment(ctx: RequestContext, orderId: string, input: PaymentInput, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'recordPayment', key, async (em, order, actor) => {
      this.assertOpdOfficer(actor, order);
      if (order.status !== OrderStatus.RECEIVED) throw wrongState(order, [OrderStatus.RECEIVED], 'pembayaran');
      const pemda = await em.findOneOrFail(Pemda, order.pemda.id);
      new Validation()
        .check(input.amount === order.receivedAmount, 'amount', `Jumlah bayar harus sama dengan nilai barang yang diterima: Rp${order.receivedAmount}.`)
        .check(isIsoDate(input.paidOn ?? '') && input.paidOn >= order.bastDate! && input.paidOn <= localDate(ctx.now(), pemda.timeZone), 'paidOn', 'Tanggal bayar berformat YYYY-MM-DD, tidak sebelum tanggal BAST dan tidak di masa depan.')
        .throwIfInvalid();
      em.create(Payment, { order, method: input.method, amount: input.amount, paidOn: input.paidOn, reference: input.reference?.trim() || null, recordedBy: actor.userId });
      order.paidAt = ctx.now();
      this.transition(ctx, em, order, OrderStatus.PAID, 'PAID');
      if (pemda.spendRecognition === SpendRecognition.PAID) await recogniseOrder(em, order, await this.lines(em, order), input.paidOn);
    });
  }

  async complete(ctx: RequestContext, orderId: string, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'complete', key, async (em, order, actor) => {
      this.assertOpdOfficer(actor, order);
      if (order.status !== OrderStatus.PAID) throw wrongState(order, [OrderStatus.PAID], 'penyelesaian');
      order.completedAt = ctx.now();
      this.transition(ctx, em, order, OrderStatus.COMPLETED, 'COMPLETED');
    });
  }

  async cancel(ctx: RequestContext, orderId: string, reason: string, key?: string | null): Promise<Order> {
    return this.step(ctx, orderId, 'cancel', key, async (em, order, actor) => {
      this.assertPp(actor, order);
      const allowed = [OrderStatus.DRAFT, ...AWAITING_VENDOR];
      if (!allowed.includes(order.status)) throw wrongState(order, allowed, 'pembatalan');
      order.awaitingVendorSince = null;
      this.transition(ctx, em, order, OrderStatus.CANCELLED, 'CANCELLED', requireReason(reason));
    });
  }

  /** Cancels one unanswered order as the system (the scheduled expiry job). */
  async expire(ctx: RequestContext, em: EntityManager, orderId: string): Promise<boolean> {
    const order = await em.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!AWAITING_VENDOR.includes(order.status) || !order.awaitingVendorSince) return false;
    order.awaitingVendorSince = null;
    this.transition(ctx, em, order, OrderStatus.CANCELLED, 'EXPIRED', UNANSWERED_REASON);
    return true;
  }

  /** One transition: lock the order, check who and from where, change it, all in one transaction (idempotent with a key). */
  private async step(
    ctx: RequestContext,
    orderId: string,
    operation: string,
    key: string | null | undefined,
    change: (em: EntityManager, order: Order, actor: Actor) => Promise<void>,
  ): Promise<Order> {
    const actor = requireActor(ctx);
    return runOnceLocked(ctx, Order, orderId, operation, key, 'Paket', async (em, order) => {
      if (order.pemda.id !== actor.pemdaId && actor.role !== Role.PLATFORM_ADMIN) throw notFound('Paket');
      await change(em, order, actor);
    });
  }

  private lines(em: EntityManager, order: Order): Promise<OrderLine[]> {
    return em.find(OrderLine, { order }, { orderBy: { position: 'asc' } });
  }

  private transition(ctx: RequestContext, em: EntityManager, order: Order, to: OrderStatus, action: string, reason: string | null = null): void {
    const from = order.status;
    order.status = to;
    if (reason) order.statusReason = reason;
    this.record(ctx, em, order, action, from, reason);
  }

  private record(ctx: RequestContext, em: EntityManager, order: Order, action: string, from: OrderStatus | null, reason: string | null = null): void {
    this.audit.record(ctx, { pemdaId: order.pemda.id, subjectType: AuditSubject.ORDER, subjectId: order.id, action, fromStatus: from, toStatus: order.status, reason }, em);
  }

  private assertPp(actor: Actor, order: Order): void {
    if (actor.role !== Role.PP || actor.opdId !== order.opd.id) throw forbidden('Hanya PP dari OPD pemesan yang dapat melakukan ini.');
  }

  private assertOpdOfficer(actor: Actor, order: Order): void {
    if ((actor.role !== Role.PP && actor.role !== Role.PPK) || actor.opdId !== order.opd.id) throw forbidden('Hanya PP atau PPK dari OPD pemesan yang dapat melakukan ini.');
  }

  private assertVendor(actor: Actor, order: Order): void {
    if (actor.role !== Role.VENDOR || actor.vendorId !== order.vendor.id) throw forbidden('Hanya penyedia paket ini yang dapat melakukan ini.');
  }

  private assertAwaitingVendor(order: Order, action: string): void {
    const waiting = order.status === OrderStatus.APPROVED || (order.status === OrderStatus.SUBMITTED && !order.requiresPpkApproval);
    if (!waiting) throw wrongState(order, order.requiresPpkApproval ? [OrderStatus.APPROVED] : [OrderStatus.SUBMITTED, OrderStatus.APPROVED], action);
  }
}

