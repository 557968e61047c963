import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../server/app.js';
import { holidaysFrom } from '../server/calendar/holidays.js';
import { addDays, isWorkingDay, localDate, startOfLocalDate } from '../server/calendar/time-zone.js';
import type { Actor, RequestContext } from '../server/context.js';
import { Product, ProductStatus } from '../server/catalogue/product.entity.js';
import type { AppConfig } from '../server/config.js';
import { Role, User } from '../server/identity/user.entity.js';
import { actorOf } from '../server/identity/identity.service.js';
import { ImportPolicy } from '../server/imports/import-policy.js';
import { createLoaders } from '../server/loaders.js';
import { Opd } from '../server/opd/opd.entity.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { OrderLine, PaymentMethod } from '../server/purchasing/order.entity.js';
import { expireUnansweredOrders } from '../server/purchasing/order-expiry.js';
import type { Services } from '../server/services.js';
import { parseExternalSpendCsv } from '../server/spend/external-spend.service.js';
import { OpdBudget, SpendChannel } from '../server/spend/spend.entities.js';
import { BusinessScale, Vendor, VendorStatus } from '../server/vendor/vendor.entity.js';
import type { VendorProfileInput } from '../server/vendor/vendor.service.js';
import { random } from './catalogue.js';
import { seedDemo, type DemoAccount } from './demo.js';

// Longer than most modules (~330 lines) on purpose: it tells one story, the year in order (budgets, orders, outside
// spend, closing, award), and splitting it would scatter the dates and amounts that have to agree with each other.

/** What the year needs of the running application: its services, configuration and a fresh EntityManager. */
export interface SeedApp {
  services: Services;
  config: AppConfig;
  em: () => EntityManager;
}

export interface YearSpec {
  seed: number;
  /** Catalogue orders per month (before the current one, which gets its share of days). */
  ordersPerMonth: number;
  /** Multiplies every order's quantities: 1 for the demo, more for the large year. */
  volume: number;
}

export const DEMO_YEAR: YearSpec = { seed: 2026, ordersPerMonth: 24, volume: 1 };
export const LARGE_YEAR: YearSpec = { seed: 2027, ordersPerMonth: 150, volume: 1 };

export type Progress = (stage: string, detail: string) => void;

/**
 * How the OPD's goods/services budget is sized (rupiah) and how diligently it buys from UMK-K (realised UMK-K as a
 * share of its pro-rata 40% path: above 1 is ON_TRACK, 0.75-1 AT_RISK, below BELOW). By OPD short name; the rest
 * get a Badan's or a Kecamatan's size.
 */
const BUDGET_BILLIONS: Record<string, number> = {
  'RSUD Karsa Husada': 78, DPUPR: 46, Disdik: 38, Dinkes: 27, Setda: 24, DLH: 19, Disperkim: 14, Disparta: 12, Dishub: 11, Setwan: 10,
  Dispertan: 9, BKD: 8, Diskominfo: 7, Dispora: 7, Dinsos: 6, Diskumdag: 6, 'Satpol PP': 5, BPBD: 5, Damkar: 4.5,
};
const DILIGENCE: Record<string, number> = {
  Dinkes: 1.25, Diskumdag: 1.4, Disparta: 1.2, 'Kec. Bumiaji': 1.3, Disdik: 1.05, Setda: 1.1, Dispertan: 1.15,
  'RSUD Karsa Husada': 0.85, DPUPR: 0.45, DLH: 0.8, Dishub: 0.55, Damkar: 0.3, Disperkim: 0.9,
};

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

/**
 * The demo from an empty database: tenants, accounts and catalogue, then the year through the services of an app made
 * for it, then statistics for the planner. What `npm run seed` and the demo snapshot build; returns the demo accounts.
 * (`npm start` runs the same two halves apart, the year while it already serves.)
 */
export async function seedDemoWithYear(orm: MikroORM, config: AppConfig, today: Date, spec: YearSpec, progress: Progress = () => {}): Promise<DemoAccount[]> {
  const accounts = await seedDemo(orm.em.fork() as EntityManager, { today });
  const app = await createApp(config, orm);
  try {
    await seedDemoYears({ services: app.services, config, em: () => orm.em.fork() as EntityManager }, today, spec, progress);
  } finally {
    await app.apollo.stop().catch(() => {});
  }
  await orm.em.fork().getConnection().execute('analyze');
  return accounts;
}

