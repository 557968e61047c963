import { registerEnumType } from 'type-graphql';
import { Role } from '../identity/user.entity.js';
import { addDays, localDate } from '../calendar/time-zone.js';
import type { Actor } from '../context.js';
import { SpendRecognition } from '../pemda/pemda.entity.js';
import { NegotiationStatus, OrderStatus, type Order } from './order.entity.js';

/** Days after a payment is recorded in which its vendor may confirm the date the money arrived. */
export const PAYMENT_CONFIRMATION_DAYS = 30;

/**
 * The OPD order process, as data: which action leads from which states to which, who may take it, what it stamps
 * and what entering the new state does. `OrderService` runs every action through this table (`order-step.ts`), and
 * every status set another module needs (awaiting the vendor, counted as spend, terminal) is derived from it.
 *
 *   DRAFT -submit-> SUBMITTED -approve (above the PPK threshold)-> APPROVED
 *   SUBMITTED (no approval needed) | APPROVED -accept-> ACCEPTED -ship-> SHIPPED -receive-> RECEIVED -recordPayment-> PAID -complete-> COMPLETED
 *   SUBMITTED (no approval needed) | APPROVED -reject-> REJECTED
 *   DRAFT | SUBMITTED | APPROVED -cancel (PP) or expire (system, 3 working days unanswered)-> CANCELLED
 *   DRAFT -setShippingCost, proposePrices, respondToNegotiation-> DRAFT (agreeing the price before submission)
 *   PAID | COMPLETED -confirmPayment (the vendor: the date the money arrived, once)-> the same state
 */
export enum OrderAction {
  SET_SHIPPING_COST = 'setShippingCost',
  PROPOSE_PRICES = 'proposePrices',
  RESPOND_TO_NEGOTIATION = 'respondToNegotiation',
  SUBMIT = 'submit',
  APPROVE = 'approve',
  ACCEPT = 'accept',
  REJECT = 'reject',
  SHIP = 'ship',
  RECEIVE = 'receive',
  RECORD_PAYMENT = 'recordPayment',
  COMPLETE = 'complete',
  CONFIRM_PAYMENT = 'confirmPayment',
  CANCEL = 'cancel',
  EXPIRE = 'expire',
}
registerEnumType(OrderAction, { name: 'OrderAction', description: 'A step of the order process (each is a mutation, e.g. SUBMIT is submitOrder).' });

/** Who may take an action, relative to the order. */
export enum OrderParty {
  /** The PP of the ordering OPD. */
  PP = 'PP',
  /** A PP or PPK of the ordering OPD. */
  OPD_OFFICER = 'OPD_OFFICER',
  /** The PPK named on the order. */
  ASSIGNED_PPK = 'ASSIGNED_PPK',
  /** The order's vendor. */
  VENDOR = 'VENDOR',
  /** The platform itself (scheduled jobs); no account can take these. */
  SYSTEM = 'SYSTEM',
}

/** What entering a state does besides changing the order row, run in the step's transaction. */
export enum OrderEffect {
  /** Each line's quantity leaves the product's stock, never below zero (or the step fails). */
  TAKE_STOCK = 'TAKE_STOCK',
  /** The received value becomes realised spend, when the Pemda recognises spend at this state. */
  RECOGNISE_SPEND = 'RECOGNISE_SPEND',
  /** The surat pesanan is issued: numbered, rendered and stored (server/documents). */
  ISSUE_ORDER_LETTER = 'ISSUE_ORDER_LETTER',
  /** The BAST document is issued for what was received. */
  ISSUE_BAST = 'ISSUE_BAST',
  /** The stored split-order flags of the order's groups are recomputed (its count or amount has changed). */
  REFRESH_SPLIT_FLAGS = 'REFRESH_SPLIT_FLAGS',
}

type Stamp = 'submittedAt' | 'approvedAt' | 'acceptedAt' | 'shippedAt' | 'receivedAt' | 'paidAt' | 'completedAt' | 'paymentConfirmedAt';

export interface OrderTransition {
  from: readonly OrderStatus[];
  /** The state it reaches; equal to `from` for actions that keep the state (the negotiation); absent for an action
   *  taken in any of its `from` states without moving the order on (the vendor's confirmation of the payment). */
  to?: OrderStatus;
  by: OrderParty;
  /** The audit log's action name. */
  audit: string;
  /** The action as a noun, for the Indonesian refusal ("pengajuan hanya dari status DRAFT"). */
  noun: string;
  /** A condition of the order beyond its state, named for the refusal message (or refused with its own). */
  only?: { holds: (order: Order) => boolean; described: string; refusal?: string };
  stamp?: Stamp;
  /** Open only through this many days (the Pemda's calendar) after the order's `after` stamp, then closed for good. */
  openFor?: { days: number; after: Stamp };
  onEnter?: readonly OrderEffect[];
  needsReason?: boolean;
}

