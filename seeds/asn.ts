import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Asn, AsnGrade, AsnOrder, AsnOrderStatus, AsnProgramme, AsnPurchaseReport, MinimumRule, Outlet, OutletKind, ReportStatus, SIMADU_MINIMUMS } from '../server/asn/asn.entities.js';
import { Product } from '../server/catalogue/product.entity.js';
import { BUYER_VISIBLE } from '../server/catalogue/visibility.js';
import { reportingClosesAt } from '../server/asn/asn.service.js';
import { Opd } from '../server/opd/opd.entity.js';
import type { Pemda } from '../server/pemda/pemda.entity.js';
import { random } from './catalogue.js';

const NAMES = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gatot', 'Hesti', 'Indra', 'Joko', 'Kartika', 'Lestari', 'Mulyadi', 'Nining', 'Oki', 'Puji', 'Rahmat', 'Sri', 'Tri', 'Wulan'];
const SURNAMES = ['Santoso', 'Wahyuni', 'Prasetyo', 'Lestari', 'Hidayat', 'Rahayu', 'Susanto', 'Purnomo', 'Setiawan', 'Handayani'];

/**
 * The drawn name, or the next surname free in the OPD: eight ASN of one office with three "Budi Susanto" gave the demo
 * away. Takes no further draws, so the rest of the programme (reports, amounts, days) stays what it was.
 */
function uniqueName(named: Set<string>, first: string, surname: string): string {
  const start = SURNAMES.indexOf(surname);
  const name = SURNAMES.map((_, k) => `${first} ${SURNAMES[(start + k) % SURNAMES.length]}`).find((n) => !named.has(n)) ?? `${first} ${surname}`;
  named.add(name);
  return name;
}
const GRADES: AsnGrade[] = [AsnGrade.PELAKSANA, AsnGrade.PELAKSANA, AsnGrade.PELAKSANA, AsnGrade.PELAKSANA, AsnGrade.ESELON_IV, AsnGrade.ESELON_IV, AsnGrade.ESELON_III];

export interface AsnSeedSpec {
  seed: number;
  programme: string;
  outlets: [string, OutletKind][];
  asnPerOpd: number;
  months: string[];
}

export const BATU_ASN: AsnSeedSpec = {
  seed: 79,
  programme: 'Gerakan ASN Belanja Produk UMKM Kota Batu',
  outlets: [['Pasar Besar Batu', OutletKind.PASAR_RAKYAT], ['Galeri Dekranasda Kota Batu', OutletKind.GALERI_DEKRANASDA], ['Pasar Induk Among Tani', OutletKind.PASAR_PEMERINTAH]],
  asnPerOpd: 8,
  months: ['2026-08', '2026-09', '2026-10'],
};

export const BONTANG_ASN: AsnSeedSpec = {
  seed: 74,
  programme: 'Betah: Belanja Tiap Hari di Pasar',
  outlets: [['Pasar Tamrin', OutletKind.PASAR_RAKYAT], ['Pasar Citra Mas Loktuan', OutletKind.PASAR_RAKYAT], ['Pasar Taman Telihan', OutletKind.PASAR_RAKYAT]],
  asnPerOpd: 10,
  months: ['2026-08', '2026-09', '2026-10'],
};