/** The year for every demo Pemda: Kota Batu in full, Kota Bontang (WITA) at a tenth of the orders. */
export async function seedDemoYears(app: SeedApp, today: Date, spec: YearSpec, progress: Progress = () => {}): Promise<void> {
  const pemdas = await app.em().find(Pemda, {}, { orderBy: { kemendagriCode: 'asc' } });
  for (const pemda of pemdas) {
    // Once per Pemda and year: its budgets are the year's first rows.
    if (await app.em().count(OpdBudget, { pemda, fiscalYear: Number(localDate(today, pemda.timeZone).slice(0, 4)) })) continue;
    const batu = pemda.kemendagriCode === '35.79';
    await seedDemoYear(app, pemda.id, today, batu ? spec : { ...spec, seed: spec.seed + 1, ordersPerMonth: Math.max(2, Math.round(spec.ordersPerMonth / 10)) }, (stage, detail) =>
      progress(stage, `${pemda.name.replace('Pemerintah ', '')}: ${detail}`));
  }
}

/**
 * A living year of a Pemda, January through today, dated relative to today so the demo never ages: budgets (and an
 * APBD-Perubahan for a few OPDs), catalogue orders in every state made through the order services (so rollups, audit
 * and history are what the real flow writes), outside spend imported with one correction, the months through the last
 * complete quarter closed, and the award published for that quarter with a draft for the current one. Deterministic for one `today`.
 */
