import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Asn, Outlet } from './asn/asn.entities.js';
import { Opd } from './opd/opd.entity.js';
import { AuditLog, AuditSubject } from './audit/audit-log.entity.js';
import { holidaysFrom } from './calendar/holidays.js';
import { auditSubjectNames, type AuditSubjectKey } from './audit/audit-subjects.js';
import { Category } from './catalogue/category.entity.js';
import { Pemda } from './pemda/pemda.entity.js';
import { VendorDocument } from './vendor/vendor-document.entity.js';
import { Vendor } from './vendor/vendor.entity.js';
import { User } from './identity/user.entity.js';
import { rowsById } from './database/rows.js';
import { buyerVisibleSql } from './catalogue/visibility.js';
import { concentrationBetween, type OpdConcentration } from './insight/concentration.js';
import { orderWarnings, type OrderWarning } from './insight/order-warnings.js';
import { priceChecks, type PriceCheck } from './insight/price-fairness.js';

/**
 * Per-request batch loaders for what MikroORM's reference loader cannot batch: aggregates per parent, whole
 * trees, and children that have no collection on their parent. One query per kind per request, however many rows ask.
 */
const yearBefore = (instant: Date) => new Date(instant.getTime() - 365 * 86_400_000);

export function createLoaders(em: EntityManager, now: () => Date) {
  return {
    /** A product's vendor and category as rows (server/database/rows.ts); a catalogue page hands them over from its own statement. */
    vendor: rowsById(em, Vendor),
    category: rowsById(em, Category),
    /** Accounts as rows; the caller's is primed by authentication. */
    user: rowsById(em, User),
    /** Pemdas, OPDs and civil-servant records as rows: an account's links, the spend recap's Pemda and OPDs' Pemda. */
    pemda: rowsById(em, Pemda),
    opd: rowsById(em, Opd),
    asn: rowsById(em, Asn),
    /** Products of each vendor that buyers see (none while the vendor is suspended). */
    publishedProductCount: new DataLoader<string, number>(async (vendorIds) => {
      const rows = await em.getConnection().execute<{ vendor_id: string; count: string }[]>(
        `select p.vendor_id, count(*) as count from product p join vendor v on v.id = p.vendor_id
          where ${buyerVisibleSql()} and p.vendor_id in (?) group by p.vendor_id`,
        [vendorIds as string[]],
      );
      const counts = new Map(rows.map((r) => [r.vendor_id, Number(r.count)]));
      return vendorIds.map((id) => counts.get(id) ?? 0);
    }),
    /** Each vendor's legal scans in force: the newest of each kind. */
    vendorDocuments: new DataLoader<string, VendorDocument[]>(async (vendorIds) => {
      const all = await em.find(VendorDocument, { vendor: { $in: vendorIds as string[] } }, { populate: ['upload'], orderBy: { createdAt: 'desc', id: 'desc' } });
      return vendorIds.map((id) => {
        const own = all.filter((d) => d.vendor.id === id);
        return own.filter((d, i) => own.findIndex((e) => e.kind === d.kind) === i).sort((a, b) => a.kind.localeCompare(b.kind));
      });
    }),
    categoriesOfPemda: new DataLoader<string, Category[]>(async (pemdaIds) => {
      const all = await em.find(Category, { pemda: { $in: pemdaIds as string[] } }, { orderBy: { name: 'asc' } });
      return pemdaIds.map((id) => all.filter((c) => c.pemda.id === id));
    }),
    outletsOfProgramme: new DataLoader<string, Outlet[]>(async (programmeIds) => {
      const all = await em.find(Outlet, { programme: { $in: programmeIds as string[] } }, { orderBy: { name: 'asc' } });
      return programmeIds.map((id) => all.filter((o) => o.programme.id === id));
    }),
    /** Each product's live price against its comparison set and its own earlier price (server/insight/price-fairness.ts). */
    priceCheck: new DataLoader<string, PriceCheck | null>(async (productIds) => {
      const checks = await priceChecks(em, productIds, yearBefore(now()));
      return productIds.map((id) => checks.get(id) ?? null);
    }),
    /** The same for a pending revision's price where there is one: what BPBJ is asked to approve. */
    proposedPriceCheck: new DataLoader<string, PriceCheck | null>(async (productIds) => {
      const checks = await priceChecks(em, productIds, yearBefore(now()), true);
      return productIds.map((id) => checks.get(id) ?? null);
    }),
    /** Warnings for the PP and PPK on orders not yet accepted (server/insight/order-warnings.ts). */
    orderWarnings: new DataLoader<string, OrderWarning[]>(async (orderIds) => {
      const warnings = await orderWarnings(em, orderIds, now());
      return orderIds.map((id) => warnings.get(id) ?? []);
    }),
    /** Vendor concentration per OPD for whole months, keyed "pemdaId|fromMonth|toMonth": one statement per recap. */
    vendorConcentration: new DataLoader<string, Map<string, OpdConcentration>>(async (keys) =>
      Promise.all(keys.map(async (key) => {
        const [pemdaId, from, to] = key.split('|');
        return new Map((await concentrationBetween(em, pemdaId, from, to)).map((c) => [c.opdId, c]));
      })),
    ),
    /** Each Pemda's time zone and days off from a month back: what a working-day deadline on a page needs. */
    workingCalendar: new DataLoader<string, { timeZone: string; holidays: Set<string> | undefined }>(async (pemdaIds) => {
      const pemdas = await em.find(Pemda, { id: { $in: pemdaIds as string[] } }, { fields: ['timeZone'] });
      const holidays = await holidaysFrom(em, pemdaIds as string[], new Date(now().getTime() - 31 * 86_400_000).toISOString().slice(0, 10));
      return pemdaIds.map((id) => ({ timeZone: pemdas.find((p) => p.id === id)!.timeZone, holidays: holidays.get(id) }));
    }),
    /** What an audit entry is about, named as the pages name it (`auditSubjectNames`). */
    auditSubjectName: new DataLoader<AuditSubjectKey, string | null>((keys) => auditSubjectNames(em, keys)),
    orderHistory: new DataLoader<string, AuditLog[]>(async (orderIds) => {
      const all = await em.find(AuditLog, { subjectType: AuditSubject.ORDER, subjectId: { $in: orderIds as string[] } }, { orderBy: { sequence: 'asc' } });
      return orderIds.map((id) => all.filter((entry) => entry.subjectId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
