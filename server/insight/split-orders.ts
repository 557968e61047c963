import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { orderCode } from '../purchasing/order-queries.js';

export type SplitBasis = 'VENDOR' | 'CATEGORY';

export interface SplitOrder {
  id: string;
  code: string;
  /** The local date it was submitted (the Pemda's zone). */
  submittedOn: string;
  /** The order's amount on the basis: its total (vendor), or its lines in the category (category). */
  amount: number;
}

export interface SplitFlag {
  opdId: string;
  opdCode: string;
  opdName: string;
  basis: SplitBasis;
  /** The vendor's or the leaf category's id, and its name. */
  keyId: string;
  keyName: string;
  from: string;
  to: string;
  total: number;
  threshold: number;
  orders: SplitOrder[];
}

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/**
 * Pemecahan paket: the orders one OPD placed with one vendor, or in one leaf category, within `windowDays` days
 * (local dates, the first and last day included) whose amounts together pass the threshold (the Pemda's PPK approval
 * line unless another is given: an order above it needs the PPK) while each stays at or under it. Counted are orders
 * that were submitted and not rejected or cancelled. Overlapping windows are merged into the widest group that still
 * fits one window; a group inside another is not listed again.
 */
export function findSplits(rows: (SplitOrder & { opdId: string; opdCode: string; opdName: string; basis: SplitBasis; keyId: string; keyName: string; orderTotal: number })[], windowDays: number, threshold: number): SplitFlag[] {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    if (row.orderTotal > threshold) continue; // already above the line: it went to the PPK
    const key = `${row.opdId}|${row.basis}|${row.keyId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const flags: SplitFlag[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.code.localeCompare(b.code));
    let lastEnd = -1;
    for (let start = 0; start < group.length; start++) {
      let end = start;
      while (end + 1 < group.length && days(group[start].submittedOn, group[end + 1].submittedOn) < windowDays) end++;
      if (end <= lastEnd || end === start) continue; // inside a group already listed, or alone
      const members = group.slice(start, end + 1);
      const total = members.reduce((sum, o) => sum + o.amount, 0);
      if (total <= threshold) continue;
      lastEnd = end;
      const { opdId, opdCode, opdName, basis, keyId, keyName } = members[0];
      flags.push({
        opdId, opdCode, opdName, basis, keyId, keyName, from: members[0].submittedOn, to: members[members.length - 1].submittedOn, total, threshold,
        orders: members.map(({ id, code, submittedOn, amount }) => ({ id, code, submittedOn, amount })),
      });
    }
  }
  return flags.sort((a, b) => b.total - a.total || a.from.localeCompare(b.from));
}

/** The split-order flags of a Pemda's year, for BPBJ and the inspectorate: one read of the year's orders and lines. */
export async function splitOrderFlags(ctx: RequestContext, pemdaId: string, year: number, windowDays = 14, threshold?: number | null): Promise<SplitFlag[]> {
  assertManagesPemda(requireActor(ctx), pemdaId);
  const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
  new Validation()
    .check(Number.isInteger(year) && year >= 2000 && year <= 2100, 'year', 'Tahun 2000-2100.')
    .check(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 90, 'windowDays', 'Rentang 1-90 hari.')
    .check(threshold == null || (Number.isSafeInteger(threshold) && threshold > 0), 'threshold', 'Ambang harus rupiah lebih dari 0.')
    .throwIfInvalid();
  const line = threshold ?? pemda.ppkApprovalThreshold;
  const rows = await ctx.em.execute<{ id: string; number: string; opd_id: string; opd_code: string; opd_name: string; submitted_on: string; vendor_id: string; vendor: string; total: string; category_id: string; category: string; in_category: string }[]>(
    `select o.id, o.number, o.opd_id, opd.code as opd_code, opd.name as opd_name, (o.submitted_at at time zone ?)::date::text as submitted_on, o.vendor_id, v.business_name as vendor, o.total,
            c.id as category_id, c.name as category, sum(l.line_total) as in_category
       from purchase_order o
       join opd on opd.id = o.opd_id
       join vendor v on v.id = o.vendor_id
       join purchase_order_line l on l.order_id = o.id
       join product p on p.id = l.product_id
       join category c on c.id = p.category_id
      where o.pemda_id = ? and o.submitted_at is not null and o.status not in ('REJECTED', 'CANCELLED')
        and (o.submitted_at at time zone ?)::date between ?::date - ? and ?::date + ?
      group by o.id, opd.code, opd.name, v.business_name, c.id, c.name`,
    [pemda.timeZone, pemdaId, pemda.timeZone, `${year}-01-01`, windowDays, `${year}-12-31`, windowDays],
  );
  const byOrder = new Map(rows.map((r) => [r.id, r]));
  const candidates = [
    ...[...byOrder.values()].map((r) => ({ basis: 'VENDOR' as const, keyId: r.vendor_id, keyName: r.vendor, amount: Number(r.total), r })),
    ...rows.map((r) => ({ basis: 'CATEGORY' as const, keyId: r.category_id, keyName: r.category, amount: Number(r.in_category), r })),
  ].map(({ r, ...rest }) => ({
    ...rest, id: r.id, code: orderCode({ number: Number(r.number) }), submittedOn: r.submitted_on, opdId: r.opd_id, opdCode: r.opd_code, opdName: r.opd_name, orderTotal: Number(r.total),
  }));
  // A group belongs to the year it starts in; the margins let a group reach across New Year.
  return findSplits(candidates, windowDays, line).filter((f) => f.from.startsWith(String(year)));
}