export async function seedDemoYear(app: SeedApp, pemdaId: string, today: Date, spec: YearSpec, progress: Progress = () => {}): Promise<void> {
  const em = app.em();
  const pemda = await em.findOneOrFail(Pemda, pemdaId);
  const todayLocal = localDate(today, pemda.timeZone);
  const year = Number(todayLocal.slice(0, 4));
  const currentMonth = Number(todayLocal.slice(5, 7));
  const rnd = random(spec.seed);
  // Its offices keep the Pemda's working days: no order moves on a weekend, on Idul Fitri or on a cuti bersama.
  const calendar: OfficeCalendar = { timeZone: pemda.timeZone, holidays: (await holidaysFrom(em, [pemda.id], `${year - 1}-01-01`)).get(pemda.id)! };
  const opds = await em.find(Opd, { pemda }, { orderBy: { code: 'asc' } });
  const bpbjUser = await em.findOneOrFail(User, { pemda, role: Role.BPBJ });
  const context = (user: User | null, at: Date): RequestContext => {
    const forked = app.em();
    const actor: Actor | null = user && actorOf(user);
    return { em: forked, actor, authProblem: null, passwordChangeRequired: false, clientIp: '127.0.0.1', config: app.config, services: app.services, loaders: createLoaders(forked, () => at), now: () => at, trace: { errorCodes: [] } };
  };
  const bpbj = context(bpbjUser, new Date(Date.UTC(year, 0, 2, 2)));
  const officers = await officersOf(em, pemda, opds);

  // 1. Budgets: the APBD in January, the APBD-Perubahan for three OPDs in September (once it has come).
  const budgetOf = new Map(opds.map((o) => [o.id, Math.round((BUDGET_BILLIONS[o.shortName] ?? (o.code.startsWith('7.') ? 2.2 : 3.4)) * 1_000_000_000 * (0.92 + rnd.next() * 0.16) / 1_000_000) * 1_000_000]));
  const budgetCsv = ['opd_code,fiscal_year,goods_services_budget,planned_umkk,allocated_umkk,effective_from,reason'];
  for (const opd of opds) {
    const budget = budgetOf.get(opd.id)!;
    budgetCsv.push(`${opd.code},${year},${budget},${share(budget, 40 + rnd.int(0, 12))},${share(budget, 32 + rnd.int(0, 12))},${year}-01-01,`);
  }
  await expectApplied(app.services.budget.importTable(bpbj, pemda.id, { csv: budgetCsv.join('\n') }, false), 'budgets');
  if (currentMonth >= 10) {
    const revised = ['opd_code,fiscal_year,goods_services_budget,planned_umkk,allocated_umkk,effective_from,reason'];
    for (const short of ['DPUPR', 'Dinkes', 'Disparta']) {
      const opd = opds.find((o) => o.shortName === short);
      if (!opd) continue;
      const budget = Math.round(budgetOf.get(opd.id)! * (short === 'DPUPR' ? 0.9 : 1.12) / 1_000_000) * 1_000_000;
      budgetOf.set(opd.id, budget);
      revised.push(`${opd.code},${year},${budget},${share(budget, 45)},${share(budget, 42)},${year}-09-15,APBD-Perubahan ${year}`);
    }
    await expectApplied(app.services.budget.importTable(context(bpbjUser, new Date(Date.UTC(year, 8, 15, 2))), pemda.id, { csv: revised.join('\n') }, false), 'APBD-P');
  }
  progress('anggaran', `${opds.length} OPD, ${currentMonth >= 10 ? '3 APBD-Perubahan' : 'APBD murni'}`);

  // 2. Catalogue orders, month by month, each through the services from cart to completion (or to where it stopped).
  const products = await em.find(Product, { pemda, status: ProductStatus.PUBLISHED, vendor: { status: VendorStatus.VERIFIED } }, { populate: ['vendor'], orderBy: { createdAt: 'asc' } });
  const byVendor = new Map<string, Product[]>();
  for (const p of products) byVendor.set(p.vendor.id, [...(byVendor.get(p.vendor.id) ?? []), p]);
  const stocked = [...byVendor.keys()].filter((id) => byVendor.get(id)!.length >= 3);
  const umkkVendors = stocked.filter((id) => byVendor.get(id)![0].vendor.getEntity().isUmkk);
  const otherVendors = stocked.filter((id) => !byVendor.get(id)![0].vendor.getEntity().isUmkk);
  const buyers = opds.filter((o) => officers.has(o.id));
  let placed = 0;
  const catalogueUmkk = new Map<string, number>();
  for (let month = 1; month <= currentMonth; month++) {
    const days = month === currentMonth ? Number(todayLocal.slice(8, 10)) : daysIn(year, month);
    const count = Math.max(1, Math.round((spec.ordersPerMonth * days) / 30 * (month === 12 ? 1.6 : month >= 10 ? 1.2 : 1)));
    for (let n = 0; n < count; n++) {
      const opd = pickWeighted(rnd, buyers, (o) => budgetOf.get(o.id)! * (DILIGENCE[o.shortName] ?? 1));
      const umkk = rnd.next() < 0.85;
      const vendorId = rnd.pick(umkk || !otherVendors.length ? umkkVendors : otherVendors);
      const day = rnd.int(1, Math.max(1, days));
      const placedAt = new Date(Date.UTC(year, month - 1, day, 1 + rnd.int(0, 6)));
      const age = (today.getTime() - placedAt.getTime()) / DAY;
      // Old orders ran their course; the last weeks hold orders in every open state.
      const fate = age > 40 ? (rnd.next() < 0.94 ? 'COMPLETED' : rnd.pick(['CANCELLED', 'REJECTED', 'EXPIRED'] as const))
        : age > 20 ? rnd.pick(['COMPLETED', 'COMPLETED', 'PAID', 'RECEIVED', 'RECEIVED'] as const)
        : rnd.pick(['DRAFT', 'SUBMITTED', 'APPROVED', 'ACCEPTED', 'SHIPPED', 'RECEIVED', 'RECEIVED', 'COMPLETED', 'CANCELLED', 'EXPIRED'] as const);
      const lines = pickLines(rnd, byVendor.get(vendorId)!, spec.volume * (opd.shortName === 'RSUD Karsa Husada' || opd.shortName === 'Disdik' ? 2 : 1));
      const value = await runOrder(context, officers.get(opd.id)!, lines, placedAt, today, fate, pemda, calendar, rnd);
      if (value && umkk) catalogueUmkk.set(opd.id, (catalogueUmkk.get(opd.id) ?? 0) + value);
      placed++;
    }
    progress('paket katalog', `${pad(month)}/${year}: ${placed} paket`);
  }
  placed += await showcaseOrders(context, em, pemda, calendar, officers, byVendor, today, rnd);
  // What the expiry job would have done on the way: orders left unanswered for 3 working days are "tidak direspons".
  await expireUnansweredOrders(context(null, today), app.services.order);
  progress('paket katalog', `${placed} paket, tiap status terbuka ada contohnya`);

  // 3. Spend outside the catalogue, so each OPD lands where its diligence puts it; one tender corrected in March.
  const rows: string[] = ['external_ref,date,opd_code,vendor_name,vendor_nib,amount,channel,umkk,pdn,local'];
  let ref = 0;
  for (const opd of opds) {
    const expected = (budgetOf.get(opd.id)! * 0.4 * currentMonth) / 12;
    const wanted = expected * (DILIGENCE[opd.shortName] ?? 0.95 + rnd.next() * 0.2) - (catalogueUmkk.get(opd.id) ?? 0);
    const pieces = 2 + rnd.int(0, 3);
    for (let i = 0; i < pieces; i++) {
      const month = 1 + Math.floor((i * currentMonth) / pieces);
      const date = `${year}-${pad(month)}-${pad(Math.min(rnd.int(3, 27), month === currentMonth ? Number(todayLocal.slice(8, 10)) : 28))}`;
      const umkkPart = Math.max(0, Math.round(wanted / pieces / 1000) * 1000);
      if (umkkPart > 0) rows.push(`SPSE-${year}-${pad(++ref)}${pad(i)},${date},${opd.code},${rnd.pick(cityOf(pemda).tenderUmkk)},,${umkkPart},${rnd.pick([SpendChannel.DIRECT, SpendChannel.TENDER, SpendChannel.ONLINE_SHOP])},ya,ya,${rnd.next() < 0.7 ? 'ya' : 'tidak'}`);
      const large = Math.round((budgetOf.get(opd.id)! * (0.05 + rnd.next() * 0.08) * currentMonth) / 12 / pieces / 1000) * 1000;
      rows.push(`SPSE-${year}-${pad(++ref)}${pad(i)},${date},${opd.code},${rnd.pick(TENDER_LARGE)},,${large},${rnd.pick([SpendChannel.TENDER, SpendChannel.NATIONAL_CATALOGUE])},tidak,ya,tidak`);
    }
  }
  // Last year, as SPSE reported it: each OPD's UMK-K and other spend month by month along the back-loaded shape of a
  // Pemda year (a slow first quarter, the December rush). The December forecast reads its shape from here.
  LAST_YEAR_SHAPE.forEach((weight, i) => {
    for (const opd of opds) {
      const budget = budgetOf.get(opd.id)!;
      const date = `${year - 1}-${pad(i + 1)}-${pad(rnd.int(3, 27))}`;
      const umkk = Math.round((budget * (0.34 + rnd.next() * 0.12) * weight * (0.8 + rnd.next() * 0.4)) / 100 / 1000) * 1000;
      rows.push(`SPSE-${year - 1}-${pad(++ref)},${date},${opd.code},${rnd.pick(cityOf(pemda).tenderUmkk)},,${umkk},${rnd.pick([SpendChannel.DIRECT, SpendChannel.TENDER])},ya,ya,ya`);
      const large = Math.round((budget * 0.3 * weight * (0.8 + rnd.next() * 0.4)) / 100 / 1000) * 1000;
      rows.push(`SPSE-${year - 1}-${pad(++ref)},${date},${opd.code},${rnd.pick(TENDER_LARGE)},,${large},${SpendChannel.TENDER},tidak,ya,tidak`);
    }
  });
  const importAt = context(bpbjUser, today);
  await expectApplied(app.services.externalSpend.import(importAt, pemda.id, parseExternalSpendCsv(rows.join('\n')), ImportPolicy.REJECT_ALL, false), 'belanja luar katalog');
  if (currentMonth >= 4) {
    // The first tender of Dinkes was recorded Rp15.000.000 too high: corrected before February is closed.
    const first = rows.find((r) => r.includes(',1.02.01,') && r.includes(',tidak,ya,tidak'));
    if (first) {
      const cells = first.split(',');
      cells[5] = String(Number(cells[5]) - 15_000_000);
      await expectApplied(app.services.externalSpend.import(importAt, pemda.id, parseExternalSpendCsv([rows[0], cells.join(',')].join('\n')), ImportPolicy.REJECT_ALL, false), 'koreksi');
    }
  }
  progress('belanja luar katalog', `${rows.length - 1} baris dari SPSE dan toko daring`);

  // 4. Reconciled through the month before last quarter's end; the award published for that quarter, a draft for this one.
  const lastQuarter = Math.floor((currentMonth - 1) / 3);
  if (lastQuarter >= 1) {
    await app.services.closedPeriods.closeThrough(context(bpbjUser, today), pemda.id, `${year}-${pad(lastQuarter * 3)}`, `Rekonsiliasi triwulan ${lastQuarter} dengan BPKAD dan APIP`);
    const published = await app.services.award.compute(context(bpbjUser, today), pemda.id, { year, quarter: lastQuarter });
    await app.services.award.publish(context(bpbjUser, today), published.id);
  }
  await app.services.award.compute(context(bpbjUser, today), pemda.id, { year, quarter: lastQuarter + 1 });
  progress('penghargaan', lastQuarter >= 1 ? `triwulan ${lastQuarter} diumumkan, triwulan ${lastQuarter + 1} draf` : `triwulan 1 draf`);

  // 5. A verified local business classified MENENGAH asks to be KECIL, which would count its sales as UMK-K: the request waits in
  // BPBJ's curation page, and the vendor keeps selling as MENENGAH until BPBJ decides.
  const asking = await em.findOne(Vendor, { pemda, status: VendorStatus.VERIFIED, scale: BusinessScale.MENENGAH, isKoperasi: false, isLocal: true }, { orderBy: { nib: 'asc' } });
  const askingUser = asking && (await em.findOne(User, { vendor: asking }));
  if (asking && askingUser) {
    const askedAt = new Date(startOfLocalDate(lastWorkingDay(today, calendar), pemda.timeZone).getTime() + 9.5 * 3_600_000);
    await app.services.vendor.updateProfile(context(askingUser, askedAt), asking.id, { ...profileOf(asking), scale: BusinessScale.KECIL });
    progress('kurasi', `${asking.businessName} mengajukan klasifikasi usaha kecil`);
  }

  // 6. People read what they were told as it came: what arrived before the last working day was read two hours after,
  // so each inbox shows this week's news as new rather than a year of it.
  const lastDay = startOfLocalDate(lastWorkingDay(today, calendar), pemda.timeZone);
  await em.getConnection().execute(
    `update notification n set read_at = n.created_at + interval '2 hours' from app_user u
      where u.id = n.recipient_id and u.pemda_id = ? and n.read_at is null and n.created_at < ?`,
    [pemda.id, lastDay],
  );

  // 7. The Pemda's staff signed in on the last working day, between 07:30 and 09:00, each at a minute of its own; BPBJ's
  // accounts page shows when (accounts made later, in the browser, show "belum pernah").
  await em.getConnection().execute(
    `update app_user set last_login_at = ?::timestamptz + interval '7 hours 30 minutes' + (abs(hashtext(email)) % 90) * interval '1 minute'
      where pemda_id = ? and role in ('BPBJ', 'PP', 'PPK', 'KEPALA_OPD', 'ASN') and last_login_at is null`,
    [lastDay, pemda.id],
  );
}

