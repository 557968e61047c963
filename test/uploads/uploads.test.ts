import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import sharp from 'sharp';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { Product } from '../../server/catalogue/product.entity.js';
import { Upload } from '../../server/uploads/upload.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { photo } from '../support/images.js';

const MAX_BYTES = 200 * 1024;

/** Photos and scans over HTTP, as the web app sends them: the raw file as the body, the kind in the query. */
describe('uploads (POST /uploads, GET /uploads/:id)', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let base: string;
  let uploadDir: string;
  const tokens: Record<string, string> = {};

  const graphql = async (query: string, variables: Record<string, unknown>, token?: string) =>
    (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) })).json()) as any;
  const upload = (kind: string, body: Buffer, token?: string, contentType = 'image/jpeg') =>
    fetch(`${base}/uploads?kind=${kind}`, { method: 'POST', headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) });
  const get = (id: string, token?: string) => fetch(`${base}/uploads/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const uploadRows = () => db.orm.em.fork().count(Upload, {});

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager);
    uploadDir = mkdtempSync(join(tmpdir(), 'kl-uploads-test-'));
    const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', UPLOAD_DIR: uploadDir, UPLOAD_MAX_BYTES: String(MAX_BYTES), RATE_LIMITS: 'false' });
    server = await startHttpServer(await createApp({ ...config, port: 0 }, db.orm));
    base = server.url.replace('/graphql', '');
    for (const [key, email] of [['vendor', 'keripik.apel@umkm-batu.id'], ['bpbj', 'bpbj@batukota.go.id'], ['pp', 'pp.dinkes@batukota.go.id'], ['bontangBpbj', 'bpbj@bontangkota.go.id']]) {
      const login = await graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password: DEMO_PASSWORD } });
      tokens[key] = login.data.login.token;
    }
    const other = (await db.orm.em.fork().getConnection().execute(`select u.email from app_user u join vendor v on v.id = u.vendor_id join pemda p on p.id = v.pemda_id where p.name like '%Batu%' and u.email <> 'keripik.apel@umkm-batu.id' order by u.email limit 1`))[0].email;
    tokens.otherVendor = (await graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: other, password: DEMO_PASSWORD } })).data.login.token;
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.dispose();
  });

  it('a phone photo is turned upright, shrunk to 1600 px, stripped of its EXIF and hashed by the server', async () => {
    // A 3000x2000 camera picture taken in portrait (EXIF orientation 6) with a GPS position in its metadata.
    const camera = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Kamera HP', Copyright: 'Bu Ning' } } }).toBuffer();
    expect((await sharp(camera).metadata()).exif).toBeDefined();
    const res = await upload('PRODUCT_PHOTO', camera, tokens.vendor, 'application/octet-stream');
    expect(res.status).toBe(201);
    const body: any = await res.json();
    expect(body).toEqual(expect.objectContaining({ kind: 'PRODUCT_PHOTO', contentType: 'image/jpeg', width: 1067, height: 1600, url: `/uploads/${body.id}` }));

    const served = await get(body.id);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([1067, 1600, undefined, undefined]);
    const { createHash } = await import('node:crypto');
    expect(body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(readdirSync(uploadDir)).toContain(body.sha256);
    // Asked again with the ETag it got: not modified.
    expect((await fetch(`${base}/uploads/${body.id}`, { headers: { 'if-none-match': `"${body.sha256}"` } })).status).toBe(304);
  });

  it('refuses a wrong type by its content (whatever its name or header), an oversized file, a broken image and an anonymous caller, writing nothing', async () => {
    const before = await uploadRows();
    const html = await upload('PRODUCT_PHOTO', Buffer.from('<html><script>alert(1)</script></html>'), tokens.vendor, 'image/jpeg');
    expect(html.status).toBe(415);
    expect(await html.json()).toEqual({ errors: [{ message: 'Foto produk harus berkas JPEG, PNG atau WebP.', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    // A PDF is a legal document, not a product photo.
    expect((await upload('PRODUCT_PHOTO', Buffer.from('%PDF-1.7\n...'), tokens.vendor, 'image/png')).status).toBe(415);

    const big = await upload('PRODUCT_PHOTO', Buffer.concat([await photo('besar', { format: 'jpeg' }), Buffer.alloc(MAX_BYTES)]), tokens.vendor);
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const broken = await upload('PRODUCT_PHOTO', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100, 7)]), tokens.vendor);
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.fields[0].field).toBe('file');

    expect((await upload('PRODUCT_PHOTO', await photo('anon'))).status).toBe(401);
    // A PP has no photos to upload; a vendor has no receipts.
    expect((await upload('PRODUCT_PHOTO', await photo('pp'), tokens.pp)).status).toBe(403);
    expect((await upload('RECEIPT', await photo('struk'), tokens.vendor)).status).toBe(403);
    expect((await upload('SOMETHING', await photo('x'), tokens.vendor)).status).toBe(400);
    expect(await uploadRows()).toBe(before);
  });

  it('an account still on the password BPBJ chose can neither upload nor read a file until it chooses its own', async () => {
    const asnId = (await db.orm.em.fork().getConnection().execute(`select id from app_user where email = 'asn.dinkes@batukota.go.id'`))[0].id;
    const reset = await graphql(`mutation($id: ID!) { resetUserPassword(id: $id) { password } }`, { id: asnId }, tokens.bpbj);
    const temporary = (await graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: 'asn.dinkes@batukota.go.id', password: reset.data.resetUserPassword.password } })).data.login.token;
    const before = await uploadRows();
    const refused = await upload('RECEIPT', await photo('unggah'), temporary);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await uploadRows()).toBe(before);
    // Even a product photo anyone may see: the account's token is good for the password change only.
    const shared = (await (await upload('PRODUCT_PHOTO', await photo('produk-gerbang'), tokens.vendor)).json()) as { id: string };
    expect((await get(shared.id)).status).toBe(200);
    expect((await get(shared.id, temporary)).status).toBe(403);
    // Over HTTP a refused operation is a 403, not a 200 with an error inside.
    const graphqlRefused = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${temporary}` }, body: JSON.stringify({ query: '{ pemdas { name } }' }) });
    expect(graphqlRefused.status).toBe(403);
    expect(((await graphqlRefused.json()) as any).errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await graphql(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }`, { input: { currentPassword: reset.data.resetUserPassword.password, newPassword: 'Struk-Apel-Batu-4' } }, temporary);
    expect((await upload('RECEIPT', await photo('unggah'), changed.data.changePassword.token)).status).toBe(201);
  });

  it('a scan of a legal document is seen by its vendor and its Pemda\'s BPBJ only', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await upload('LEGAL_DOCUMENT', pdf, tokens.vendor, 'application/pdf');
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as any;
    for (const [who, status] of [[undefined, 404], ['pp', 404], ['otherVendor', 404], ['bontangBpbj', 404], ['vendor', 200], ['bpbj', 200]] as const) {
      const answer = await get(id, who ? tokens[who] : undefined);
      expect([who, answer.status]).toEqual([who, status]);
      if (status === 200) {
        expect(Buffer.from(await answer.arrayBuffer()).equals(pdf)).toBe(true);
        expect(answer.headers.get('cache-control')).toBe('private, no-store');
      }
    }
  });

  it("a product shows the vendor's own uploaded photos; another vendor's upload is refused beside the field and no product is written", async () => {
    const own: any = await (await upload('PRODUCT_PHOTO', await photo('keripik'), tokens.vendor)).json();
    const theirs: any = await (await upload('PRODUCT_PHOTO', await photo('bukan-milik'), tokens.otherVendor)).json();
    const category = (await db.orm.em.fork().getConnection().execute(`select c.id from category c join pemda p on p.id = c.pemda_id where c.code = 'olahan-apel-keripik' and p.name like '%Batu%'`))[0].id;
    const input = { name: 'Keripik Apel Original 200 g', description: 'Tanpa pengawet.', categoryId: category, unit: 'pack', price: 18_000, stock: 50, minOrderQuantity: 1 };
    const CREATE = `mutation($input: ProductInput!) { createProduct(input: $input) { id imageUrls } }`;

    const before = await db.orm.em.fork().count(Product, {});
    const refused = await graphql(CREATE, { input: { ...input, imageUrls: [own.url, theirs.url] } }, tokens.vendor);
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].extensions.fields[0].field).toBe('imageUrls');
    expect(await db.orm.em.fork().count(Product, {})).toBe(before);

    const created = await graphql(CREATE, { input: { ...input, imageUrls: [own.url] } }, tokens.vendor);
    expect(created.data.createProduct.imageUrls).toEqual([`/uploads/${own.id}`]);
  });

  it('a vendor attaches its NIB scan; BPBJ reads it before verifying, nobody else sees it, a replacement keeps the first, and a photo or another vendor\'s scan is refused with nothing written', async () => {
    const vendorId = (await graphql(`{ me { vendor { id } } }`, {}, tokens.vendor)).data.me.vendor.id;
    const ATTACH = `mutation($id: ID!, $kind: VendorDocumentKind!, $uploadId: ID!) { attachVendorDocument(id: $id, kind: $kind, uploadId: $uploadId) { legalDocuments { kind url } } }`;
    const DOCS = `query($id: ID!) { vendor(id: $id) { legalDocuments { kind url contentType } } }`;
    const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% NIB ${n}\ntrailer <<>>\n%%EOF\n`);
    const first: any = await (await upload('LEGAL_DOCUMENT', pdf(1), tokens.vendor, 'application/pdf')).json();
    const photoUpload: any = await (await upload('PRODUCT_PHOTO', await photo('bukan-dokumen'), tokens.vendor)).json();
    const theirs: any = await (await upload('LEGAL_DOCUMENT', pdf(3), tokens.otherVendor, 'application/pdf')).json();
    const rows = () => db.orm.em.fork().getConnection().execute(`select (select count(*) from vendor_document) as documents, (select count(*) from audit_log) as audit`);

    const before = await rows();
    for (const [uploadId, token, code] of [[photoUpload.id, tokens.vendor, 'BAD_USER_INPUT'], [theirs.id, tokens.vendor, 'BAD_USER_INPUT'], [first.id, tokens.otherVendor, 'FORBIDDEN'], [first.id, tokens.bpbj, 'FORBIDDEN']]) {
      const refused = await graphql(ATTACH, { id: vendorId, kind: 'NIB', uploadId }, token);
      expect(refused.errors[0].extensions.code).toBe(code);
    }
    expect(await rows()).toEqual(before);

    const attached = await graphql(ATTACH, { id: vendorId, kind: 'NIB', uploadId: first.id }, tokens.vendor);
    expect(attached.data.attachVendorDocument.legalDocuments).toEqual([{ kind: 'NIB', url: `/uploads/${first.id}` }]);
    expect((await graphql(DOCS, { id: vendorId }, tokens.bpbj)).data.vendor.legalDocuments).toEqual([{ kind: 'NIB', url: `/uploads/${first.id}`, contentType: 'application/pdf' }]);
    for (const token of [undefined, tokens.pp, tokens.otherVendor, tokens.bontangBpbj]) {
      const seen = await graphql(DOCS, { id: vendorId }, token);
      expect(seen.data?.vendor.legalDocuments ?? []).toEqual([]);
    }

    const second: any = await (await upload('LEGAL_DOCUMENT', pdf(2), tokens.vendor, 'application/pdf')).json();
    await graphql(ATTACH, { id: vendorId, kind: 'NIB', uploadId: second.id }, tokens.vendor);
    expect((await graphql(DOCS, { id: vendorId }, tokens.bpbj)).data.vendor.legalDocuments).toEqual([{ kind: 'NIB', url: `/uploads/${second.id}`, contentType: 'application/pdf' }]);
    const kept = await db.orm.em.fork().getConnection().execute(`select upload_id from vendor_document where vendor_id = ? order by created_at`, [vendorId]);
    expect(kept.map((r: any) => r.upload_id)).toEqual([first.id, second.id]);
    const pemdaId = (await graphql(`{ me { pemda { id } } }`, {}, tokens.bpbj)).data.me.pemda.id;
    const audit = await graphql(`query($p: ID!, $id: ID!) { auditLog(pemdaId: $p, subjectType: VENDOR, subjectId: $id) { action reason } }`, { p: pemdaId, id: vendorId }, tokens.bpbj);
    expect(audit.data.auditLog.filter((e: any) => e.action === 'DOCUMENT_ATTACHED').map((e: any) => e.reason)).toEqual([`Pindaian NIB (/uploads/${second.id})`, `Pindaian NIB (/uploads/${first.id})`]); // newest first
  });
});
