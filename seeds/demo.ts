import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../server/auth/password.js';
import { Asn } from '../server/asn/asn.entities.js';
import { Role, User } from '../server/identity/user.entity.js';
import { Opd } from '../server/opd/opd.entity.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { BATU_CATALOGUE, BONTANG_CATALOGUE, seedCatalogue } from './catalogue.js';
import { BATU_ASN, BONTANG_ASN, monthsBefore, seedAsnPlatformOrders, seedAsnProgramme, type AsnSeedSpec } from './asn.js';
import { localDate } from '../server/calendar/time-zone.js';
import { categoryTree, createCategoryTree, createDefaultSynonyms } from '../server/catalogue/standard-categories.js';
import { DEMO_PEMDAS } from './regions.js';

export const DEMO_PASSWORD = 'katalog123';

export interface DemoAccount {
  email: string;
  role: Role;
  scope: string;
}

/** [email, name, role, pemda key, OPD short name] */
const ACCOUNTS: [string, string, Role, string | null, string | null][] = [
  ['admin@katalog.local', 'Admin Platform', Role.PLATFORM_ADMIN, null, null],
  ['bpbj@batukota.go.id', 'Rina Setyawati (BPBJ Kota Batu)', Role.BPBJ, 'batu', null],
  ['pp.dinkes@batukota.go.id', 'Agus Prasetyo (PP Dinkes)', Role.PP, 'batu', 'Dinkes'],
  ['ppk.dinkes@batukota.go.id', 'Dewi Lestari (PPK Dinkes)', Role.PPK, 'batu', 'Dinkes'],
  ['pp.disdik@batukota.go.id', 'Bambang Wijaya (PP Disdik)', Role.PP, 'batu', 'Disdik'],
  ['ppk.disdik@batukota.go.id', 'Sri Wahyuni (PPK Disdik)', Role.PPK, 'batu', 'Disdik'],
  ['pp.rsud@batukota.go.id', 'Hendra Gunawan (PP RSUD Karsa Husada)', Role.PP, 'batu', 'RSUD Karsa Husada'],
  ['ppk.rsud@batukota.go.id', 'Yuli Astuti (PPK RSUD Karsa Husada)', Role.PPK, 'batu', 'RSUD Karsa Husada'],
  ['bpbj@bontangkota.go.id', 'Muhammad Rizal (BPBJ Kota Bontang)', Role.BPBJ, 'bontang', null],
  ['pp.dinkes@bontangkota.go.id', 'Siti Rahmah (PP Dinkes Bontang)', Role.PP, 'bontang', 'Dinkes'],
  ['ppk.dinkes@bontangkota.go.id', 'Andi Saputra (PPK Dinkes Bontang)', Role.PPK, 'bontang', 'Dinkes'],
];

/** The programme's months: fixed for tests, the three before the demo's day otherwise. */
const asnSpec = (spec: AsnSeedSpec, pemda: Pemda, today?: Date): AsnSeedSpec => (today ? { ...spec, months: monthsBefore(localDate(today, pemda.timeZone)) } : spec);

const OFFICER_NAMES = ['Wahyu Nugroho', 'Ratna Sari', 'Imam Fauzi', 'Lina Marlina', 'Teguh Santoso', 'Fitri Handayani', 'Arif Rahman', 'Nining Suryani',
  'Yusuf Hamdani', 'Retno Wulandari', 'Dedi Kurniawan', 'Sulastri', 'Rizky Ramadhan', 'Ayu Permatasari', 'Bayu Saputra', 'Indah Puspitasari', 'Hari Susanto'];

export interface SeedOptions {
  /** Generate the vendors and products (a few thousand rows); tests that build their own fixtures skip it. */
  catalogue?: boolean;
  /** The demo's day: the ASN programmes report the three months before it. Unset (tests): August-October 2026. */
  today?: Date;
}

/**
 * Loads the demo tenants, accounts and category trees, and by default the generated catalogue. Idempotent: rows
 * are matched on natural keys (Kemendagri code, OPD code, email, category code, NIB), so a second run adds nothing.
 */
