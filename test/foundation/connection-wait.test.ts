import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { Order } from '../../server/purchasing/order.entity.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createTestApp, errorCode, type GraphQLResult, type TestApp } from '../support/harness.js';
import { ACCEPT, checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const BUSY = 'Server sedang sibuk melayani permintaan lain; permintaan Anda belum dijalankan. Coba lagi sebentar lagi.';

interface KnexClient {
  pool: { max: number };
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

/** Takes every connection of the pool, as a burst of other requests would; answers the function that gives them back. */
async function occupyEveryConnection(orm: MikroORM) {
  const client = (orm.em.getConnection() as unknown as { getKnex(): { client: KnexClient } }).getKnex().client;
  const held: unknown[] = [];
  for (let i = 0; i < client.pool.max; i++) held.push(await client.acquireConnection());
  return async () => void (await Promise.all(held.map((c) => client.releaseConnection(c))));
}

// A request that waits longer than DATABASE_WAIT_TIMEOUT_MS for a connection (on the embedded database: for its turn
// on the one connection) is refused as SERVER_BUSY, with nothing of it run; it was an INTERNAL_SERVER_ERROR.
describe('a request that gets no database connection in time', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_WAIT_TIMEOUT_MS: '1000' } });
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it('is refused as SERVER_BUSY in Indonesian, writes nothing, and succeeds once the database is free', async () => {
    const product = await w.product(w.vendorA, { name: 'Kopi Arabika Bumiaji', price: 60000, stock: 5 });
    const [order] = await checkout(t, w, [[product, 2]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });

    // The vendor is signed in (the context read its account); the wait comes when acceptance needs the database.
    const contextValue = await t.app.createContext({ authorization: `Bearer ${w.vendorA.token}`, clientIp: '127.0.0.1' });
    const result = await expectNothingWritten(t, async () => {
      const release = await occupyEveryConnection(t.db.orm);
      try {
        const response = await t.app.apollo.executeOperation({ query: ACCEPT, variables: { id: order.id } }, { contextValue });
        return (response.body as { singleResult: GraphQLResult }).singleResult;
      } finally {
        await release();
      }
    });
    expect(errorCode(result)).toBe('SERVER_BUSY');
    expect(result.errors![0].message).toBe(BUSY);
    expect(JSON.stringify(result)).not.toMatch(/knex|pool|transacting/i);

    // A read through the entity manager, whose driver wraps the pool's error: the same answer.
    const release = await occupyEveryConnection(t.db.orm);
    const read = await t.app.apollo.executeOperation({ query: 'query($id: ID!) { order(id: $id) { status } }', variables: { id: order.id } }, { contextValue });
    await release();
    expect((read.body as { singleResult: GraphQLResult }).singleResult.errors![0]).toEqual({ message: BUSY, path: ['order'], extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 1 } });

    const again = await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token });
    expect(again.errors).toBeUndefined();
    expect(again.data.acceptOrder.status).toBe('ACCEPTED');
    expect((await t.em().findOneOrFail(Order, order.id)).status).toBe('ACCEPTED');
  });
});

describe('over HTTP', () => {
  let db: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase({ connectionWaitMs: 1000 });
    await seedDemo(db.orm.em.fork() as EntityManager);
    const config = loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'false', DATABASE_WAIT_TIMEOUT_MS: '1000' });
    server = await startHttpServer(await createApp({ ...config, port: 0 }, db.orm));
  });
  afterAll(async () => {
    await server.close();
    await db.dispose();
  });

  const post = (body: unknown, token?: string) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

  const signIn = async () => {
    const login = await post({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'pp.dinkes@batukota.go.id', password: DEMO_PASSWORD } } });
    return (await login.json()).data.login.token as string;
  };

  it('a wait while reading the caller\'s account answers 503 with Retry-After, in the API\'s error shape', async () => {
    const token = await signIn();
    const release = await occupyEveryConnection(db.orm);
    let response: Response;
    try {
      response = await post({ query: '{ me { email } }' }, token);
    } finally {
      await release();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('SERVER_BUSY');
    expect(body.errors[0].message).toBe(BUSY);
    expect(JSON.stringify(body)).not.toMatch(/knex|pool|context creation/i);
    // Open data and uploads read the database outside GraphQL: the same answer there.
    const release2 = await occupyEveryConnection(db.orm);
    let ocds: Response;
    try {
      ocds = await fetch(server.url.replace('/graphql', '/opendata/35.79/ocds.json'));
    } finally {
      await release2();
    }
    expect(ocds.status).toBe(503);
    expect((await ocds.json()).errors[0]).toEqual({ message: BUSY, extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 1 } });
    // Free again: the same request is answered.
    expect((await (await post({ query: '{ me { email } }' }, token)).json()).data.me.email).toBe('pp.dinkes@batukota.go.id');
  });

  it('the same 503 for a signed-in buyer whose catalogue page is kept, whose token is checked before the page is sent', async () => {
    const [{ id: batu }] = await db.orm.em.fork().getConnection().execute<{ id: string }[]>(`select id from pemda where kemendagri_code = '35.79'`);
    const page = { query: 'query($p: ID!) { products(pemdaId: $p, first: 5) { edges { node { id name } } } }', variables: { p: batu } };
    const kept = await (await post(page)).json(); // the public asked first: the page is kept
    expect(kept.data.products.edges).toHaveLength(5);
    const token = await signIn();
    const release = await occupyEveryConnection(db.orm);
    let response: Response;
    try {
      response = await post(page, token);
    } finally {
      await release();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect((await response.json()).errors[0]).toEqual({ message: BUSY, extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 1 } });
    expect(await (await post(page, token)).json()).toEqual(kept);
  });
});