/** A vendor's profile as it stands, as the vendor would send it back. */
const profileOf = (v: Vendor): VendorProfileInput => ({
  businessName: v.businessName, ownerName: v.ownerName, nib: v.nib, npwp: v.npwp, scale: v.scale, isKoperasi: v.isKoperasi,
  domicileRegionCode: v.domicileRegionCode, domicileRegionName: v.domicileRegionName, district: v.district, address: v.address,
  phone: v.phone, contactEmail: v.contactEmail, bankName: v.bankName, bankAccountNumber: v.bankAccountNumber, bankAccountName: v.bankAccountName,
});

/** The working day before today's date in the Pemda's calendar. */
function lastWorkingDay(today: Date, calendar: OfficeCalendar): string {
  let day = addDays(localDate(today, calendar.timeZone), -1);
  while (!isWorkingDay(day, calendar.holidays)) day = addDays(day, -1);
  return day;
}

/** Percent of a year's spend in each month, January to December. */
const LAST_YEAR_SHAPE = [3, 4, 6, 7, 8, 8, 8, 9, 9, 10, 11, 17];
/** What the year's paperwork names in each demo city, by Kemendagri code: where orders are delivered, who wins its UMK-K tenders. */
const CITIES: Record<string, { office: string; tenderUmkk: string[] }> = {
  '35.79': { office: 'Jl. Panglima Sudirman 507, Kota Batu', tenderUmkk: ['CV Berkah Jaya Batu', 'UD Sumber Makmur', 'Koperasi Serba Usaha Apel Makmur', 'CV Arjuno Mandiri', 'UD Tani Rejeki', 'Toko Daring UMKM Batu'] },
  '64.74': { office: 'Jl. Moch. Roem No. 1, Bontang Lestari, Kota Bontang', tenderUmkk: ['CV Berkah Jaya Bontang', 'UD Sumber Makmur', 'Koperasi Nelayan Bontang Kuala', 'CV Loktuan Mandiri', 'UD Tani Rejeki', 'Toko Daring UMKM Bontang'] },
};
const cityOf = (pemda: Pemda) => CITIES[pemda.kemendagriCode] ?? { office: pemda.name.replace('Pemerintah ', ''), tenderUmkk: ['UD Sumber Makmur', 'UD Tani Rejeki'] };
const TENDER_LARGE = ['PT Wijaya Karya Beton', 'PT Astra Graphia', 'PT Bina Medika Nusantara', 'PT Telkom Indonesia', 'PT Pembangunan Perumahan'];

