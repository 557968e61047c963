import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { verifyPassword } from '../../server/auth/password.js';
import { loadConfig } from '../../server/config.js';
import { createOrm } from '../../server/database/orm.js';
import { User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { demoSnapshotFor, readMeta } from '../../seeds/demo-snapshot.js';
import { makeDemoSnapshot, type Fill } from '../../seeds/make-demo-snapshot.js';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { DEMO_PEMDAS } from '../../seeds/regions.js';

// The tenants and accounts stand in for the year (a minute through the services): what is tested is the snapshot's
// round trip and when a start may use it, not the year, which test/demo/demo-year.test.ts covers.
const tenantsOnly: Fill = (orm) => seedDemo(orm.em.fork() as EntityManager, { catalogue: false });

describe('the demo snapshot: made once, loaded by a first start only while it is still today', () => {
  const config = loadConfig({ NODE_ENV: 'test', PGLITE_DATA_DIR: 'memory', JWT_SECRET: 'x'.repeat(32) });
  // 10:00 in Kota Batu (WIB), 11:00 in Kota Bontang (WITA).
  const madeAt = new Date('2026-12-05T03:00:00Z');
  const dir = mkdtempSync(join(tmpdir(), 'kl-snapshot-'));
  const embeddedStart = (dataDir: string | null) => ({ databaseUrl: null, pgliteDataDir: dataDir, seedDemo: true });

  beforeAll(async () => {
    await makeDemoSnapshot(config, madeAt, 'build-1', { dir, fill: tenantsOnly });
  }, 120_000);

  it("records the build and each demo Pemda's local date", () => {
    const meta = readMeta(dir)!;
    expect(meta.build).toBe('build-1');
    expect(meta.localDates).toEqual({ 'Asia/Jakarta': '2026-12-05', 'Asia/Makassar': '2026-12-05' });
    expect(meta.accounts.map((a) => a.email)).toContain('bpbj@batukota.go.id');
  });

  it('a fresh data folder starts from it, and holds the same tenants and accounts, on disk after a restart', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'kl-start-')), 'pglite');
    const snapshot = demoSnapshotFor(embeddedStart(dataDir), new Date('2026-12-05T09:00:00Z'), 'build-1', dir);
    expect(snapshot).not.toBeNull();
    const loaded = await createOrm({ databaseUrl: null, pgliteDataDir: dataDir, logQueries: false }, { loadDataDir: snapshot!.archive });
    await loaded.close();
    // Reopened without the snapshot: the loaded database was written to the data folder.
    const orm = await createOrm({ databaseUrl: null, pgliteDataDir: dataDir, logQueries: false });
    try {
      const em = orm.em.fork();
      expect((await em.find(Pemda, {})).map((p) => p.kemendagriCode).sort()).toEqual(DEMO_PEMDAS.map((p) => p.kemendagriCode).sort());
      expect(await em.count(Opd, {})).toBe(DEMO_PEMDAS.reduce((n, p) => n + p.opds.length, 0));
      const bpbj = await em.findOneOrFail(User, { email: 'bpbj@batukota.go.id' }, { populate: ['passwordHash'] });
      expect(await verifyPassword(bpbj.passwordHash, DEMO_PASSWORD)).toBe(true);
    } finally {
      await orm.close();
    }
    // That folder now holds a database: a start never replaces it with the snapshot.
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(demoSnapshotFor(embeddedStart(dataDir), new Date('2026-12-05T09:00:00Z'), 'build-1', dir)).toBeNull();
  }, 60_000);

  it('is not used by another build, on the next local day of any demo Pemda, on the server database, or without the demo', () => {
    const sameDay = new Date('2026-12-05T15:30:00Z'); // 22:30 WIB, 23:30 WITA
    expect(demoSnapshotFor(embeddedStart(null), sameDay, 'build-1', dir)).not.toBeNull();
    expect(demoSnapshotFor(embeddedStart(null), sameDay, 'build-2', dir)).toBeNull();
    expect(demoSnapshotFor(embeddedStart(null), sameDay, null, dir)).toBeNull(); // running from sources
    // 16:30 UTC: still 5 December in Kota Batu (23:30 WIB), already 6 December in Kota Bontang (00:30 WITA).
    expect(demoSnapshotFor(embeddedStart(null), new Date('2026-12-05T16:30:00Z'), 'build-1', dir)).toBeNull();
    expect(demoSnapshotFor(embeddedStart(null), new Date('2026-12-04T16:30:00Z'), 'build-1', dir)).toBeNull(); // the day before, in WIB
    expect(demoSnapshotFor({ ...embeddedStart(null), databaseUrl: 'postgres://postgres@127.0.0.1:5432/x' }, sameDay, 'build-1', dir)).toBeNull();
    expect(demoSnapshotFor({ ...embeddedStart(null), seedDemo: false }, sameDay, 'build-1', dir)).toBeNull();
  });

  it('an unreadable or missing snapshot means a live build, not a failed start', () => {
    const broken = mkdtempSync(join(tmpdir(), 'kl-snapshot-broken-'));
    expect(demoSnapshotFor(embeddedStart(null), madeAt, 'build-1', broken)).toBeNull(); // none made
    writeFileSync(join(broken, 'snapshot.json'), '{ not json');
    expect(demoSnapshotFor(embeddedStart(null), madeAt, 'build-1', broken)).toBeNull();
    // A meta without its archive (a run interrupted while replacing it).
    writeFileSync(join(broken, 'snapshot.json'), readFileSync(join(dir, 'snapshot.json')));
    expect(demoSnapshotFor(embeddedStart(null), madeAt, 'build-1', broken)).toBeNull();
  });
});