/** The three months before `today`'s month ('YYYY-MM'): the last of them is still open for reports until the 10th. */
export function monthsBefore(today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  return [3, 2, 1].map((back) => {
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * ASN across a Pemda's OPDs with three months of reports: most on time, some late, some months missing, so the
 * monitoring shows MET, NOT_MET and LATE; the head of the first OPD is exempt (on leave) in the middle month. No
 * report is dated after `now`. Skipped when the programme exists (idempotent).
 */
export async function seedAsnProgramme(em: EntityManager, pemda: Pemda, spec: AsnSeedSpec, now = new Date(Date.UTC(2026, 10, 15))): Promise<number> {
  if (await em.count(AsnProgramme, { pemda, name: spec.programme })) return 0;
  const rnd = random(spec.seed);
  const programme = em.create(AsnProgramme, {
    pemda, name: spec.programme, startMonth: spec.months[0], minimumRule: MinimumRule.BY_GRADE, gradeMinimums: SIMADU_MINIMUMS,
    reportDeadlineDay: 10, basicNeedsOnly: false,
  });
  const outlets = spec.outlets.map(([name, kind]) => em.create(Outlet, { programme, name, kind }));
  const opds = await em.find(Opd, { pemda }, { orderBy: { code: 'asc' } });
  let count = 0;
  for (const [o, opd] of opds.entries()) {
    const named = new Set<string>();
    for (let i = 0; i < spec.asnPerOpd; i++) {
      const birthYear = 1970 + rnd.int(0, 25);
      const birth = `${birthYear}${String(rnd.int(1, 12)).padStart(2, '0')}${String(rnd.int(1, 28)).padStart(2, '0')}`;
      const appointed = `${birthYear + rnd.int(22, 30)}${String(rnd.int(1, 12)).padStart(2, '0')}`;
      const nip = `${birth}${appointed}${rnd.int(1, 2)}${String((o * 50 + i) % 1000).padStart(3, '0')}`;
      const grade = i === 0 ? AsnGrade.KEPALA_OPD : rnd.pick(GRADES);
      const asn = em.create(Asn, { pemda, opd, nip, name: uniqueName(named, rnd.pick(NAMES), rnd.pick(SURNAMES)), grade, exemptMonths: o === 0 && i === 0 ? [spec.months[1]] : [] });
      count++;
      for (const month of spec.months) {
        const habit = rnd.next();
        if (habit < 0.15) continue; // missing month
        const late = habit < 0.25;
        const required = SIMADU_MINIMUMS[grade];
        const purchases = rnd.int(1, 3);
        for (let p = 0; p < purchases; p++) {
          const day = String(rnd.int(1, 28)).padStart(2, '0');
          const amount = Math.round((required / purchases) * (0.7 + rnd.next() * 0.8) / 500) * 500;
          const closes = reportingClosesAt(month, 10, pemda.timeZone);
          const wanted = new Date(closes.getTime() + (late ? 1 : -1) * rnd.int(1, 5) * 86_400_000);
          // A month whose deadline has not come yet has no late reports, and nothing is reported in the future.
          const reportedAt = new Date(Math.min(wanted.getTime(), now.getTime() - 3_600_000));
          const lateReport = late && reportedAt > closes;
          em.create(AsnPurchaseReport, {
            programme, asn, outlet: rnd.pick(outlets), purchasedOn: `${month}-${day}`, month, amount,
            items: rnd.pick(['Beras dan telur', 'Sayur dan buah', 'Keripik tempe', 'Batik tulis', 'Minyak goreng dan gula']), basicNeeds: true,
            receiptImageUrl: `https://struk.contoh.id/${nip}/${month}/${p}.jpg`,
            receiptImageHash: createHash('sha256').update(`${nip}/${month}/${p}`).digest('hex'),
            reportedAt, status: lateReport ? ReportStatus.LATE : ReportStatus.COUNTED,
          });
        }
      }
    }
  }
  await em.flush();
  return count;
}

/**
 * Two purchases the demo ASN made through the platform in the last seeded month, completed by the vendor, so
 * `asnOrders` and reports recorded without a receipt have something to show, and one still awaiting hand-over.
 * Skipped when the ASN already has orders (idempotent).
 */
export async function seedAsnPlatformOrders(em: EntityManager, asn: Asn, month: string, today: Date): Promise<number> {
  if (await em.count(AsnOrder, { asn })) return 0;
  const products = await em.find(
    Product,
    { pemda: asn.pemda, ...BUYER_VISIBLE, category: { basicNeeds: true }, stock: { $gte: 10 } },
    { populate: ['category'], orderBy: { name: 'asc' }, limit: 3 },
  );
  if (!products.length) return 0;
  const programmes = await em.find(AsnProgramme, { pemda: asn.pemda, startMonth: { $lte: month } });
  const orders = products.map((product, i) => {
    const quantity = i + 1;
    product.stock -= quantity;
    const line = { productId: product.id, productName: product.name, unit: product.unit, unitPrice: product.price, quantity, lineTotal: product.price * quantity, basicNeeds: true };
    const completed = i < 2;
    // Ordered two days before the hand-over; the open one yesterday (it used to read as placed the moment the demo was made).
    const placedAt = completed ? new Date(`${month}-0${8 + i}T02:00:00Z`) : new Date(today.getTime() - 86_400_000);
    const order = em.create(AsnOrder, {
      createdAt: placedAt, updatedAt: completed ? new Date(`${month}-1${i}T03:00:00Z`) : placedAt,
      pemda: asn.pemda, asn, vendor: product.vendor, lines: [line], total: line.lineTotal,
      status: completed ? AsnOrderStatus.COMPLETED : AsnOrderStatus.PLACED, completedAt: completed ? new Date(`${month}-1${i}T03:00:00Z`) : null,
    });
    if (completed) {
      for (const programme of programmes) {
        em.create(AsnPurchaseReport, {
          programme, asn, vendor: product.vendor, order, purchasedOn: `${month}-1${i}`, month, amount: line.lineTotal,
          items: `${line.productName} (${quantity} ${line.unit})`, productIds: [product.id], basicNeeds: true,
          reportedAt: order.completedAt!, status: ReportStatus.COUNTED,
        });
      }
    }
    return order;
  });
  await em.flush();
  return orders.length;
}
