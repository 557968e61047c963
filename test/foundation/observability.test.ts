import { jest } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { log } from '../../server/observability/log.js';
import { seedDemo } from '../../seeds/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('logs and metrics', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let base: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '1', HOST: '127.0.0.1', METRICS_TOKEN: 'rahasia-metrik-uji-0123456789' });
    server = await startHttpServer(await createApp({ ...config, port: 0 }, db.orm));
    base = server.url.replace('/graphql', '');
    log.level = 'info';
    for (const level of ['info', 'error'] as const) jest.spyOn(log, level).mockImplementation(((entry: Record<string, unknown>) => void lines.push({ level, ...entry })) as never);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    log.level = 'silent';
    await server.close();
    await db.dispose();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('one line per request: its id, operation, caller, status and duration; never the password or the token', async () => {
    const login = await (await post({ query: `mutation Masuk($p: String!) { login(input: { email: "bpbj@batukota.go.id", password: $p }) { token } }`, variables: { p: 'katalog123' } })).json();
    const token = login.data.login.token as string;
    const answer = await post({ query: 'query DasborBpbj { me { email } }', operationName: 'DasborBpbj' }, { authorization: `Bearer ${token}`, 'x-request-id': 'uji-123' });
    expect(answer.headers.get('x-request-id')).toBe('uji-123');
    const line = lines.find((l) => l.requestId === 'uji-123')!;
    expect(line).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200, operation: 'DasborBpbj', role: 'BPBJ' });
    expect(line.pemdaId).toEqual(expect.any(String));
    expect(line.ms).toEqual(expect.any(Number));
    expect(lines.find((l) => l.operation === 'Masuk')).toMatchObject({ role: 'ANONYMOUS', status: 200 });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('katalog123');
    expect(everything).not.toContain(token);
  });

  it('a refused input is logged by its code, without a stack trace', async () => {
    await post({ query: 'query Rekap { spendRecap(pemdaId: "bukan-uuid", period: { year: 2026 }) { pemda { budget } } }' });
    const line = lines.find((l) => l.operation === 'Rekap')!;
    expect(line.errors).toEqual(['BAD_USER_INPUT']); // the id is not a UUID
    expect(line.level).toBe('info');
    expect(JSON.stringify(line)).not.toMatch(/stack|at \w+ \(/);
  });

  it('a catalogue page answered from memory is logged as a built one is: its operation, the caller, the status', async () => {
    const [{ id: batu }] = await db.orm.em.fork().getConnection().execute<{ id: string }[]>(`select id from pemda where kemendagri_code = '35.79'`);
    const login = await (await post({ query: `mutation { login(input: { email: "pp.dinkes@batukota.go.id", password: "katalog123" }) { token } }` })).json();
    const page = { query: 'query($p: ID!) { products(pemdaId: $p, first: 3) { edges { node { id name } } } }', variables: { p: batu } };
    const headers = { authorization: `Bearer ${login.data.login.token}` };
    await post(page, { ...headers, 'x-request-id': 'dibangun' }); // built and kept
    await post(page, { ...headers, 'x-request-id': 'dari-memori' });
    const built = lines.find((l) => l.requestId === 'dibangun')!;
    const kept = lines.find((l) => l.requestId === 'dari-memori')!;
    expect(built).toMatchObject({ status: 200, operation: 'query (tanpa nama)', role: 'PP' });
    for (const field of ['operation', 'role', 'pemdaId', 'status', 'method', 'path']) expect(kept[field]).toEqual(built[field]);
    const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer rahasia-metrik-uji-0123456789' } })).text();
    expect(metrics).toMatch(/katalog_catalogue_page_cache_total\{outcome="hit"\} [1-9]/);
  });

  it('/metrics answers only the holder of METRICS_TOKEN, with request latencies by operation and outcome', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer salah' } })).status).toBe(404);
    const text = await (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer rahasia-metrik-uji-0123456789' } })).text();
    expect(text).toMatch(/katalog_graphql_request_seconds_count\{operation="DasborBpbj",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/katalog_graphql_request_seconds_count\{operation="Rekap",outcome="refused"\} [1-9]/);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toMatch(/katalog_outbox_backlog\{outbox="mail"\} 0/);
  });
});