const share = (budget: number, percent: number) => Math.round((budget * percent) / 100 / 1_000_000) * 1_000_000;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pickWeighted<T>(rnd: ReturnType<typeof random>, items: T[], weight: (item: T) => number): T {
  const total = items.reduce((s, i) => s + weight(i), 0);
  let roll = rnd.next() * total;
  for (const item of items) if ((roll -= weight(item)) <= 0) return item;
  return items[items.length - 1];
}

/** One to three products of a vendor, in quantities an office buys (at least the minimum order, within stock). */
function pickLines(rnd: ReturnType<typeof random>, products: Product[], volume: number): [Product, number][] {
  const chosen = new Set<Product>();
  const want = rnd.int(1, 3);
  while (chosen.size < Math.min(want, products.length)) chosen.add(rnd.pick(products));
  return [...chosen]
    .map((p): [Product, number] => [p, Math.max(p.minOrderQuantity, Math.min(p.stock, Math.round((rnd.int(15, 320) * 1_000_000 * volume) / p.price)))])
    .filter(([p, quantity]) => quantity > 0 && quantity <= p.stock)
    .map(([p, quantity]) => {
      p.stock -= quantity; // this copy is never flushed: it only keeps later orders within what is left
      return [p, quantity];
    });
}

interface Officers {
  pp: User;
  ppk: User;
}

