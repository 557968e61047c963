import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Pemda, PemdaKind } from '../../server/pemda/pemda.entity.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The embedded database runs in a thread of its own (server/database/pglite-thread-client.ts). The server PostgreSQL
// is another process anyway: these are the embedded database's promises.
const embeddedOnly = process.env.DATABASE_URL ? describe.skip : describe;

embeddedOnly('the embedded database in its own thread', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.dispose());

  it('a long statement leaves the server thread free: timers keep firing while it runs', async () => {
    // The server thread's timers stand for everything else it does meanwhile: reading other requests, answering
    // /healthz, rendering a page. While PGlite ran in the server's thread, none of it happened until the statement ended.
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 20);
    const began = performance.now();
    const [{ n }] = await db.orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from generate_series(1, 4000000) g where g % 7 = 0');
    const took = performance.now() - began;
    clearInterval(timer);
    expect(n).toBe(571428); // floor(4,000,000 / 7)
    expect(took).toBeGreaterThan(500); // long enough for the gaps below to mean something
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
    expect(ticks.length).toBeGreaterThan(took / 20 / 4);
    expect(Math.max(...gaps)).toBeLessThan(took / 2);
  });

  it("a refused statement keeps PostgreSQL's error fields across the thread: a duplicate is the ORM's unique violation", async () => {
    const pemda = (code: string) => ({ name: 'Pemerintah Kota Batu', kind: PemdaKind.KOTA, province: 'Jawa Timur', kemendagriCode: code, timeZone: 'Asia/Jakarta' });
    const em = db.orm.em.fork();
    em.create(Pemda, pemda('35.79'));
    await em.flush();
    const second = db.orm.em.fork();
    second.create(Pemda, pemda('35.79'));
    const error = await second.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueConstraintViolationException);
    expect(error).toMatchObject({ code: '23505', constraint: 'pemda_kemendagri_code_unique' });
    expect(await db.orm.em.fork().count(Pemda, {})).toBe(1);
  });
});
