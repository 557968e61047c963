import { holidaysFrom } from '../calendar/holidays.js';
import { addWorkingDays } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { Order } from './order.entity.js';
import { AWAITING_VENDOR_STATES } from './order-process.js';
import type { OrderService } from './order.service.js';

export const VENDOR_ANSWER_WORKING_DAYS = 3;

/** When an order waiting since `since` is cancelled as "tidak direspons": 3 working days later in the Pemda's calendar. */
export const vendorAnswerDue = (since: Date, timeZone: string, holidays: Set<string> | undefined): Date =>
  addWorkingDays(since, VENDOR_ANSWER_WORKING_DAYS, timeZone, holidays);

/**
 * Cancels, with reason "tidak direspons", every order the vendor left unanswered for 3 working days
 * (Monday to Friday in the Pemda's time zone, skipping national days, cuti bersama and the Pemda's own days off) after it reached them. Runs as the system; returns the ids cancelled.
 */
export async function expireUnansweredOrders(ctx: RequestContext, orders: OrderService): Promise<string[]> {
  const now = ctx.now();
  // Three working days are at least three calendar days: a cheap, indexed prefilter before the exact rule.
  const candidates = await ctx.em.find(
    Order,
    { status: { $in: [...AWAITING_VENDOR_STATES] }, awaitingVendorSince: { $lte: new Date(now.getTime() - 3 * 86_400_000) } },
    // Oldest first: a run cut short has answered the longest wait.
    { populate: ['pemda'], orderBy: { awaitingVendorSince: 'asc', id: 'asc' } },
  );
  const earliest = candidates.reduce((min, o) => (o.awaitingVendorSince! < min ? o.awaitingVendorSince! : min), now);
  const holidays = await holidaysFrom(ctx.em, [...new Set(candidates.map((o) => o.pemda.id))], earliest.toISOString().slice(0, 10));
  const due = candidates.filter((o) => vendorAnswerDue(o.awaitingVendorSince!, o.pemda.getEntity().timeZone, holidays.get(o.pemda.id)) <= now);
  const expired: string[] = [];
  for (const order of due) {
    if (await orders.expire(ctx, order.id)) expired.push(order.id);
  }
  return expired;
}