/** A PP and a PPK for every OPD: the demo accounts where they exist, `pp.<code>@...` accounts otherwise. */
async function officersOf(em: EntityManager, pemda: Pemda, opds: Opd[]): Promise<Map<string, Officers>> {
  const users = await em.find(User, { pemda, role: { $in: [Role.PP, Role.PPK] } }, { orderBy: { email: 'asc' } });
  const result = new Map<string, Officers>();
  for (const opd of opds) {
    const pp = users.find((u) => u.opd?.id === opd.id && u.role === Role.PP);
    const ppk = users.find((u) => u.opd?.id === opd.id && u.role === Role.PPK);
    if (pp && ppk) result.set(opd.id, { pp, ppk });
  }
  return result;
}

/**
 * The last working day's orders of the demo PP (Dinkes) with the flagship vendor, one in every open state, so the demo accounts
 * each find work waiting: the vendor an order to answer, the PPK one to approve, the PP a negotiation and a delivery.
 */
async function showcaseOrders(
  context: (user: User | null, at: Date) => RequestContext,
  em: EntityManager,
  pemda: Pemda,
  calendar: OfficeCalendar,
  officers: Map<string, Officers>,
  byVendor: Map<string, Product[]>,
  today: Date,
  rnd: ReturnType<typeof random>,
): Promise<number> {
  const dinkes = await em.findOne(Opd, { pemda, shortName: 'Dinkes' });
  const flagship = await em.findOne(User, { pemda, role: Role.VENDOR }, { orderBy: { email: 'asc' }, populate: ['vendor'] });
  const goods = flagship?.vendor && byVendor.get(flagship.vendor.id);
  if (!dinkes || !officers.has(dinkes.id) || !goods?.length) return 0;
  const fates: Fate[] = ['DRAFT', 'NEGOTIATING', 'SUBMITTED', 'APPROVED', 'ACCEPTED', 'SHIPPED', 'RECEIVED', 'PAID'];
  // The order awaiting the PPK is above Rp200 juta, from the product with the most stock by value, which it may take
  // whole; the rest are an office's usual snacks and souvenirs, each from a product the year has left enough of.
  const largest = [...goods].sort((a, b) => b.stock * b.price - a.stock * a.price)[0];
  const usualQuantity = (p: Product) => Math.max(p.minOrderQuantity, Math.min(p.stock, Math.round(3_500_000 / p.price)));
  // They happen in the office hours of the last working day before today: placed from 08.20 local, one every 50
  // minutes, the one that goes furthest first, each step by 15.00. Placed in the hours before today instead, a demo
  // made at dawn showed orders at 03.12.
  const midnight = startOfLocalDate(lastWorkingDay(today, calendar), pemda.timeZone).getTime();
  const officeClosed = new Date(midnight + 16 * 3_600_000); // runOrder keeps every step an hour before its "today"
  for (const [i, fate] of fates.entries()) {
    const inTurn = [...goods.slice(i % goods.length), ...goods.slice(0, i % goods.length)].filter((p) => p !== largest);
    const product = fate === 'APPROVED' ? largest : inTurn.find((p) => usualQuantity(p) <= p.stock) ?? largest;
    const quantity = fate === 'APPROVED' ? Math.min(product.stock, Math.ceil(210_000_000 / product.price)) : usualQuantity(product);
    product.stock -= quantity;
    const placedAt = new Date(midnight + (8 * 60 + 20 + (fates.length - 1 - i) * 50) * 60_000);
    await runOrder(context, officers.get(dinkes.id)!, [[product, quantity]], placedAt, officeClosed, fate, pemda, calendar, rnd);
  }
  return fates.length;
}

