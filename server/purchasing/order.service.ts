// About 300 lines on purpose: one method per action of the order process (checkout, negotiation, submission,
// approval, acceptance, shipping, receipt, payment, completion, cancellation, expiry), each a few lines of its own
// checks handed to the one step in order-step.ts; the table of who may do what lives in order-process.ts.
import { countPaymentDelay, movePaymentDelay } from './payment-delays.js';
import { LockMode } from '@mikro-orm/core';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { requirePp } from '../auth/scope.js';
import { isIsoDate, localDate } from '../calendar/time-zone.js';
import { isBuyerVisible } from '../catalogue/visibility.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, Validation } from '../errors.js';
import { Role, User } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { runOnce } from '../transactions/idempotency.js';
import { inTransaction } from '../transactions/in-transaction.js';
import { lastDayOpen, needsPpkApproval, ORDER_PROCESS, OrderAction, PAYMENT_CONFIRMATION_DAYS } from './order-process.js';
import { canTake, enter, step } from './order-step.js';
import { CartItem } from './cart-item.entity.js';
import { NegotiationStatus, Order, OrderLine, Payment, PaymentMethod } from './order.entity.js';

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

/** The status reason of an order the vendor left unanswered. */
export const UNANSWERED_REASON = 'tidak direspons';


/**
 * Line totals, subtotal and total from quantities and prices, refused (BAD_USER_INPUT, before anything is written)
 * when any of them would pass 2^53 - 1 rupiah, past which JavaScript numbers and the Rupiah scalar are no longer exact.
 */
function recomputeTotals(order: Order, lines: OrderLine[]): void {
  for (const line of lines) line.lineTotal = line.quantity * line.unitPrice;
  order.subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  order.total = order.subtotal + order.shippingCost;
  if (![...lines.map((l) => l.lineTotal), order.subtotal, order.total].every(Number.isSafeInteger)) {
    throw badInput([{ field: 'quantity', message: 'Nilai paket melebihi Rp9.007.199.254.740.991, batas yang dapat dihitung dengan tepat; kurangi jumlah atau pecah menjadi beberapa paket.' }]);
  }
}