/** Orders that reached the vendor: submitted without needing the PPK, or approved by the PPK. */
const awaitingVendor = {
  holds: (order: Order) => order.status === OrderStatus.APPROVED || (order.status === OrderStatus.SUBMITTED && !order.requiresPpkApproval),
  described: 'SUBMITTED tanpa persetujuan PPK, atau APPROVED',
};

const S = OrderStatus;

export const ORDER_PROCESS: Readonly<Record<OrderAction, OrderTransition>> = {
  setShippingCost: { from: [S.DRAFT], to: S.DRAFT, by: OrderParty.PP, audit: 'SHIPPING_COST_SET', noun: 'penetapan ongkos kirim' },
  proposePrices: {
    from: [S.DRAFT], to: S.DRAFT, by: OrderParty.PP, audit: 'PRICES_PROPOSED', noun: 'negosiasi',
    only: { holds: (order) => order.negotiation === NegotiationStatus.NONE, described: 'DRAFT tanpa negosiasi sebelumnya', refusal: 'Negosiasi untuk paket ini sudah pernah dibuka.' },
  },
  respondToNegotiation: {
    from: [S.DRAFT], to: S.DRAFT, by: OrderParty.VENDOR, audit: 'NEGOTIATION_ACCEPTED', noun: 'jawaban negosiasi',
    only: { holds: (order) => order.negotiation === NegotiationStatus.PROPOSED, described: 'DRAFT dengan usulan harga', refusal: 'Tidak ada usulan harga yang menunggu jawaban.' },
  },
  submit: {
    from: [S.DRAFT], to: S.SUBMITTED, by: OrderParty.PP, audit: 'SUBMITTED', noun: 'pengajuan', stamp: 'submittedAt', onEnter: [OrderEffect.REFRESH_SPLIT_FLAGS],
    only: { holds: (order) => order.negotiation !== NegotiationStatus.PROPOSED, described: 'DRAFT tanpa usulan harga yang menunggu', refusal: 'Usulan harga masih menunggu jawaban penyedia.' },
  },
  approve: {
    from: [S.SUBMITTED], to: S.APPROVED, by: OrderParty.ASSIGNED_PPK, audit: 'APPROVED', noun: 'persetujuan PPK', stamp: 'approvedAt',
    only: { holds: (order) => order.requiresPpkApproval, described: 'SUBMITTED di atas ambang persetujuan PPK' },
  },
  accept: {
    from: [S.SUBMITTED, S.APPROVED], to: S.ACCEPTED, by: OrderParty.VENDOR, audit: 'ACCEPTED', noun: 'penerimaan pesanan', stamp: 'acceptedAt',
    only: awaitingVendor, onEnter: [OrderEffect.TAKE_STOCK, OrderEffect.ISSUE_ORDER_LETTER, OrderEffect.REFRESH_SPLIT_FLAGS],
  },
  reject: { from: [S.SUBMITTED, S.APPROVED], to: S.REJECTED, by: OrderParty.VENDOR, audit: 'REJECTED', noun: 'penolakan', only: awaitingVendor, needsReason: true, onEnter: [OrderEffect.REFRESH_SPLIT_FLAGS] },
  ship: { from: [S.ACCEPTED], to: S.SHIPPED, by: OrderParty.VENDOR, audit: 'SHIPPED', noun: 'pengiriman', stamp: 'shippedAt' },
  receive: { from: [S.SHIPPED], to: S.RECEIVED, by: OrderParty.OPD_OFFICER, audit: 'RECEIVED', noun: 'penerimaan barang', stamp: 'receivedAt', onEnter: [OrderEffect.RECOGNISE_SPEND, OrderEffect.ISSUE_BAST] },
  recordPayment: { from: [S.RECEIVED], to: S.PAID, by: OrderParty.OPD_OFFICER, audit: 'PAID', noun: 'pembayaran', stamp: 'paidAt', onEnter: [OrderEffect.RECOGNISE_SPEND] },
  complete: { from: [S.PAID], to: S.COMPLETED, by: OrderParty.OPD_OFFICER, audit: 'COMPLETED', noun: 'penyelesaian', stamp: 'completedAt' },
  confirmPayment: {
    from: [S.PAID, S.COMPLETED], by: OrderParty.VENDOR, audit: 'PAYMENT_CONFIRMED', noun: 'konfirmasi dana diterima', stamp: 'paymentConfirmedAt',
    openFor: { days: PAYMENT_CONFIRMATION_DAYS, after: 'paidAt' }, // paidAt: when the payment was recorded
    only: { holds: (order) => !order.paymentConfirmedAt, described: 'PAID atau COMPLETED yang belum dikonfirmasi', refusal: 'Penerimaan dana paket ini sudah dikonfirmasi.' },
  },
  cancel: { from: [S.DRAFT, S.SUBMITTED, S.APPROVED], to: S.CANCELLED, by: OrderParty.PP, audit: 'CANCELLED', noun: 'pembatalan', needsReason: true, onEnter: [OrderEffect.REFRESH_SPLIT_FLAGS] },
  expire: { from: [S.SUBMITTED, S.APPROVED], to: S.CANCELLED, by: OrderParty.SYSTEM, audit: 'EXPIRED', noun: 'kedaluwarsa', only: awaitingVendor, onEnter: [OrderEffect.REFRESH_SPLIT_FLAGS] },
};

