import { readdirSync } from 'node:fs';
import { AsnOrder } from '../../server/asn/asn.entities.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { User } from '../../server/identity/user.entity.js';
import { Product } from '../../server/catalogue/product.entity.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { seedDemo } from '../../seeds/demo.js';
import { loadMigrator, migrate, pendingMigrations } from '../../server/database/orm.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('migrations and seeds', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(() => db.dispose());

  it('migrate up from an empty database, then the entities and the schema agree exactly', async () => {
    // Every migration file in the folder, in the order of their timestamps.
    const files = readdirSync('migrations').filter((file) => /^Migration\d+_\w+\.ts$/.test(file)).map((file) => file.replace(/\.ts$/, '')).sort();
    expect(files.length).toBeGreaterThan(20);
    expect(await pendingMigrations(db.orm)).toEqual(files);
    expect(await migrate(db.orm)).toEqual(files);
    expect(await (await loadMigrator(db.orm)).getPendingMigrations()).toEqual([]);
    expect(await pendingMigrations(db.orm)).toEqual([]);
    expect(await migrate(db.orm)).toEqual([]);
    // A migration missing from the record is pending again (read without the migrator, as every start does).
    const last = files[files.length - 1];
    const [row] = await db.orm.em.getConnection().execute('delete from mikro_orm_migrations where name = ? returning *', [last]);
    expect(await pendingMigrations(db.orm)).toEqual([last]);
    await db.orm.em.getConnection().execute(`insert into mikro_orm_migrations (id, name, executed_at) values (?, ?, ?)`, [row.id, row.name, row.executed_at]);
    expect(await pendingMigrations(db.orm)).toEqual([]);
    // Entities changed without a migration would show up here as DDL still to run.
    const drift = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim()).toBe('');
  });

  it('the demo seed loads Kota Batu (WIB) with its OPDs and Kota Bontang (WITA), and running it twice adds nothing', async () => {
    await seedDemo(db.orm.em.fork() as any);
    const em = db.orm.em.fork();
    const counts = async () => [await em.count(Pemda), await em.count(Opd), await em.count(User), await em.count(Vendor), await em.count(Product), await em.count(AsnOrder)];
    const first = await counts();
    await seedDemo(db.orm.em.fork() as any);
    expect(await counts()).toEqual(first);

    const batu = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
    const bontang = await em.findOneOrFail(Pemda, { kemendagriCode: '64.74' });
    expect([batu.timeZone, bontang.timeZone]).toEqual(['Asia/Jakarta', 'Asia/Makassar']);
    expect(batu.catalogueSpendTarget).toBe(105_000_000_000);
    expect(await em.count(Opd, { pemda: batu })).toBeGreaterThanOrEqual(25);
    expect(await em.count(User, { pemda: batu, role: 'BPBJ' as any })).toBe(1);
  });

  it('the demo catalogue of Kota Batu is realistic: 150+ vendors, mostly local UMK, and 2.500+ products', async () => {
    const em = db.orm.em.fork();
    const batu = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
    const vendors = await em.find(Vendor, { pemda: batu });
    expect(vendors.length).toBeGreaterThanOrEqual(150);
    const localUmk = vendors.filter((v) => v.isLocal && v.isUmkk).length;
    expect(localUmk / vendors.length).toBeGreaterThan(0.6);
    expect(vendors.some((v) => !v.isLocal)).toBe(true);
    expect(new Set(vendors.map((v) => v.status))).toEqual(new Set(['VERIFIED', 'PENDING', 'REJECTED', 'SUSPENDED']));
    expect(await em.count(Product, { pemda: batu })).toBeGreaterThanOrEqual(2500);
    // A few hundred ASN across both Pemdas, with three months of reports, some late, some months missing.
    // The demo ASN also bought through the platform: two completed orders counted without a receipt, one awaiting hand-over.
    const [platform] = await em.getConnection().execute<{ completed: number; placed: number; reports: number }[]>(
      `select count(*) filter (where status = 'COMPLETED')::int as completed, count(*) filter (where status = 'PLACED')::int as placed,
              (select count(*)::int from asn_purchase_report where order_id is not null and receipt_image_url is null and status = 'COUNTED') as reports
         from asn_order`,
    );
    expect(platform).toEqual({ completed: 2, placed: 1, reports: 2 });
    const [asn] = await em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from asn`);
    expect(asn.n).toBeGreaterThanOrEqual(300);
    const statuses = await em.getConnection().execute<{ status: string; months: number }[]>(`select status, count(distinct month)::int as months from asn_purchase_report group by status`);
    expect(Object.fromEntries(statuses.map((s: { status: string; months: number }) => [s.status, s.months]))).toEqual({ COUNTED: 3, LATE: 3 });
    const prices = (await em.find(Product, { pemda: batu }, { fields: ['price'] })).map((p) => p.price);
    expect(prices.every((p) => Number.isSafeInteger(p) && p > 0 && p % 500 === 0)).toBe(true);
  });
});

describe('raw SQL on the embedded database', () => {
  it('counts statements as PostgreSQL parses them: a ";" inside a literal, a dollar quote or a comment is not a separator', async () => {
    const { countStatements } = await import('../../server/database/pglite-statements.js');
    expect([
      `select 1`,
      `select 1;`,
      `select 'a; b'`,
      `insert into t values ('pair:''; drop table vendor; --|127.0.0.1', 1)`,
      `create function f() returns void language plpgsql as $$ begin perform 1; perform 2; end $$`,
      `select 1 -- a; b\n`,
      `select /* ; */ 1`,
      `select 1; select 2`,
      `alter table a add column b int; create index i on a (b);`,
      ` ; ; `,
    ].map(countStatements)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 0]);
  });
});
