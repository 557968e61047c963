import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { User } from '../../server/identity/user.entity.js';
import { seedDemo } from '../../seeds/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('migrations and seeds', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(() => db.dispose());

  it('migrate up from an empty database, then the entities and the schema agree exactly', async () => {
    const pending = await db.orm.getMigrator().getPendingMigrations();
    expect(pending.length).toBeGreaterThan(0);
    await db.orm.getMigrator().up();
    expect(await db.orm.getMigrator().getPendingMigrations()).toEqual([]);
    // Entities changed without a migration would show up here as DDL still to run.
    const drift = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim()).toBe('');
  });

  it('the demo seed loads Kota Batu (WIB) with its OPDs and Kota Bontang (WITA), and running it twice adds nothing', async () => {
    await seedDemo(db.orm.em.fork() as any);
    const em = db.orm.em.fork();
    const counts = async () => [await em.count(Pemda), await em.count(Opd), await em.count(User)];
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
});
