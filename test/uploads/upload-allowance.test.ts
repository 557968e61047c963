import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { Upload } from '../../server/uploads/upload.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Each file is within UPLOAD_MAX_BYTES; the daily allowance keeps one account from filling the disk with many. */
describe('the daily upload allowance per account', () => {
  let db: TestDatabase;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager);
    // Two server processes' worth of apps on one database: the allowance is counted in it, not in either's memory.
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'kl-allowance-')), UPLOAD_DAILY_BYTES: String(10 * 1024), JWT_SECRET: 'rahasia-uji-batas-unggahan-yang-cukup-panjang' });
      servers.push(await startHttpServer(await createApp({ ...config, port: 0 }, db.orm)));
    }
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await db.dispose();
  });

  it('an account that spent its bytes for the day is refused with RATE_LIMITED on every process, and nothing is stored', async () => {
    const base = (i: number) => servers[i].url.replace('/graphql', '');
    const login = (await (await fetch(servers[0].url, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($input: LoginInput!) { login(input: $input) { token } }`, variables: { input: { email: 'keripik.apel@umkm-batu.id', password: DEMO_PASSWORD } } }),
    })).json()) as any;
    const token = login.data.login.token;
    const scan = (n: number) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${n}\n`), Buffer.alloc(4000 - 20, 0x20), Buffer.from('\n%%EOF\n')]);
    const send = (i: number, n: number) => fetch(`${base(i)}/uploads?kind=LEGAL_DOCUMENT`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(scan(n)) });

    expect((await send(0, 1)).status).toBe(201); // 4,000 of 10,240 bytes
    expect((await send(1, 2)).status).toBe(201); // 8,000
    const rows = await db.orm.em.fork().count(Upload, {});
    for (const i of [0, 1]) {
      const refused = await send(i, 3 + i); // would be 12,000
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
      const body: any = await refused.json();
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0].message).toMatch(/^Batas unggahan akun Anda \(10 KB sehari\) sudah tercapai; coba lagi dalam 24 jam\.$/);
    }
    expect(await db.orm.em.fork().count(Upload, {})).toBe(rows);
  });
});