export class OrderService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Checkout: the OPD's cart becomes one DRAFT order per vendor, each line snapshotting name, unit and price.
   * A line whose product vanished, whose price changed since it was added, that falls below the minimum order
   * or exceeds the stock is reported (CONFLICT, `extensions.lines`) and nothing is created.
   */
  async checkout(ctx: RequestContext, input: CheckoutInput): Promise<Order[]> {
    const actor = requirePp(ctx);
    const { ids } = await runOnce(ctx, input.idempotencyKey, 'createOrder', async (tx) => {
      const em = tx.em;
      const pemda = await em.findOneOrFail(Pemda, actor.pemdaId);
      const v = new Validation()
        .check((input.deliveryAddress ?? '').trim().length >= 5, 'deliveryAddress', 'Alamat pengiriman wajib diisi.')
        .check(!input.rupCode || /^[0-9A-Za-z.\-/]{3,40}$/.test(input.rupCode), 'rupCode', 'Kode RUP 3-40 karakter: huruf, angka, titik, garis miring atau tanda hubung.')
        .check(!input.neededBy || (isIsoDate(input.neededBy) && input.neededBy >= localDate(ctx.now(), pemda.timeZone)), 'neededBy', 'Tanggal dibutuhkan berformat YYYY-MM-DD dan tidak boleh lampau.');
      const ppk = await em.findOne(User, { id: input.ppkId, role: Role.PPK, opd: actor.opdId, active: true });
      v.check(Boolean(ppk), 'ppkId', 'Pilih PPK aktif dari OPD Anda.');
      v.throwIfInvalid();

      // A cart checks out once: lock its rows; a checkout that waited for another finds them gone.
      if ((await em.count(CartItem, { opd: actor.opdId })) === 0) throw badInput([{ field: 'cart', message: 'Keranjang OPD masih kosong.' }]);
      const locked = await em.execute(`select id from cart_item where opd_id = ? for update`, [actor.opdId]);
      if (locked.length === 0) throw conflict('Keranjang sudah diproses menjadi paket oleh permintaan lain; lihat daftar paket.');
      const items = await em.find(CartItem, { opd: actor.opdId }, { populate: ['product', 'product.vendor'], orderBy: { createdAt: 'asc', id: 'asc' } });

      const problems = items.flatMap((item) => {
        const product = item.product.getEntity();
        const vendor = product.vendor.getEntity();
        const line = { productId: product.id, productName: product.name };
        if (!isBuyerVisible(product, vendor)) return [{ ...line, problem: CartProblem.UNAVAILABLE }];
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
        this.audit.record(tx, { pemdaId: pemda.id, subjectType: AuditSubject.ORDER, subjectId: order.id, action: 'CREATED', toStatus: order.status });
        orders.push(order);
      }
      items.forEach((item) => em.remove(item));
      return { ids: orders.map((o) => o.id) };
    });
    return ctx.em.find(Order, { id: { $in: ids } }, { orderBy: { number: 'asc' } });
  }

  /** The PP proposes lower unit prices before submitting; the vendor then accepts or counters once. */
  proposePrices(ctx: RequestContext, orderId: string, prices: LinePrice[], key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.PROPOSE_PRICES, orderId, key, async ({ order, lines }) => {
      const all = await lines();
      const v = new Validation().check(prices.length > 0, 'prices', 'Usulkan harga untuk minimal satu baris.');
      for (const price of prices) {
        const line = all.find((l) => l.id === price.lineId);
        v.check(Boolean(line), 'prices', `Baris ${price.lineId} bukan bagian dari paket ini.`);
        if (line) v.check(Number.isSafeInteger(price.unitPrice) && price.unitPrice > 0 && price.unitPrice < line.listUnitPrice, 'prices', `Harga usulan "${line.productName}" harus lebih rendah dari harga katalog Rp${line.listUnitPrice}.`);
      }
      v.throwIfInvalid();
      for (const price of prices) all.find((l) => l.id === price.lineId)!.proposedUnitPrice = price.unitPrice;
      order.negotiation = NegotiationStatus.PROPOSED;
    });
  }

  /** The vendor accepts the proposed prices, or counters once with prices between the proposal and the list price. */
  respondToNegotiation(ctx: RequestContext, orderId: string, accept: boolean, counter: LinePrice[], key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.RESPOND_TO_NEGOTIATION, orderId, key, async ({ order, lines }) => {
      const all = await lines();
      if (accept) {
        for (const line of all) if (line.proposedUnitPrice != null) line.unitPrice = line.proposedUnitPrice;
        order.negotiation = NegotiationStatus.ACCEPTED;
      } else {
        const v = new Validation().check(counter.length > 0, 'counter', 'Sebutkan harga tawaran balik.');
        for (const price of counter) {
          const line = all.find((l) => l.id === price.lineId);
          v.check(Boolean(line?.proposedUnitPrice != null), 'counter', `Baris ${price.lineId} tidak sedang dinegosiasikan.`);
          if (line?.proposedUnitPrice != null) {
            v.check(Number.isSafeInteger(price.unitPrice) && price.unitPrice >= line.proposedUnitPrice && price.unitPrice <= line.listUnitPrice, 'counter', `Tawaran balik "${line.productName}" harus antara Rp${line.proposedUnitPrice} dan Rp${line.listUnitPrice}.`);
          }
        }
        v.throwIfInvalid();
        for (const line of all) {
          const price = counter.find((c) => c.lineId === line.id);
          if (line.proposedUnitPrice != null) line.unitPrice = price ? price.unitPrice : line.proposedUnitPrice;
          if (price) line.counterUnitPrice = price.unitPrice;
        }
        order.negotiation = NegotiationStatus.COUNTERED;
      }
      recomputeTotals(order, all);
      return { audit: accept ? 'NEGOTIATION_ACCEPTED' : 'NEGOTIATION_COUNTERED' };
    });
  }

  submit(ctx: RequestContext, orderId: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.SUBMIT, orderId, key, async ({ tx, order }) => {
      const pemda = await tx.em.findOneOrFail(Pemda, order.pemda.id);
      order.requiresPpkApproval = needsPpkApproval(order, pemda.ppkApprovalThreshold);
    });
  }

  /** The reviewing PPK approves an order above the Pemda's threshold. */
  approve(ctx: RequestContext, orderId: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.APPROVE, orderId, key, async () => {});
  }

  /**
   * The PP records the shipping cost agreed with the vendor, before submission: it is part of the price the PP (and,
   * above the threshold, the PPK) agrees to.
   */
  setShippingCost(ctx: RequestContext, orderId: string, shippingCost: number, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.SET_SHIPPING_COST, orderId, key, async ({ order, lines }) => {
      new Validation().check(Number.isSafeInteger(shippingCost) && shippingCost >= 0, 'shippingCost', 'Ongkos kirim harus bilangan bulat rupiah 0 atau lebih.').throwIfInvalid();
      order.shippingCost = shippingCost;
      recomputeTotals(order, await lines());
    });
  }

  /**
   * The vendor accepts: stock leaves atomically (the TAKE_STOCK effect), line by line, with a conditional update that
   * never goes below zero. The vendor may waive part of the agreed shipping cost, never raise it: the total the PP
   * submitted and the PPK approved is the most the OPD pays.
   */
  accept(ctx: RequestContext, orderId: string, shippingCost: number | null | undefined, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.ACCEPT, orderId, key, async ({ order, lines }) => {
      new Validation()
        .check(shippingCost == null || (Number.isSafeInteger(shippingCost) && shippingCost >= 0), 'shippingCost', 'Ongkos kirim harus bilangan bulat rupiah 0 atau lebih.')
        .check(shippingCost == null || shippingCost <= order.shippingCost, 'shippingCost', `Ongkos kirim tidak boleh melebihi yang disepakati saat pengajuan: Rp${order.shippingCost.toLocaleString('id-ID')}.`)
        .throwIfInvalid();
      if (shippingCost != null) order.shippingCost = shippingCost;
      recomputeTotals(order, await lines());
    });
  }

  reject(ctx: RequestContext, orderId: string, reason: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.REJECT, orderId, key, async () => ({ reason }));
  }

  ship(ctx: RequestContext, orderId: string, deliveryReference: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.SHIP, orderId, key, async ({ order }) => {
      new Validation().check((deliveryReference ?? '').trim().length >= 3, 'deliveryReference', 'Nomor resi / surat jalan wajib diisi.').throwIfInvalid();
      order.deliveryReference = deliveryReference.trim();
    });
  }

  /** The OPD confirms receipt with the BAST; a partial receipt lists what arrived, and only that is payable. */
  receive(ctx: RequestContext, orderId: string, bastNumber: string, bastDate: string, received: LineReceipt[] | null | undefined, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.RECEIVE, orderId, key, async ({ tx, order, lines }) => {
      const pemda = await tx.em.findOneOrFail(Pemda, order.pemda.id);
      const all = await lines();
      const v = new Validation()
        .check((bastNumber ?? '').trim().length >= 3, 'bastNumber', 'Nomor BAST wajib diisi.')
        .check(
          isIsoDate(bastDate ?? '') && bastDate >= localDate(order.shippedAt!, pemda.timeZone) && bastDate <= localDate(tx.now(), pemda.timeZone),
          'bastDate',
          `Tanggal BAST berformat YYYY-MM-DD, antara tanggal pengiriman (${localDate(order.shippedAt!, pemda.timeZone)}) dan hari ini.`,
        );
      for (const r of received ?? []) {
        const line = all.find((l) => l.id === r.lineId);
        v.check(Boolean(line), 'received', `Baris ${r.lineId} bukan bagian dari paket ini.`);
        if (line) v.check(Number.isSafeInteger(r.quantityReceived) && r.quantityReceived >= 0 && r.quantityReceived <= line.quantity, 'received', `Jumlah diterima "${line.productName}" 0 sampai ${line.quantity}.`);
      }
      v.throwIfInvalid();
      for (const line of all) line.quantityReceived = received?.find((r) => r.lineId === line.id)?.quantityReceived ?? (received ? 0 : line.quantity);
      if (all.every((l) => l.quantityReceived === 0)) throw badInput([{ field: 'received', message: 'Minimal satu barang harus diterima.' }]);
      order.bastNumber = bastNumber.trim();
      order.bastDate = bastDate;
      order.receivedAmount = all.reduce((sum, l) => sum + l.quantityReceived * l.unitPrice, 0) + order.shippingCost;
      return { spendOn: bastDate };
    });
  }

  recordPayment(ctx: RequestContext, orderId: string, input: PaymentInput, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.RECORD_PAYMENT, orderId, key, async ({ tx, order, actor }) => {
      const pemda = await tx.em.findOneOrFail(Pemda, order.pemda.id);
      new Validation()
        .check(input.amount === order.receivedAmount, 'amount', `Jumlah bayar harus sama dengan nilai barang yang diterima: Rp${order.receivedAmount}.`)
        .check(isIsoDate(input.paidOn ?? '') && input.paidOn >= order.bastDate! && input.paidOn <= localDate(tx.now(), pemda.timeZone), 'paidOn', 'Tanggal bayar berformat YYYY-MM-DD, tidak sebelum tanggal BAST dan tidak di masa depan.')
        .throwIfInvalid();
      tx.em.create(Payment, {
        order, pemda: order.pemda, opd: order.opd, bastDate: order.bastDate!,
        method: input.method, amount: input.amount, paidOn: input.paidOn, countedOn: input.paidOn, reference: input.reference?.trim() || null, recordedBy: actor!.userId,
      });
      await countPaymentDelay(tx.em, { pemdaId: order.pemda.id, opdId: order.opd.id, bastDate: order.bastDate!, countedOn: input.paidOn });
      return { spendOn: input.paidOn };
    });
  }

  /**
   * The vendor confirms the date the money arrived, once, within PAYMENT_CONFIRMATION_DAYS of the payment being
   * recorded: never before the officer's payment date, never after today. From then on the award counts the payment's
   * delay to the vendor's date (the payment's month and days move with it); the spend stays on the officer's date.
   */
  confirmPayment(ctx: RequestContext, orderId: string, receivedOn: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.CONFIRM_PAYMENT, orderId, key, async ({ tx, order }) => {
      const pemda = await tx.em.findOneOrFail(Pemda, order.pemda.id);
      const payment = await tx.em.findOneOrFail(Payment, { order });
      const today = localDate(tx.now(), pemda.timeZone);
      const lastDay = lastDayOpen(ORDER_PROCESS.confirmPayment, order, pemda.timeZone)!;
      if (today > lastDay) throw conflict(`Konfirmasi dana diterima paling lambat ${PAYMENT_CONFIRMATION_DAYS} hari setelah pembayaran dicatat (${lastDay}); tanggal bayar dari OPD (${payment.paidOn}) yang berlaku.`);
      new Validation()
        .check(isIsoDate(receivedOn ?? '') && receivedOn >= payment.paidOn && receivedOn <= today, 'receivedOn', `Tanggal dana diterima berformat YYYY-MM-DD, tidak sebelum tanggal bayar dari OPD (${payment.paidOn}) dan tidak di masa depan.`)
        .throwIfInvalid();
      await movePaymentDelay(tx.em, { pemdaId: order.pemda.id, opdId: order.opd.id, bastDate: payment.bastDate, from: payment.countedOn, to: receivedOn });
      payment.vendorReceivedOn = receivedOn;
      payment.countedOn = receivedOn;
      return {};
    });
  }

  complete(ctx: RequestContext, orderId: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.COMPLETE, orderId, key, async () => {});
  }

  cancel(ctx: RequestContext, orderId: string, reason: string, key?: string | null): Promise<Order> {
    return step(this.audit, ctx, OrderAction.CANCEL, orderId, key, async () => ({ reason }));
  }

  /** Cancels one unanswered order as the system (the expiry job), in a transaction of its own; false if it moved on meanwhile. */
  expire(ctx: RequestContext, orderId: string): Promise<boolean> {
    return inTransaction(ctx, async (tx) => {
      const order = await tx.em.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!canTake(OrderAction.EXPIRE, order)) return false;
      await enter(this.audit, tx, OrderAction.EXPIRE, order, async () => ({ reason: UNANSWERED_REASON }));
      return true;
    });
  }
}
