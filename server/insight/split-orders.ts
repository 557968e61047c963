import type { EntityManager } from '@mikro-orm/postgresql';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { orderCode } from '../purchasing/order-queries.js';
import { SplitFlagYear } from './split-flag.entities.js';

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
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const flags: SplitFlag[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.code.localeCompare(b.code));
    // One pass with two pointers over day numbers and running sums: linear in the group, however dense the year.
    const day = group.map((o) => Date.parse(o.submittedOn) / DAY);
    const sums = [0];
    for (const o of group) sums.push(sums[sums.length - 1] + o.amount);
    let lastEnd = -1;
    let end = 0;
    for (let start = 0; start < group.length; start++) {
      if (end < start) end = start;
      while (end + 1 < group.length && day[end + 1] - day[start] < windowDays) end++;
      if (end <= lastEnd || end === start) continue; // inside a group already listed, or alone
      const total = sums[end + 1] - sums[start];
      if (total <= threshold) continue;
      lastEnd = end;
      const members = group.slice(start, end + 1);
      const { opdId, opdCode, opdName, basis, keyId, keyName } = members[0];
      flags.push({
        opdId, opdCode, opdName, basis, keyId, keyName, from: members[0].submittedOn, to: members[members.length - 1].submittedOn, total, threshold,
        orders: members.map(({ id, code, submittedOn, amount }) => ({ id, code, submittedOn, amount })),
      });
    }
  }
  return flags.sort(largestFirst);
}

/** The Pemda's standing rule: the window BPBJ's page uses, with the Pemda's own PPK approval line. */
export const STANDING_WINDOW_DAYS = 14;

/**
 * The split-order flags of a Pemda's year, for BPBJ and the inspectorate. Under the standing rule they are read from
 * `split_flag_group` (kept by each order step; built from the orders on the year's first read); any other window or
 * threshold is one read of the year's orders and lines.
 */
export async function splitOrderFlags(ctx: RequestContext, pemdaId: string, year: number, windowDays = STANDING_WINDOW_DAYS, threshold?: number | null): Promise<SplitFlag[]> {
  assertManagesPemda(requireActor(ctx), pemdaId);
  const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
  new Validation()
    .check(Number.isInteger(year) && year >= 2000 && year <= 2100, 'year', 'Tahun 2000-2100.')
    .check(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 90, 'windowDays', 'Rentang 1-90 hari.')
    .check(threshold == null || (Number.isSafeInteger(threshold) && threshold > 0), 'threshold', 'Ambang harus rupiah lebih dari 0.')
    .throwIfInvalid();
  const line = threshold ?? pemda.ppkApprovalThreshold;
  if (windowDays !== STANDING_WINDOW_DAYS || line !== pemda.ppkApprovalThreshold) return scanYear(ctx.em, pemda, year, windowDays, line);
  const built = await ctx.em.findOne(SplitFlagYear, { pemdaId, year });
  if (!built || built.windowDays !== windowDays || built.threshold !== line) return buildYear(ctx.em, pemda, year);
  const groups = await ctx.em.execute<{ flags: SplitFlag[] | string }[]>(`select flags from split_flag_group where pemda_id = ? and year = ?`, [pemdaId, year]);
  return groups.flatMap((g) => (typeof g.flags === 'string' ? JSON.parse(g.flags) : g.flags) as SplitFlag[]).sort(largestFirst);
}

const largestFirst = (a: SplitFlag, b: SplitFlag) => b.total - a.total || a.from.localeCompare(b.from);

interface GroupFilter {
  opdId: string;
  vendorId: string;
  categoryIds: string[];
}