type Fate = 'NEGOTIATING' | 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'ACCEPTED' | 'SHIPPED' | 'RECEIVED' | 'PAID' | 'COMPLETED' | 'CANCELLED' | 'REJECTED' | 'EXPIRED';

/**
 * Takes one order from the cart as far as its fate, each step on its own day (working hours, WIB-ish), through the
 * same services the API calls. Returns the value received, or 0.
 */
async function runOrder(
  context: (user: User | null, at: Date) => RequestContext,
  officers: Officers,
  lines: [Product, number][],
  placedAt: Date,
  today: Date,
  fate: Fate,
  pemda: Pemda,
  calendar: OfficeCalendar,
  rnd: ReturnType<typeof random>,
): Promise<number> {
  if (!lines.length) return 0;
  const { timeZone } = calendar;
  const vendorUser = await context(officers.pp, placedAt).em.findOneOrFail(User, { vendor: lines[0][0].vendor.id, role: Role.VENDOR });
  // Offices work Monday to Friday: a step that falls on a weekend waits for Monday, at the same hour, and nothing
  // happens after the last office hour before today (nor in the hours before the demo is made).
  const latest = officeHourAtOrBefore(new Date(today.getTime() - 3_600_000), calendar).getTime();
  let at = new Date(Math.min(weekdayFrom(placedAt, calendar).getTime(), latest));
  const later = (days: number) => {
    const next = weekdayFrom(new Date(at.getTime() + days * DAY), calendar).getTime();
    // A step that would come after that comes halfway there instead (to the minute, in office hours), so a recent
    // order's steps keep their order and their distance rather than all falling on the last office hour at once.
    const halfway = at.getTime() + Math.floor((latest - at.getTime()) / 2 / 60_000) * 60_000;
    at = next <= latest ? new Date(next) : officeHourAtOrAfter(new Date(halfway), calendar);
    return at;
  };
  const { cart, order: orders } = context(officers.pp, at).services;
  for (const [product, quantity] of lines) await cart.setItem(context(officers.pp, at), product.id, quantity);
  const [order] = await orders.checkout(context(officers.pp, at), { deliveryAddress: `Kantor OPD, ${cityOf(pemda).office}`, ppkId: officers.ppk.id, rupCode: `RUP-${rnd.int(10_000_000, 99_999_999)}` });
  if (fate === 'DRAFT') return 0;
  if (fate === 'NEGOTIATING') {
    const [line] = await context(officers.pp, at).em.find(OrderLine, { order: order.id });
    await orders.proposePrices(context(officers.pp, later(0)), order.id, [{ lineId: line.id, unitPrice: Math.max(1, Math.round((line.unitPrice * 0.9) / 500) * 500) }]);
    return 0;
  }
  if (fate === 'CANCELLED' && rnd.next() < 0.5) {
    await orders.cancel(context(officers.pp, later(1)), order.id, 'Kegiatan dibatalkan oleh OPD');
    return 0;
  }
  const submitted = await orders.submit(context(officers.pp, later(rnd.int(0, 1))), order.id);
  if (fate === 'SUBMITTED') return 0;
  if (fate === 'EXPIRED') {
    await orders.expire(context(null, later(6)), order.id); // the expiry job: no account acts
    return 0;
  }
  if (submitted.requiresPpkApproval) await orders.approve(context(officers.ppk, later(1)), order.id);
  if (fate === 'APPROVED') return 0;
  if (fate === 'CANCELLED') {
    await orders.cancel(context(officers.pp, later(1)), order.id, 'Anggaran kegiatan direvisi');
    return 0;
  }
  if (fate === 'REJECTED') {
    await orders.reject(context(vendorUser, later(1)), order.id, 'Stok bahan baku tidak mencukupi untuk tanggal yang diminta');
    return 0;
  }
  await orders.accept(context(vendorUser, later(rnd.int(0, 2))), order.id, null);
  if (fate === 'ACCEPTED') return 0;
  await orders.ship(context(vendorUser, later(rnd.int(1, 4))), order.id, `SJ/${order.number}`);
  if (fate === 'SHIPPED') return 0;
  const received = await orders.receive(context(officers.pp, later(rnd.int(0, 2))), order.id, `BAST/${order.number}`, localDate(at, timeZone), null);
  if (fate === 'RECEIVED') return received.receivedAmount ?? 0;
  await orders.recordPayment(context(officers.ppk, later(rnd.int(3, 25))), order.id, { method: rnd.pick([PaymentMethod.TRANSFER, PaymentMethod.TRANSFER, PaymentMethod.KKPD]), amount: received.receivedAmount!, paidOn: localDate(at, timeZone), reference: `SP2D/${order.number}` });
  // Seven vendors in ten confirm the day the money arrived, that day or up to three working days after the SP2D date. Drawn
  // from the order number, not `rnd`, so the rest of the year stays what it was before confirmations existed.
  const draw = (Number(order.number) * 2_654_435_761) % 2 ** 32; // Knuth's multiplicative hash: numbers 1, 2, 3 spread out
  if (draw % 10 < 7) await orders.confirmPayment(context(vendorUser, later(Math.floor(draw / 10) % 4)), order.id, localDate(at, timeZone));
  if (fate === 'PAID') return received.receivedAmount ?? 0;
  await orders.complete(context(officers.pp, later(1)), order.id);
  return received.receivedAmount ?? 0;
}

