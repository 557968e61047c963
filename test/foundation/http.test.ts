import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { seedDemo } from '../../seeds/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('the HTTP server', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '1', HOST: '127.0.0.1', BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://katalog.batukota.go.id' });
    const app = await createApp({ ...config, port: 0 }, db.orm);
    server = await startHttpServer(app);
    base = server.url.replace('/graphql', '');
  });
  afterAll(async () => {
    await server.close();
    await db.dispose();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('logs in and answers `me` over HTTP with a bearer token', async () => {
    const login: any = await (await post({ query: 'mutation { login(input: { email: "bpbj@batukota.go.id", password: "katalog123" }) { token } }' })).json();
    const me: any = await (await post({ query: '{ me { email } }' }, { authorization: `Bearer ${login.data.login.token}` })).json();
    expect(me).toEqual({ data: { me: { email: 'bpbj@batukota.go.id' } } });
  });

  it('allows the configured origin only', async () => {
    const allowed = await post({ query: '{ pemdas { name } }' }, { origin: 'https://katalog.batukota.go.id' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://katalog.batukota.go.id');
    const other = await post({ query: '{ pemdas { name } }' }, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await post({ query: `{ pemdas { name } } # ${'x'.repeat(4096)}` });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the OCDS open data at /opendata/{kemendagriCode}/ocds.json, and refuses bad parameters with 400 or 404', async () => {
    const page = await fetch(`${base}/opendata/35.79/ocds.json?from=2026-01-01&to=2026-12-31`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('application/json');
    const pkg: any = await page.json();
    expect(pkg).toEqual(expect.objectContaining({ version: '1.1', publisher: expect.objectContaining({ uid: '35.79' }), releases: [] }));
    expect(pkg.uri).toBe('http://localhost:1/opendata/35.79/ocds.json?from=2026-01-01&to=2026-12-31');
    const bad = await fetch(`${base}/opendata/35.79/ocds.json?from=kemarin`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${base}/opendata/99.99/ocds.json`)).status).toBe(404);
  });

  it('/readyz says unavailable once the database is gone, while /healthz still answers', async () => {
    const extra = await createTestDatabase();
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'test' }), port: 0, host: '127.0.0.1' }, extra.orm);
    const second = await startHttpServer(app);
    const url = second.url.replace('/graphql', '');
    await extra.orm.close(true);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await app.apollo.stop();
    await extra.dispose().catch(() => {});
  });

  it('shutdown lets an in-flight request finish, then stops accepting', async () => {
    const extra = await createTestDatabase();
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'test' }), port: 0, host: '127.0.0.1' }, extra.orm);
    const running = await startHttpServer(app);
    const received = new Promise((resolve) => running.server.once('request', resolve));
    const inFlight = fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ pemdas { name } }' }) });
    await received;
    const closing = running.close();
    expect((await inFlight).status).toBe(200);
    await closing;
    await expect(fetch(running.url)).rejects.toThrow();
    await extra.dispose().catch(() => {});
  });
});