/** The submitted, standing orders of a year (with the window's margins), optionally only one OPD's groups. */
function splitRows(em: EntityManager, pemda: Pemda, year: number, windowDays: number, only?: GroupFilter): Promise<SplitRow[]> {
  return em.execute<SplitRow[]>(
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
        ${only ? 'and o.opd_id = ? and (o.vendor_id = ? or o.id in (select l2.order_id from purchase_order_line l2 join product p2 on p2.id = l2.product_id where p2.category_id in (?)))' : ''}
      group by o.id, opd.code, opd.name, v.business_name, c.id, c.name`,
    [pemda.timeZone, pemda.id, pemda.timeZone, `${year}-01-01`, windowDays, `${year}-12-31`, windowDays, ...(only ? [only.opdId, only.vendorId, only.categoryIds] : [])],
  );
}

/** The year's flags from its orders: a group belongs to the year it starts in; the margins let it reach across New Year. */
export async function scanYear(em: EntityManager, pemda: Pemda, year: number, windowDays: number, threshold: number): Promise<SplitFlag[]> {
  return findSplits(candidatesOf(await splitRows(em, pemda, year, windowDays)), windowDays, threshold).filter((f) => f.from.startsWith(String(year)));
}

/**
 * Scans the year under the standing rule and stores its groups' flags and the rule, replacing what was there. Holds
 * the year's lock exclusively: order steps refreshing groups of that year (which hold it shared) finish first, and
 * later ones wait for the build, so no step's change falls between the scan and the marker.
 */
function buildYear(em: EntityManager, pemda: Pemda, year: number): Promise<SplitFlag[]> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [yearLock(pemda.id, year)]);
    const flags = await scanYear(tx as EntityManager, pemda, year, STANDING_WINDOW_DAYS, pemda.ppkApprovalThreshold);
    await tx.execute(`delete from split_flag_group where pemda_id = ? and year = ?`, [pemda.id, year]);
    await storeGroups(tx as EntityManager, pemda.id, year, flags);
    await tx.execute(
      `insert into split_flag_year (id, created_at, updated_at, pemda_id, year, window_days, threshold) values (gen_random_uuid(), now(), now(), ?, ?, ?, ?)
       on conflict (pemda_id, year) do update set window_days = excluded.window_days, threshold = excluded.threshold, updated_at = now()`,
      [pemda.id, year, STANDING_WINDOW_DAYS, pemda.ppkApprovalThreshold]);
    return flags;
  });
}

const yearLock = (pemdaId: string, year: number) => `split-year|${pemdaId}|${year}`;

const groupKey = (f: Pick<SplitFlag, 'opdId' | 'basis' | 'keyId'>) => `${f.opdId}|${f.basis}|${f.keyId}`;

async function storeGroups(em: EntityManager, pemdaId: string, year: number, flags: SplitFlag[]): Promise<void> {
  const groups = new Map<string, SplitFlag[]>();
  for (const f of flags) groups.set(groupKey(f), [...(groups.get(groupKey(f)) ?? []), f]);
  for (const members of groups.values()) {
    const { opdId, basis, keyId } = members[0];
    await em.execute(
      `insert into split_flag_group (id, created_at, updated_at, pemda_id, year, opd_id, basis, key_id, flags) values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?::jsonb)`,
      [pemdaId, year, opdId, basis, keyId, JSON.stringify(members)]);
  }
}

/**
 * Recomputes, inside an order step's transaction, the stored flags of the groups the order belongs to (its vendor, and
 * each leaf category it buys in) for the years a group holding it can start in, where those years are built. Groups
 * are locked one at a time (an advisory lock on the group), so two steps in one group never store a stale answer.
 */
export async function refreshSplitFlags(em: EntityManager, orderId: string): Promise<void> {
  const [order] = await em.execute<{ pemda_id: string; opd_id: string; vendor_id: string; submitted_on: string | null; categories: string[] }[]>(
    `select o.pemda_id, o.opd_id, o.vendor_id, (o.submitted_at at time zone pe.time_zone)::date::text as submitted_on,
            array(select distinct p.category_id from purchase_order_line l join product p on p.id = l.product_id where l.order_id = o.id) as categories
       from purchase_order o join pemda pe on pe.id = o.pemda_id where o.id = ?`, [orderId]);
  if (!order?.submitted_on) return;
  const pemda = await em.findOneOrFail(Pemda, order.pemda_id);
  const day = Date.parse(order.submitted_on);
  const years = [...new Set([new Date(day - (STANDING_WINDOW_DAYS - 1) * DAY).getUTCFullYear(), new Date(day).getUTCFullYear()])];
  const keys = [{ basis: 'VENDOR', keyId: order.vendor_id }, ...order.categories.map((keyId) => ({ basis: 'CATEGORY', keyId }))];
  for (const key of keys) await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`split|${order.opd_id}|${key.basis}|${key.keyId}`]);
  for (const year of years) {
    await em.execute(`select pg_advisory_xact_lock_shared(hashtext(?))`, [yearLock(pemda.id, year)]);
    const built = await em.findOne(SplitFlagYear, { pemdaId: pemda.id, year }, { refresh: true });
    if (!built || built.windowDays !== STANDING_WINDOW_DAYS || built.threshold !== pemda.ppkApprovalThreshold) continue; // built whole on its first read
    const rows = await splitRows(em, pemda, year, STANDING_WINDOW_DAYS, { opdId: order.opd_id, vendorId: order.vendor_id, categoryIds: order.categories });
    const wanted = new Set(keys.map((k) => groupKey({ opdId: order.opd_id, ...k } as SplitFlag)));
    const flags = findSplits(candidatesOf(rows).filter((c) => wanted.has(groupKey(c))), STANDING_WINDOW_DAYS, pemda.ppkApprovalThreshold)
      .filter((f) => f.from.startsWith(String(year)));
    await em.execute(
      `delete from split_flag_group where pemda_id = ? and year = ? and opd_id = ? and ((basis = 'VENDOR' and key_id = ?) or (basis = 'CATEGORY' and key_id in (?)))`,
      [pemda.id, year, order.opd_id, order.vendor_id, order.categories.length ? order.categories : [order.vendor_id]]);
    await storeGroups(em, pemda.id, year, flags);
  }
}

/** An order's rows (one per leaf category it buys in) as the two bases' candidates: its total per vendor, its lines per category. */
export function candidatesOf(rows: SplitRow[]) {
  const byOrder = new Map(rows.map((r) => [r.id, r]));
  return [
    ...[...byOrder.values()].map((r) => ({ basis: 'VENDOR' as const, keyId: r.vendor_id, keyName: r.vendor, amount: Number(r.total), r })),
    ...rows.map((r) => ({ basis: 'CATEGORY' as const, keyId: r.category_id, keyName: r.category, amount: Number(r.in_category), r })),
  ].map(({ r, ...rest }) => ({
    ...rest, id: r.id, code: orderCode({ number: Number(r.number) }), submittedOn: r.submitted_on, opdId: r.opd_id, opdCode: r.opd_code, opdName: r.opd_name, orderTotal: Number(r.total),
  }));
}

export interface SplitRow {
  id: string;
  number: string;
  opd_id: string;
  opd_code: string;
  opd_name: string;
  submitted_on: string;
  vendor_id: string;
  vendor: string;
  total: string;
  category_id: string;
  category: string;
  in_category: string;
}