/** The Pemda's working days (Monday to Friday but its days off) in its time zone: when its offices work. */
interface OfficeCalendar { timeZone: string; holidays: ReadonlySet<string> }

/** The instant, or the same hour of the next working day when it falls on a weekend or a day off (local). */
function weekdayFrom(instant: Date, { timeZone, holidays }: OfficeCalendar): Date {
  let moment = instant;
  while (!isWorkingDay(localDate(moment, timeZone), holidays)) moment = new Date(moment.getTime() + DAY);
  return moment;
}

/** The instant if it falls in office hours, otherwise the next opening (08.00 local of the next working day). */
function officeHourAtOrAfter(instant: Date, { timeZone, holidays }: OfficeCalendar): Date {
  for (let date = localDate(instant, timeZone); ; date = addDays(date, 1)) {
    const opens = startOfLocalDate(date, timeZone).getTime() + 8 * 3_600_000;
    if (isWorkingDay(date, holidays) && instant.getTime() <= opens + 8 * 3_600_000) return new Date(Math.max(instant.getTime(), opens));
  }
}

/** The latest moment of office hours (08.00-16.00 local, Monday to Friday) at or before the instant. */
function officeHourAtOrBefore(instant: Date, { timeZone, holidays }: OfficeCalendar): Date {
  for (let date = localDate(instant, timeZone); ; date = addDays(date, -1)) {
    const opens = startOfLocalDate(date, timeZone).getTime() + 8 * 3_600_000;
    if (isWorkingDay(date, holidays) && instant.getTime() >= opens) return new Date(Math.min(instant.getTime(), opens + 8 * 3_600_000));
  }
}

async function expectApplied<T extends { applied: boolean; errors: unknown[] }>(result: Promise<T>, what: string): Promise<T> {
  const r = await result;
  if (!r.applied) throw new Error(`Demo ${what} not applied: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r;
}
