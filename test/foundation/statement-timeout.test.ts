import { pemdaIds } from '../support/catalogue.js';
import { anotherProcess, createTestApp, errorCode, type TestApp } from '../support/harness.js';

const RECAP = `query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, quarter: 1 }) { pemda { budget } } }`;
const AWARD = `mutation($p: ID!) { computeAward(pemdaId: $p, year: 2026, quarter: 1) { version } }`;

// A statement timeout needs a server that can interrupt a statement: PGlite runs each one to its end on the Node thread.
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

onServer('statement timeouts per request kind (PostgreSQL server)', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof anotherProcess>>;
  let batu: string;
  let bpbj: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { STATEMENT_TIMEOUT_MS: '300', REPORT_STATEMENT_TIMEOUT_MS: '10000', JWT_SECRET: 'one secret for both processes'.padEnd(40, '.') } });
    server = await anotherProcess(t); // its pool opens connections with the interactive timeout
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  /** Holds an exclusive lock on the spend rollups for `ms`, as a slow statement elsewhere would. */
  function holdRollups(ms: number): { locked: Promise<void>; released: Promise<void> } {
    const connection = t.db.orm.em.getConnection();
    let locked!: () => void;
    const lockedPromise = new Promise<void>((resolve) => (locked = resolve));
    const released = connection.transactional(async (transaction) => {
      await connection.execute('lock table spend_rollup in access exclusive mode', [], 'run', transaction);
      locked();
      await new Promise((resolve) => setTimeout(resolve, ms));
    });
    return { locked: lockedPromise, released };
  }

  it('an interactive request is cancelled after STATEMENT_TIMEOUT_MS with TIMEOUT and an Indonesian message', async () => {
    const hold = holdRollups(3000);
    await hold.locked;
    const started = Date.now();
    const result = await server.exec(RECAP, { p: batu }, { token: bpbj });
    const waited = Date.now() - started;
    await hold.released;
    expect(errorCode(result)).toBe('TIMEOUT');
    expect(result.errors![0].message).toBe('Permintaan ini terlalu lama diproses dan dihentikan; persempit periode atau filter lalu coba lagi.');
    expect(JSON.stringify(result)).not.toMatch(/statement|cancel|spend_rollup/i);
    expect(waited).toBeLessThan(2500); // gave up long before the lock was released
    // The connection it ran on is healthy again.
    expect((await server.exec(RECAP, { p: batu }, { token: bpbj })).errors).toBeUndefined();
  });

  it('a report (the award) has the longer REPORT_STATEMENT_TIMEOUT_MS and finishes after the same wait', async () => {
    const hold = holdRollups(1000);
    await hold.locked;
    const result = await server.exec(AWARD, { p: batu }, { token: bpbj });
    await hold.released;
    expect(result.errors).toBeUndefined();
    expect(result.data.computeAward.version).toBe(1);
  });
});
