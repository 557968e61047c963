// Over 300 lines: the whole life of a product (listing, curation, revisions, removal, browsing) in one story, so a
// reader follows one product from the vendor's draft to the buyer's page; each describe block stands on its own.
import { AuditLog } from '../../server/audit/audit-log.entity.js';
import { Product } from '../../server/catalogue/product.entity.js';
import {
  categoryId,
  CREATE_PRODUCT,
  pemdaIds,
  productInput,
  publishedProduct,
  UPDATE_PRODUCT,
  vendorAccount,
} from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';

const PRODUCTS = `query($p: ID, $f: ProductFilterInput, $sort: ProductSort, $first: Int, $after: String) {
  products(pemdaId: $p, filter: $f, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name price status isLocal isUmkk vendor { businessName } category { code } } }
  }
}`;
const PRODUCT = `query($id: ID!) { product(id: $id) { id name price status } }`;
const SUBMIT = `mutation($id: ID!) { submitProduct(id: $id) { status } }`;
const APPROVE = `mutation($id: ID!) { approveProduct(id: $id) { status name price publishedAt pendingRevision { name } } }`;

describe('the product catalogue: listing, curation and who sees what', () => {
  let t: TestApp;
  let ids: { batu: string; bontang: string };
  let bpbjBatu: string;
  let bpbjBontang: string;
  let keripikApel: string;
  let beras: string;
  let vendor: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    ids = await pemdaIds(t);
    bpbjBatu = await t.login('bpbj@batukota.go.id');
    bpbjBontang = await t.login('bpbj@bontangkota.go.id');
    keripikApel = await categoryId(t, ids.batu, 'olahan-apel-keripik');
    beras = await categoryId(t, ids.batu, 'pangan-beras');
    vendor = await vendorAccount(t, ids.batu, bpbjBatu);
  });
  afterAll(() => t.close());

  const publicNames = async (filter: Record<string, unknown> = {}) =>
    (await t.exec(PRODUCTS, { p: ids.batu, f: filter, first: 100 })).data.products.edges.map((e: any) => e.node.name);

  it('the newcomer story: register, verify, list, submit, approve, and the public finds it', async () => {
    const created = await t.exec(CREATE_PRODUCT, { input: productInput(keripikApel, { name: 'Keripik Apel Cerita Pertama' }) }, { token: vendor.token });
    expect(created.data.createProduct).toEqual(expect.objectContaining({ status: 'DRAFT', price: 25000 }));
    const id = created.data.createProduct.id;
    expect(await publicNames()).not.toContain('Keripik Apel Cerita Pertama');

    expect((await t.exec(SUBMIT, { id }, { token: vendor.token })).data.submitProduct.status).toBe('SUBMITTED');
    const queue = await t.exec(`query($p: ID!) { productCurationQueue(pemdaId: $p, first: 100, order: NEWEST_FIRST) { edges { node { id } } } }`, { p: ids.batu }, { token: bpbjBatu });
    expect(queue.data.productCurationQueue.edges.map((e: any) => e.node.id)).toContain(id);

    const approved = await t.exec(APPROVE, { id }, { token: bpbjBatu });
    expect(approved.data.approveProduct).toEqual(expect.objectContaining({ status: 'PUBLISHED', publishedAt: t.clock.now().toISOString() }));

    const found = await t.exec(PRODUCTS, { p: ids.batu, first: 100 });
    const node = found.data.products.edges.map((e: any) => e.node).find((n: any) => n.id === id);
    expect(node).toEqual(expect.objectContaining({ status: 'PUBLISHED', isLocal: true, isUmkk: true, category: { code: 'olahan-apel-keripik' } }));
    expect((await t.exec(PRODUCT, { id })).data.product.name).toBe('Keripik Apel Cerita Pertama');

    const history = await t.em().find(AuditLog, { subjectId: id }, { orderBy: { sequence: 'asc' } });
    expect(history.map((h) => `${h.fromStatus}->${h.toStatus}`)).toEqual(['DRAFT->DRAFT', 'DRAFT->SUBMITTED', 'SUBMITTED->PUBLISHED']);
  });

  it('an unverified vendor can draft but cannot submit', async () => {
    const pending = await vendorAccount(t, ids.batu, null);
    const created = await t.exec(CREATE_PRODUCT, { input: productInput(beras, { name: 'Beras Belum Boleh' }) }, { token: pending.token });
    const result = await t.exec(SUBMIT, { id: created.data.createProduct.id }, { token: pending.token });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors![0].message).toMatch(/belum terverifikasi/);
    expect((await t.em().findOneOrFail(Product, created.data.createProduct.id)).status).toBe('DRAFT');
  });

  it("a vendor cannot touch another vendor's product", async () => {
    const other = await vendorAccount(t, ids.batu, bpbjBatu);
    const id = (await t.exec(CREATE_PRODUCT, { input: productInput(beras, { name: 'Beras Milik Orang Lain' }) }, { token: other.token })).data.createProduct.id;
    expect(errorCode(await t.exec(UPDATE_PRODUCT, { id, input: { price: 1 } }, { token: vendor.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(SUBMIT, { id }, { token: vendor.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id }, { token: vendor.token }))).toBe('FORBIDDEN');
    const unchanged = await t.em().findOneOrFail(Product, id);
    expect([unchanged.price, unchanged.status]).toEqual([25000, 'DRAFT']);
  });

  it('a BPBJ of another Pemda cannot curate, and a PP cannot curate at all', async () => {
    const id = (await t.exec(CREATE_PRODUCT, { input: productInput(beras, { name: 'Beras Kurasi Lintas Pemda' }) }, { token: vendor.token })).data.createProduct.id;
    await t.exec(SUBMIT, { id }, { token: vendor.token });
    expect(errorCode(await t.exec(APPROVE, { id }, { token: bpbjBontang }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(APPROVE, { id }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('FORBIDDEN');
    expect((await t.em().findOneOrFail(Product, id)).status).toBe('SUBMITTED');
  });

  it('bad input names each field and writes nothing', async () => {
    const before = await t.em().count(Product);
    const pangan = await categoryId(t, ids.batu, 'pangan');
    const result = await t.exec(
      CREATE_PRODUCT,
      { input: productInput(pangan, { price: -5000, tkdnPercent: 120, imageUrls: ['http://tidak-aman.id/a.jpg'], stock: -1 }) },
      { token: vendor.token },
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields.map((f: any) => f.field).sort()).toEqual(['categoryId', 'imageUrls', 'price', 'stock', 'tkdnPercent']);
    expect(await t.em().count(Product)).toBe(before);
  });

  it('the public never sees a draft, a submitted product, or a suspended vendor\'s product', async () => {
    const draft = (await t.exec(CREATE_PRODUCT, { input: productInput(beras, { name: 'Beras Draf Rahasia' }) }, { token: vendor.token })).data.createProduct.id;
    expect(errorCode(await t.exec(PRODUCT, { id: draft }))).toBe('NOT_FOUND');
    expect(errorCode(await t.exec(PRODUCT, { id: draft }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('NOT_FOUND');
    expect(await publicNames({ status: ['DRAFT'] })).not.toContain('Beras Draf Rahasia');

    const doomed = await vendorAccount(t, ids.batu, bpbjBatu);
    const live = await publishedProduct(t, doomed.token, bpbjBatu, productInput(beras, { name: 'Beras Penyedia Dibekukan' }));
    expect(await publicNames()).toContain('Beras Penyedia Dibekukan');
    await t.exec(`mutation($id: ID!) { suspendVendor(id: $id, reason: "Harga tidak wajar") { status } }`, { id: doomed.id }, { token: bpbjBatu });
    expect(await publicNames()).not.toContain('Beras Penyedia Dibekukan');
    expect(errorCode(await t.exec(PRODUCT, { id: live }))).toBe('NOT_FOUND');
    // BPBJ still sees it, and it comes back when the vendor is reinstated.
    expect((await t.exec(PRODUCT, { id: live }, { token: bpbjBatu })).data.product.status).toBe('PUBLISHED');
    await t.exec(`mutation($id: ID!) { reinstateVendor(id: $id) { status } }`, { id: doomed.id }, { token: bpbjBatu });
    expect(await publicNames()).toContain('Beras Penyedia Dibekukan');
  });

  it('a price decrease and a stock change apply at once; a price increase and a rename wait for BPBJ', async () => {
    const id = await publishedProduct(t, vendor.token, bpbjBatu, productInput(keripikApel, { name: 'Keripik Apel Revisi', price: 30000 }));
    const cheaper = await t.exec(UPDATE_PRODUCT, { id, input: { price: 28000, stock: 7 } }, { token: vendor.token });
    expect(cheaper.data.updateProduct).toEqual(expect.objectContaining({ status: 'PUBLISHED', price: 28000, stock: 7, pendingRevision: null }));

    const dearer = await t.exec(UPDATE_PRODUCT, { id, input: { price: 35000, name: 'Keripik Apel Revisi Baru' } }, { token: vendor.token });
    expect(dearer.data.updateProduct).toEqual(expect.objectContaining({ price: 28000, name: 'Keripik Apel Revisi', pendingRevision: { name: 'Keripik Apel Revisi Baru', price: 35000 } }));
    // Buyers keep the approved version meanwhile.
    expect((await t.exec(PRODUCT, { id })).data.product).toEqual(expect.objectContaining({ name: 'Keripik Apel Revisi', price: 28000, status: 'PUBLISHED' }));
    const queue = await t.exec(`query($p: ID!) { productCurationQueue(pemdaId: $p, first: 100, order: NEWEST_FIRST) { edges { node { id } } } }`, { p: ids.batu }, { token: bpbjBatu });
    expect(queue.data.productCurationQueue.edges.map((e: any) => e.node.id)).toContain(id);

    const approved = await t.exec(APPROVE, { id }, { token: bpbjBatu });
    expect(approved.data.approveProduct).toEqual(expect.objectContaining({ status: 'PUBLISHED', name: 'Keripik Apel Revisi Baru', price: 35000, pendingRevision: null }));
  });

  it('a rejected revision is discarded and the live version stays', async () => {
    const id = await publishedProduct(t, vendor.token, bpbjBatu, productInput(keripikApel, { name: 'Keripik Apel Tetap', price: 20000 }));
    await t.exec(UPDATE_PRODUCT, { id, input: { price: 90000 } }, { token: vendor.token });
    const rejected = await t.exec(`mutation($id: ID!) { rejectProduct(id: $id, reason: "Kenaikan harga tidak wajar") { status price statusReason } }`, { id }, { token: bpbjBatu });
    expect(rejected.data.rejectProduct).toEqual({ status: 'PUBLISHED', price: 20000, statusReason: 'Revisi ditolak: Kenaikan harga tidak wajar' });
  });

  it('BPBJ suspends a published product (it disappears) and reinstates it', async () => {
    const id = await publishedProduct(t, vendor.token, bpbjBatu, productInput(beras, { name: 'Beras Dibekukan Sementara' }));
    const SUSPEND = `mutation($id: ID!, $r: String!) { suspendProduct(id: $id, reason: $r) { status statusReason } }`;
    expect(errorCode(await t.exec(SUSPEND, { id, r: '' }, { token: bpbjBatu }))).toBe('BAD_USER_INPUT');
    expect((await t.exec(SUSPEND, { id, r: 'Foto tidak sesuai produk' }, { token: bpbjBatu })).data.suspendProduct.status).toBe('SUSPENDED');
    expect(await publicNames()).not.toContain('Beras Dibekukan Sementara');
    expect(errorCode(await t.exec(UPDATE_PRODUCT, { id, input: { stock: 1 } }, { token: vendor.token }))).toBe('CONFLICT');
    await t.exec(`mutation($id: ID!) { reinstateProduct(id: $id) { status } }`, { id }, { token: bpbjBatu });
    expect(await publicNames()).toContain('Beras Dibekukan Sementara');
  });

  it('a product never ordered is deleted; one that was ordered is archived', async () => {
    const DELETE = `mutation($id: ID!) { deleteProduct(id: $id) }`;
    const fresh = (await t.exec(CREATE_PRODUCT, { input: productInput(beras, { name: 'Beras Hapus' }) }, { token: vendor.token })).data.createProduct.id;
    expect((await t.exec(DELETE, { id: fresh }, { token: vendor.token })).data.deleteProduct).toBe('DELETED');
    expect(await t.em().count(Product, { id: fresh })).toBe(0);

    const ordered = await publishedProduct(t, vendor.token, bpbjBatu, productInput(beras, { name: 'Beras Pernah Dipesan' }));
    await t.em().nativeUpdate(Product, { id: ordered }, { everOrdered: true });
    expect((await t.exec(DELETE, { id: ordered }, { token: vendor.token })).data.deleteProduct).toBe('ARCHIVED');
    expect((await t.em().findOneOrFail(Product, ordered)).status).toBe('ARCHIVED');
    expect(await publicNames()).not.toContain('Beras Pernah Dipesan');
  });

  it('the database refuses to rewrite or erase the audit log', async () => {
    const conn = t.em().getConnection();
    await expect(conn.execute(`update audit_log set reason = 'diubah'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`truncate audit_log`)).rejects.toThrow(/append-only/);
    expect(await t.em().count(AuditLog)).toBeGreaterThan(0);
  });

  it('BPBJ reads the audit log of one object; BPBJ of another Pemda cannot', async () => {
    const id = await publishedProduct(t, vendor.token, bpbjBatu, productInput(beras, { name: 'Beras Diaudit' }));
    const AUDIT = `query($p: ID!, $id: ID!) { auditLog(pemdaId: $p, subjectType: PRODUCT, subjectId: $id) { action toStatus actorRole } }`;
    const log = await t.exec(AUDIT, { p: ids.batu, id }, { token: bpbjBatu });
    expect(log.data.auditLog.map((e: any) => e.action)).toEqual(['APPROVED', 'SUBMITTED', 'CREATED']);
    expect(errorCode(await t.exec(AUDIT, { p: ids.batu, id }, { token: bpbjBontang }))).toBe('FORBIDDEN');
  });
});

describe('searching the catalogue with filters, sorting and pages', () => {
  let t: TestApp;
  let ids: { batu: string; bontang: string };

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
    ids = await pemdaIds(t);
  });
  afterAll(() => t.close());

  /** Every page of a listing (or its first `pages` pages of `first`), in the order the API gives. */
  const all = async (filter: Record<string, unknown>, sort = 'NEWEST', token?: string, { first = 100, pages = Infinity } = {}) => {
    const nodes: any[] = [];
    let after: string | null = null;
    for (let n = 1; ; n++) {
      const page: any = await t.exec(PRODUCTS, { p: ids.batu, f: filter, sort, first, after }, { token });
      if (page.errors) throw new Error(JSON.stringify(page.errors));
      nodes.push(...page.data.products.edges.map((e: any) => e.node));
      if (!page.data.products.pageInfo.hasNextPage || n >= pages) return { nodes, totalCount: page.data.products.totalCount };
      after = page.data.products.pageInfo.endCursor;
    }
  };

  it('pages through every published product exactly once, matching totalCount and a direct count', async () => {
    const { nodes, totalCount } = await all({});
    expect(nodes.length).toBe(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
    const [{ count }] = await t.em().getConnection().execute(
      `select count(*)::int as count from product p join vendor v on v.id = p.vendor_id where p.pemda_id = ? and p.status = 'PUBLISHED' and v.status = 'VERIFIED'`,
      [ids.batu],
    );
    expect(totalCount).toBe(count);
    expect(totalCount).toBeGreaterThan(2400); // two dozen pages and more: the demo lists about 2,500 (Batu's 2023 target)
    expect(nodes.every((n) => n.status === 'PUBLISHED')).toBe(true);
  });

  it('every sort pages in the order PostgreSQL gives, each value as stored (the page is read as rows, not entities)', async () => {
    const orders = { NEWEST: 'p.created_at desc, p.id desc', PRICE_ASC: 'p.price asc, p.id asc', PRICE_DESC: 'p.price desc, p.id desc', NAME_ASC: 'p.name asc, p.id asc' };
    // Eight pages of 25 per sort, ties in price and name among them: the whole catalogue (a hundred pages of four sorts)
    // took 47 s on the embedded database, too close to the test's limit on a busy machine.
    for (const [sort, orderBy] of Object.entries(orders)) {
      const { nodes } = await all({}, sort, undefined, { first: 25, pages: 8 });
      const expected = await t.em().getConnection().execute<{ id: string; name: string; price: string }[]>(
        `select p.id, p.name, p.price::text as price from product p join vendor v on v.id = p.vendor_id
          where p.pemda_id = ? and p.status = 'PUBLISHED' and v.status = 'VERIFIED' order by ${orderBy} limit 200`,
        [ids.batu],
      );
      expect(nodes.map((n) => n.id)).toEqual(expected.map((r) => r.id));
      expect(nodes.map((n) => [n.name, n.price])).toEqual(expected.map((r) => [r.name, Number(r.price)]));
    }
    // Every column a product shows: the bigint price as a number, the numeric TKDN, the arrays, the times.
    const [row] = await t.em().getConnection().execute(
      `select p.id, p.price::text as price, p.tkdn_percent::text as tkdn, p.image_urls, p.is_pdn, p.created_at from product p join vendor v on v.id = p.vendor_id
        where p.pemda_id = ? and p.status = 'PUBLISHED' and v.status = 'VERIFIED' and p.tkdn_percent is not null order by p.price desc, p.id desc limit 1`,
      [ids.batu],
    );
    const page = await t.exec(`query($p: ID, $f: ProductFilterInput) { products(pemdaId: $p, filter: $f, sort: PRICE_DESC, first: 1) { edges { node { id price tkdnPercent imageUrls isPdn createdAt } } } }`, { p: ids.batu, f: { tkdnMin: 0 } });
    expect(page.data.products.edges[0].node).toEqual({ id: row.id, price: Number(row.price), tkdnPercent: Number(row.tkdn), imageUrls: row.image_urls, isPdn: row.is_pdn, createdAt: new Date(row.created_at).toISOString() });
  });

  it('a category filter includes the whole subtree', async () => {
    const { nodes } = await all({ categoryId: await categoryId(t, ids.batu, 'olahan-apel') });
    expect(nodes.length).toBeGreaterThan(0);
    expect(new Set(nodes.map((n) => n.category.code))).toEqual(new Set(['olahan-apel-keripik', 'olahan-apel-sari', 'olahan-apel-dodol']));
  });

  it('price range, local only, UMK-K only, basic needs and TKDN filter what they say', async () => {
    const { nodes: ranged } = await all({ priceMin: 20000, priceMax: 30000 }, 'PRICE_ASC');
    expect(ranged.every((n) => n.price >= 20000 && n.price <= 30000)).toBe(true);
    expect(ranged.map((n) => n.price)).toEqual([...ranged.map((n) => n.price)].sort((a, b) => a - b));

    const sqlCount = async (condition: string) =>
      (await t.em().getConnection().execute(
        `select count(*)::int as count from product p join vendor v on v.id = p.vendor_id where p.pemda_id = ? and p.status = 'PUBLISHED' and v.status = 'VERIFIED' and ${condition}`,
        [ids.batu],
      ))[0].count;
    const local = await all({ localOnly: true });
    expect(local.nodes.every((n) => n.isLocal)).toBe(true);
    expect(local.totalCount).toBe(await sqlCount('v.is_local'));
    const localUmkk = await t.exec(PRODUCTS, { p: ids.batu, f: { umkkOnly: true, localOnly: true }, first: 1 });
    expect(localUmkk.data.products.totalCount).toBe(await sqlCount('v.is_local and v.is_umkk'));

    const basic = (await all({ basicNeeds: true })).nodes;
    expect(new Set(basic.map((n) => n.category.code.split('-')[0]))).toEqual(new Set(['pangan']));

    const tkdn = await t.exec(PRODUCTS, { p: ids.batu, f: { tkdnMin: 60 }, first: 1 });
    expect(tkdn.data.products.totalCount).toBe(await sqlCount('p.tkdn_percent >= 60'));
  });

  it('BPBJ sees every state and can filter by status; the public cannot', async () => {
    const bpbj = await t.login('bpbj@batukota.go.id');
    const drafts = await t.exec(PRODUCTS, { p: ids.batu, f: { status: ['DRAFT'] }, first: 5 }, { token: bpbj });
    expect(drafts.data.products.totalCount).toBeGreaterThan(0);
    expect(drafts.data.products.edges.every((e: any) => e.node.status === 'DRAFT')).toBe(true);
  });

  it('a vendor sees its own products in every state and nobody else\'s', async () => {
    const token = await t.login('keripik.apel@umkm-batu.id');
    const own = await all({}, 'NEWEST', token);
    expect(new Set(own.nodes.map((n) => n.vendor.businessName))).toEqual(new Set(['UD Keripik Apel Bu Sri']));
  });

  it('more than 100 per page is refused, and a tampered cursor is a clear input error', async () => {
    expect(errorCode(await t.exec(PRODUCTS, { p: ids.batu, first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(PRODUCTS, { p: ids.batu, first: 10, after: 'bukan-kursor' }))).toBe('BAD_USER_INPUT');
    // Well-formed cursors whose values the order's columns cannot hold: refused before any statement runs.
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const tampered: [string, unknown[]][] = [
      ['NEWEST', ["'; drop table product;--", 'x']],
      ['NEWEST', ['2025-10-11T01:00:00.000Z', 'bukan-uuid']],
      ['NEWEST', ['1', '016e47ba-b072-469d-928c-353994a10b2a']],
      ['PRICE_ASC', ['2500', '016e47ba-b072-469d-928c-353994a10b2a']],
      ['NAME_ASC', ['Beras\u0000', '016e47ba-b072-469d-928c-353994a10b2a']],
    ];
    for (const [sort, values] of tampered) {
      t.queries.length = 0;
      expect([sort, values, errorCode(await t.exec(PRODUCTS, { p: ids.batu, first: 10, sort, after: cursor(values) }))]).toEqual([sort, values, 'BAD_USER_INPUT']);
      expect(t.queries).toEqual([]);
    }
    // A cursor the page itself wrote still pages on.
    const first = await t.exec(PRODUCTS, { p: ids.batu, first: 2, sort: 'PRICE_ASC' });
    const next = await t.exec(PRODUCTS, { p: ids.batu, first: 2, sort: 'PRICE_ASC', after: first.data.products.pageInfo.endCursor });
    expect(next.data.products.edges).toHaveLength(2);
  });

  it('a page of 100 products with vendor and category costs the same few queries as a page of 10', async () => {
    let edges: { node: { id: string; isLocal: boolean; isUmkk: boolean; vendor: { businessName: string }; category: { code: string } } }[] = [];
    const run = async (first: number) => {
      t.queries.length = 0;
      const result = await t.exec(PRODUCTS, { p: ids.batu, first, sort: 'PRICE_DESC' });
      expect(result.data.products.edges).toHaveLength(first);
      edges = result.data.products.edges;
      return t.queries.length;
    };
    const ten = await run(10);
    const hundred = await run(100);

    expect(hundred).toBe(ten);
    expect(hundred).toBe(2); // the page with its vendors and categories (joined), and the count (totalCount is asked for)

    // What the joined statement handed to the vendor and category fields is each product's own vendor and category.
    const truth = await t.em().getConnection().execute<{ id: string; business_name: string; code: string; is_local: boolean; is_umkk: boolean }[]>(
      `select p.id, v.business_name, c.code, v.is_local, v.is_umkk from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id where p.id in (?)`,
      [edges.map((e) => e.node.id)],
    );
    const byId = new Map(truth.map((r) => [r.id, r]));
    expect(new Set(truth.map((r) => r.business_name)).size).toBeGreaterThan(1);
    for (const { node } of edges) {
      const row = byId.get(node.id)!;
      expect([node.vendor.businessName, node.category.code, node.isLocal, node.isUmkk]).toEqual([row.business_name, row.code, row.is_local, row.is_umkk]);
    }

    // Without totalCount in the query, nothing counts the catalogue.
    t.queries.length = 0;
    const uncounted = await t.exec(`query($p: ID) { products(pemdaId: $p, first: 100) { edges { node { name vendor { businessName } category { name } } } } }`, { p: ids.batu });
    expect(uncounted.data.products.edges).toHaveLength(100);
    expect(t.queries.filter((q) => /^select count\(/i.test(q.trim()))).toEqual([]);
    expect(t.queries.length).toBe(1);
  });

  it('a page of vendors with their product counts costs one query plus one for all the counts, and the total one more', async () => {
    t.queries.length = 0;
    const page = await t.exec(`query($p: ID!) { vendors(pemdaId: $p, first: 50) { edges { node { id productCount } } } }`, { p: ids.batu });
    expect(t.queries.length).toBe(2);
    t.queries.length = 0;
    const counted = await t.exec(`query($p: ID!) { vendors(pemdaId: $p, first: 50) { totalCount } }`, { p: ids.batu });
    expect(t.queries.length).toBe(2);
    expect(counted.data.vendors.totalCount).toBe((await t.em().getConnection().execute(`select count(*)::int as n from vendor where pemda_id = ? and status = 'VERIFIED'`, [ids.batu]))[0].n);
    const rows = await t.em().getConnection().execute<{ vendor_id: string; n: number }[]>(
      `select vendor_id, count(*)::int as n from product where status = 'PUBLISHED' group by vendor_id`,
    );
    const expected = new Map(rows.map((r) => [r.vendor_id, r.n]));
    for (const { node } of page.data.vendors.edges) expect(node.productCount).toBe(expected.get(node.id) ?? 0);
    expect(page.data.vendors.edges.some((e: any) => e.node.productCount > 0)).toBe(true);
  });

  it('catalogue progress counts published local products against the target of 2.500', async () => {
    const progress = await t.exec(`query($p: ID!) { catalogueProgress(pemdaId: $p) { listedProductsTarget publishedLocalProducts targetAchievedPercent verifiedVendors vendorsByStatus { status count } } }`, { p: ids.batu });
    const [{ local }] = await t.em().getConnection().execute(
      `select count(*)::int as local from product p join vendor v on v.id = p.vendor_id where p.pemda_id = ? and p.status = 'PUBLISHED' and v.status = 'VERIFIED' and v.is_local`,
      [ids.batu],
    );
    const view = progress.data.catalogueProgress;
    expect(view.listedProductsTarget).toBe(2500);
    expect(view.publishedLocalProducts).toBe(local);
    expect(view.targetAchievedPercent).toBe(Math.round((local * 10000) / 2500) / 100);
    expect(view.vendorsByStatus.reduce((s: number, r: any) => s + r.count, 0)).toBeGreaterThanOrEqual(150);
  });
});
