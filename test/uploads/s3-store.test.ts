import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import S3rver from 's3rver';
import { createApp } from '../../server/app.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { S3FileStore } from '../../server/uploads/file-store.js';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { photo } from '../support/images.js';

/**
 * Uploads in S3-compatible object storage, against s3rver: a real S3 HTTP server on loopback that keeps objects on
 * disk. It knows one access key (S3RVER) and refuses others, but does not verify V4 signatures themselves: the
 * signing is aws4fetch's, the library AWS's own examples for fetch-based runtimes use.
 */
describe('uploads in an S3-compatible bucket (S3_BUCKET)', () => {
  let s3: S3rver;
  let endpoint: string;
  let bucketDir: string;
  let db: TestDatabase;
  let server: RunningServer;
  let base: string;
  let uploadDir: string;
  const s3Env = () => ({ S3_ENDPOINT: endpoint, S3_BUCKET: 'katalog-uploads', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' });

  beforeAll(async () => {
    bucketDir = mkdtempSync(join(tmpdir(), 'kl-s3-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: bucketDir, configureBuckets: [{ name: 'katalog-uploads', configs: [] }] });
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    db = await createTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager);
    uploadDir = mkdtempSync(join(tmpdir(), 'kl-s3-disk-'));
    const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', UPLOAD_DIR: uploadDir, RATE_LIMITS: 'false', ...s3Env() });
    server = await startHttpServer(await createApp({ ...config, port: 0 }, db.orm));
    base = server.url.replace('/graphql', '');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
    await s3?.close();
  });

  it('a product photo goes to the bucket, not the disk, and is served back from it', async () => {
    const login = await (await fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($input: LoginInput!) { login(input: $input) { token } }`, variables: { input: { email: 'keripik.apel@umkm-batu.id', password: DEMO_PASSWORD } } }),
    })).json() as any;
    const res = await fetch(`${base}/uploads?kind=PRODUCT_PHOTO`, { method: 'POST', headers: { authorization: `Bearer ${login.data.login.token}` }, body: new Uint8Array(await photo('s3-keripik')) });
    expect(res.status).toBe(201);
    const stored: any = await res.json();
    expect(readdirSync(uploadDir)).toEqual([]);

    // The object is in the bucket under its hash, refused to an unknown key.
    const store = new S3FileStore(loadConfig({ NODE_ENV: 'test', ...s3Env() }).s3!);
    const object = await store.get(stored.sha256);
    expect(object?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const served = await fetch(`${base}${stored.url}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(object!)).toBe(true);

    const wrongKey = new S3FileStore({ ...loadConfig({ NODE_ENV: 'test', ...s3Env() }).s3!, accessKeyId: 'BUKAN-KUNCI' });
    await expect(wrongKey.get(stored.sha256)).rejects.toThrow(/HTTP 403/);
    expect(await store.get('0'.repeat(64))).toBeNull();
  });

  it('refuses to start with a bucket but no endpoint or keys, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', S3_BUCKET: 'katalog-uploads' })).toThrow(new ConfigError('S3_ENDPOINT', 'is required with S3_BUCKET (for example https://s3.ap-southeast-3.amazonaws.com)'));
    expect(() => loadConfig({ NODE_ENV: 'test', ...s3Env(), S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY is required with S3_BUCKET/);
    expect(() => loadConfig({ NODE_ENV: 'test', ...s3Env(), S3_BUCKET: 'Bukan_Nama' })).toThrow(/S3_BUCKET is not a valid bucket name/);
  });
});
