import type { AuditService } from '../audit/audit.service.js';
import { AuditSubject } from '../audit/audit-log.entity.js';
import { requireActor } from '../auth/scope.js';
import { takeStock } from '../catalogue/stock.js';
import type { Actor, RequestContext } from '../context.js';
import { AppError, conflict, forbidden, notFound, requireReason } from '../errors.js';
import { notifyOrderStep } from '../notifications/notify.js';
import { OrderDocumentKind } from '../documents/order-document.entity.js';
import { issueOrderDocument } from '../documents/order-documents.js';
import { Role } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { recogniseOrder } from '../spend/rollup.js';
import { refreshSplitFlags } from '../insight/split-orders.js';
import { runOnceLocked } from '../transactions/idempotency.js';
import { localDate } from '../calendar/time-zone.js';
import { lastDayOpen, ORDER_PROCESS, OrderAction, OrderEffect, OrderParty, PARTIES, RECOGNISED_AT, type OrderTransition } from './order-process.js';
import { Order, OrderLine } from './order.entity.js';

/** What an action's own change hands the step: the reason it was given, the date that places its spend, and so on. */
export interface StepOutcome {
  /** Kept as the order's status reason (cancel, reject, expire). */
  reason?: string;
  /** The audit action when it depends on the input (the vendor's answer to a negotiation). */
  audit?: string;
  /** The local date that places the order's spend in a month (BAST date, payment date). */
  spendOn?: string;
}

/** What an action's change works with: the order locked in the step's transaction, and the context bound to it. */
export interface StepScope {
  tx: RequestContext;
  order: Order;
  actor: Actor | null;
  /** The order's lines in position order, loaded once per step. */
  lines(): Promise<OrderLine[]>;
}

export type OrderChange = (scope: StepScope) => Promise<StepOutcome | void>;

function wrongState(order: Order, rule: OrderTransition): AppError {
  if (rule.only?.refusal && rule.from.includes(order.status)) return conflict(rule.only.refusal, { status: order.status });
  const allowed = rule.only ? rule.only.described : rule.from.join('/');
  return conflict(`Paket berstatus ${order.status}; ${rule.noun} hanya dari status ${allowed}.`, { status: order.status });
}

/** Whether the table lets `action` start from the order's current state. Terminal states allow nothing. */
export function canTake(action: OrderAction, order: Order): boolean {
  const rule = ORDER_PROCESS[action];
  return rule.from.includes(order.status) && (rule.only?.holds(order) ?? true);
}

/**
 * The actions `actor` may take on the order now, by the same table and party rules a step checks: what the web app
 * offers as buttons, so it never shows one the API would refuse.
 */
export async function availableActions(actor: Actor | null, order: Order, now: Date, timeZone: () => Promise<string>): Promise<OrderAction[]> {
  const open = (Object.entries(ORDER_PROCESS) as [OrderAction, OrderTransition][])
    .filter(([action, rule]) => rule.by !== OrderParty.SYSTEM && PARTIES[rule.by].is(actor, order) && canTake(action, order));
  // The Pemda's calendar is read only when an action with a deadline is otherwise open (a vendor's unconfirmed payment).
  const zone = open.some(([, rule]) => rule.openFor) ? await timeZone() : null;
  const beforeDeadline = (rule: OrderTransition) => {
    const lastDay = zone && lastDayOpen(rule, order, zone);
    return !lastDay || localDate(now, zone!) <= lastDay;
  };
  return open.filter(([, rule]) => beforeDeadline(rule)).map(([action]) => action);
}

/** Effects on entering a state, by name (see `OrderEffect`). */
const EFFECTS: Record<OrderEffect, (scope: StepScope, outcome: StepOutcome) => Promise<void>> = {
  async TAKE_STOCK({ tx, lines }) {
    for (const line of await lines()) await takeStock(tx.em, { productId: line.product.id, quantity: line.quantity, productName: line.productName, unit: line.unit });
  },
  async RECOGNISE_SPEND({ tx, order, lines }, outcome) {
    const pemda = await tx.em.findOneOrFail(Pemda, order.pemda.id);
    if (RECOGNISED_AT[pemda.spendRecognition] === order.status) await recogniseOrder(tx.em, order, await lines(), outcome.spendOn!);
  },
  async ISSUE_ORDER_LETTER({ tx, order, actor, lines }) {
    await issueOrderDocument(tx, order, OrderDocumentKind.SURAT_PESANAN, actor!, { lines: await lines() });
  },
  async ISSUE_BAST({ tx, order, actor, lines }) {
    await issueOrderDocument(tx, order, OrderDocumentKind.BAST, actor!, { lines: await lines() });
  },
  async REFRESH_SPLIT_FLAGS({ tx, order }) {
    await tx.em.flush(); // the group is read back from the database, this order's new state included
    await refreshSplitFlags(tx.em, order.id);
  },
};

/**
 * Runs one action of the order process on an order already locked in `tx`'s transaction: the table says who may
 * take it and from which states; then the action's own change, the new state with its stamp, the effects of
 * entering it, and the audit entry, all in that one transaction.
 */
export async function enter(audit: AuditService, tx: RequestContext, action: OrderAction, order: Order, change: OrderChange): Promise<void> {
  const rule = ORDER_PROCESS[action];
  const party = PARTIES[rule.by];
  if (!party.is(tx.actor, order)) throw forbidden(party.refusal);
  if (!canTake(action, order)) throw wrongState(order, rule);
  let loaded: Promise<OrderLine[]> | null = null;
  const scope: StepScope = { tx, order, actor: tx.actor, lines: () => (loaded ??= tx.em.find(OrderLine, { order }, { orderBy: { position: 'asc' } })) };
  const outcome = (await change(scope)) ?? {};
  if (rule.needsReason) outcome.reason = requireReason(outcome.reason);

  const from = order.status;
  order.status = rule.to ?? from;
  if (rule.stamp) order[rule.stamp] = tx.now();
  if (outcome.reason) order.statusReason = outcome.reason;
  order.awaitingVendorSince = canTake(OrderAction.EXPIRE, order) ? (order.awaitingVendorSince ?? tx.now()) : null;
  for (const effect of rule.onEnter ?? []) await EFFECTS[effect](scope, outcome);
  await notifyOrderStep(tx, action, order);
  audit.record(tx, {
    pemdaId: order.pemda.id, subjectType: AuditSubject.ORDER, subjectId: order.id,
    action: outcome.audit ?? rule.audit, fromStatus: from, toStatus: order.status, reason: outcome.reason ?? null,
  });
}

/**
 * One action taken by a signed-in party: the order is found in the caller's Pemda (else NOT_FOUND), locked, and the
 * action entered in one transaction, idempotent with a key (`runOnceLocked`).
 */
export function step(audit: AuditService, ctx: RequestContext, action: OrderAction, orderId: string, key: string | null | undefined, change: OrderChange): Promise<Order> {
  const actor = requireActor(ctx);
  return runOnceLocked(ctx, Order, orderId, action, key, 'Paket', async (tx, order) => {
    if (order.pemda.id !== actor.pemdaId && actor.role !== Role.PLATFORM_ADMIN) throw notFound('Paket');
    await enter(audit, tx, action, order, change);
  });
}