/** Whether the actor is the party the action needs; the refusal names who is. */
/** The last day (YYYY-MM-DD in `timeZone`) an action with `openFor` may be taken on the order; null when it has no such limit. */
export function lastDayOpen(rule: OrderTransition, order: Order, timeZone: string): string | null {
  const since = rule.openFor && order[rule.openFor.after];
  return since ? addDays(localDate(since, timeZone), rule.openFor!.days) : null;
}

export const PARTIES: Readonly<Record<OrderParty, { is: (actor: Actor | null, order: Order) => boolean; refusal: string }>> = {
  PP: { is: (a, o) => a?.role === Role.PP && a.opdId === o.opd.id, refusal: 'Hanya PP dari OPD pemesan yang dapat melakukan ini.' },
  OPD_OFFICER: {
    is: (a, o) => (a?.role === Role.PP || a?.role === Role.PPK) && a.opdId === o.opd.id,
    refusal: 'Hanya PP atau PPK dari OPD pemesan yang dapat melakukan ini.',
  },
  ASSIGNED_PPK: { is: (a, o) => a?.role === Role.PPK && a.userId === o.ppk.id, refusal: 'Hanya PPK yang ditunjuk pada paket ini yang dapat menyetujuinya.' },
  VENDOR: { is: (a, o) => a?.role === Role.VENDOR && a.vendorId === o.vendor.id, refusal: 'Hanya penyedia paket ini yang dapat melakukan ini.' },
  SYSTEM: { is: (a) => a === null, refusal: 'Tindakan ini hanya dijalankan oleh sistem.' },
};

const transitions = Object.values(ORDER_PROCESS);

/** States no action moves on from: the order's story has ended (COMPLETED, REJECTED, CANCELLED). */
export const TERMINAL_STATES: readonly OrderStatus[] = Object.values(OrderStatus).filter((s) => !transitions.some((t) => t.to && t.from.includes(s)));

/** Every state reachable from `status` through the table, `status` included. */
export function reachableFrom(status: OrderStatus): OrderStatus[] {
  const seen = new Set([status]);
  for (const state of seen) for (const t of transitions) if (t.from.includes(state) && t.to) seen.add(t.to);
  return [...seen];
}

/** States in which an order waits for the vendor's answer (those the expiry job looks at). */
export const AWAITING_VENDOR_STATES: readonly OrderStatus[] = ORDER_PROCESS.expire.from;

/** Whether an order of this total needs the PPK's approval: above the Pemda's threshold. Submission decides it. */
export const needsPpkApproval = (order: Order, threshold: number): boolean => order.total > threshold;

/** Whether the PPK's approval still lies ahead of the order: before submission, whether submitting would need it;
 *  after, whether it was needed and a state the approval is taken from is still reachable (not once approved,
 *  rejected or cancelled). */
export async function awaitsPpkApproval(order: Order, threshold: () => Promise<number>): Promise<boolean> {
  // The threshold is read only for a draft: past submission the order's own flag decides, and a list of them costs no read.
  if (ORDER_PROCESS.submit.from.includes(order.status)) return needsPpkApproval(order, await threshold());
  return order.requiresPpkApproval && reachableFrom(order.status).some((s) => ORDER_PROCESS.approve.from.includes(s));
}

/** States the PP can still withdraw from. */
export const CANCELLABLE_STATES: readonly OrderStatus[] = ORDER_PROCESS.cancel.from;

/** The state at which an order becomes realised spend under each Pemda setting. */
export const RECOGNISED_AT: Readonly<Record<SpendRecognition, OrderStatus>> = {
  [SpendRecognition.RECEIVED]: OrderStatus.RECEIVED,
  [SpendRecognition.PAID]: OrderStatus.PAID,
};

/** The states whose orders count as realised spend under a setting: the recognising state and every one after it. */
export const countedAsSpend = (recognition: SpendRecognition): OrderStatus[] => reachableFrom(RECOGNISED_AT[recognition]);