export async function seedDemo(em: EntityManager, options: SeedOptions = {}): Promise<DemoAccount[]> {
  const pemdas = new Map<string, Pemda>();
  const opds = new Map<string, Opd>();
  for (const spec of DEMO_PEMDAS) {
    const { key, opds: opdRows, ...fields } = spec;
    const pemda = (await em.findOne(Pemda, { kemendagriCode: fields.kemendagriCode })) ?? em.create(Pemda, fields);
    pemdas.set(key, pemda);
    const existing = new Map((await em.find(Opd, { pemda })).map((o) => [o.code, o]));
    for (const [code, name, shortName] of opdRows) {
      const opd = existing.get(code) ?? em.create(Opd, { pemda, code, name, shortName });
      opds.set(`${key}:${shortName}`, opd);
    }
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const known = new Set((await em.find(User, { email: ACCOUNTS.map((a) => a[0]) })).map((u) => u.email));
  for (const [email, fullName, role, pemdaKey, opdName] of ACCOUNTS) {
    if (known.has(email)) continue;
    em.create(User, {
      email,
      fullName,
      role,
      passwordHash,
      pemda: pemdaKey ? pemdas.get(pemdaKey) : null,
      opd: opdName ? opds.get(`${pemdaKey}:${opdName}`) : null,
    });
  }
  // Every OPD of Kota Batu buys in the demo year: a PP and a PPK for each, pp.<opd>@batukota.go.id and ppk.<opd>@...
  const officers = new Set((await em.find(User, { pemda: pemdas.get('batu')!, role: { $in: [Role.PP, Role.PPK] } })).map((u) => `${u.opd?.id}|${u.role}`));
  DEMO_PEMDAS.find((p) => p.key === 'batu')!.opds.forEach(([, , shortName], i) => {
    const opd = opds.get(`batu:${shortName}`)!;
    const slug = shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    for (const [role, offset] of [[Role.PP, 0], [Role.PPK, 7]] as const) {
      if (officers.has(`${opd.id}|${role}`) || known.has(`${role.toLowerCase()}.${slug}@batukota.go.id`)) continue;
      const name = `${OFFICER_NAMES[(i * 3 + offset) % OFFICER_NAMES.length]} (${role} ${shortName})`;
      em.create(User, { email: `${role.toLowerCase()}.${slug}@batukota.go.id`, fullName: name, role, passwordHash, pemda: pemdas.get('batu')!, opd });
    }
  });
  await em.flush();

  for (const [key, spec] of [['batu', BATU_CATALOGUE], ['bontang', BONTANG_CATALOGUE]] as const) {
    const categories = await createCategoryTree(em, pemdas.get(key)!, categoryTree(spec.goods.specialty));
    await createDefaultSynonyms(em, pemdas.get(key)!);
    await em.flush();
    if (options.catalogue !== false) {
      await seedCatalogue(em, pemdas.get(key)!, categories, spec, passwordHash);
      await seedAsnProgramme(em, pemdas.get(key)!, asnSpec(key === 'batu' ? BATU_ASN : BONTANG_ASN, pemdas.get(key)!, options.today), options.today);
    }
  }

  // Try the ASN programme as a civil servant of Dinkes Kota Batu, and as the head of that OPD.
  if (options.catalogue !== false) {
    const dinkes = opds.get('batu:Dinkes')!;
    const asn = await em.findOne(Asn, { opd: dinkes }, { orderBy: { nip: 'asc' } });
    if (asn && !(await em.count(User, { email: 'asn.dinkes@batukota.go.id' }))) {
      em.create(User, { email: 'asn.dinkes@batukota.go.id', fullName: asn.name, role: Role.ASN, passwordHash, pemda: pemdas.get('batu')!, opd: dinkes, asn });
    }
    if (asn) await seedAsnPlatformOrders(em, asn, asnSpec(BATU_ASN, pemdas.get('batu')!, options.today).months.at(-1)!, options.today ?? new Date());
    if (!(await em.count(User, { email: 'kepala.dinkes@batukota.go.id' }))) {
      em.create(User, { email: 'kepala.dinkes@batukota.go.id', fullName: 'Kepala Dinas Kesehatan Kota Batu', role: Role.KEPALA_OPD, passwordHash, pemda: pemdas.get('batu')!, opd: dinkes });
    }
    await em.flush();
  }

  const accounts = ACCOUNTS.map(([email, , role, pemdaKey, opdName]) => ({
    email,
    role,
    scope: [pemdaKey && pemdas.get(pemdaKey)!.name, opdName].filter(Boolean).join(' / ') || 'platform',
  }));
  if (options.catalogue !== false) {
    accounts.push(
      ...([['Kota Batu', BATU_CATALOGUE], ['Kota Bontang', BONTANG_CATALOGUE]] as const).map(([city, { goods, emailDomain }]) => (
        { email: `${goods.flagship.emailLocalPart}@${emailDomain}`, role: Role.VENDOR, scope: `${goods.flagship.businessName} (${city})` })),
      { email: 'asn.dinkes@batukota.go.id', role: Role.ASN, scope: 'Pemerintah Kota Batu / Dinkes' },
      { email: 'kepala.dinkes@batukota.go.id', role: Role.KEPALA_OPD, scope: 'Pemerintah Kota Batu / Dinkes' },
    );
  }
  return accounts;
}
