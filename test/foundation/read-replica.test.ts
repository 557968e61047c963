import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../server/config.js';
import { pemdaIds } from '../support/catalogue.js';
import { anotherProcess, createTestApp, type TestApp } from '../support/harness.js';

const EXPORTS = `query($p: ID!) {
  recap: exportSpendRecap(pemdaId: $p, year: 2026, format: CSV) { base64 }
  series: exportSpendSeries(pemdaId: $p, year: 2026, format: CSV) { base64 }
  orders: exportOrders(pemdaId: $p, from: "2026-01-01", to: "2026-12-31", format: CSV) { base64 }
}`;
const AWARD = `mutation($p: ID!) { computeAward(pemdaId: $p, year: 2026, quarter: 1) { version } }`;

describe('DATABASE_REPLICA_URLS', () => {
  it('is refused without DATABASE_URL, and each URL is checked', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://replica/katalog' })).toThrow('Configuration error: DATABASE_REPLICA_URLS needs DATABASE_URL');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://primary/katalog', DATABASE_REPLICA_URLS: 'postgres://r1/katalog, mysql://r2/katalog' })).toThrow(
      'Configuration error: DATABASE_REPLICA_URLS[2] must start with postgres: or postgresql:',
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://primary/katalog', DATABASE_REPLICA_URLS: 'postgres://r1/katalog, postgres://r2/katalog' }).replicaUrls).toEqual([
      'postgres://r1/katalog',
      'postgres://r2/katalog',
    ]);
  });
});

// A replica needs a server. Here the "replica" is the test's own database reached as a role that may only read, so the
// code path runs for real and any write sent there would fail.
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

onServer('read-only reports on a read replica (PostgreSQL server)', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof anotherProcess>>;
  const statements: string[] = [];
  const reader = `katalog_reader_${randomBytes(4).toString('hex')}`;
  let batu: string;
  let bpbj: string;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: t.db.url! });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true, env: { JWT_SECRET: 'one secret for both processes'.padEnd(40, '.') } });
    const database = new URL(t.db.url!).pathname.slice(1);
    await admin(`create role ${reader} login; grant connect on database "${database}" to ${reader}; grant usage on schema public to ${reader}; grant select on all tables in schema public to ${reader}`);
    const replica = new URL(t.db.url!);
    replica.username = reader;
    server = await anotherProcess(t, { replicaUrls: [replica.toString()], onQuery: (sql) => statements.push(sql) });
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
  });
  afterAll(async () => {
    await server.close();
    await admin(`drop owned by ${reader}; drop role ${reader}`).catch(() => {});
    await t.close();
  });

  it('the recap, series and orders exports read the replica in one read-only transaction, and answer the same files', async () => {
    const onPrimary = await t.exec(EXPORTS, { p: batu }, { token: bpbj });
    statements.length = 0;
    const onReplica = await server.exec(EXPORTS, { p: batu }, { token: bpbj });
    expect(onReplica.errors).toBeUndefined();
    expect(onReplica.data).toEqual(onPrimary.data);

    // MikroORM labels a statement by the pool that wrote it to the log, not the transaction that ran it: count the
    // replica's transactions here, and prove below where the reads went.
    expect(statements.filter((sql) => /start transaction isolation level repeatable read read only \(via read connection 'replica-1'\)/.test(sql))).toHaveLength(3);
    expect(statements.filter((sql) => /commit \(via read connection 'replica-1'\)/.test(sql))).toHaveLength(3);
  });

  it('a replica that cannot read the orders fails the orders export, so that is where it reads; the primary is untouched', async () => {
    await admin(`revoke select on purchase_order from ${reader}`);
    try {
      const orders = `query($p: ID!) { exportOrders(pemdaId: $p, from: "2026-01-01", to: "2026-12-31", format: CSV) { base64 } }`;
      expect((await server.exec(orders, { p: batu }, { token: bpbj })).errors).toHaveLength(1);
      expect((await t.exec(orders, { p: batu }, { token: bpbj })).errors).toBeUndefined();
    } finally {
      await admin(`grant select on purchase_order to ${reader}`);
    }
  });

  it('a report that writes (the award draft) stays on the primary', async () => {
    statements.length = 0;
    const computed = await server.exec(AWARD, { p: batu }, { token: bpbj });
    expect(computed.errors).toBeUndefined();
    expect(statements.some((sql) => sql.includes('replica-1'))).toBe(false);
    const [{ count }] = await t.em().execute(`select count(*)::int as count from award_result where pemda_id = ? and version = ?`, [batu, computed.data.computeAward.version]);
    expect(count).toBe(1);
  });
});
