import { createApp } from '../../server/app.js';
import { CataloguePageCache, MAX_PAGE_BYTES } from '../../server/catalogue/catalogue-page-cache.js';
import { Product, ProductStatus } from '../../server/catalogue/product.entity.js';
import { createOrm } from '../../server/database/orm.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { User } from '../../server/identity/user.entity.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { createTestApp, type TestApp } from '../support/harness.js';

/**
 * The public catalogue page cache, over HTTP. The pages are read from one app (the HTTP server) and the writes
 * made through another (`t.exec`, on the server PostgreSQL its own connection pool), as two processes would: the
 * only thing they share is the database's catalogue version.
 */
describe('public catalogue pages kept while the catalogue is unchanged', () => {
  let t: TestApp;
  let server: RunningServer;
  let batuId: string;
  const ownStatements: string[] = [];
  let closeOrm = async () => {};
  /** SQL statements the HTTP server's app sent since the last reset. */
  const sent = () => (t.db.url ? ownStatements : t.queries);
  const resetSent = () => void (sent().length = 0);

  const PAGE = `query Katalog($p: ID!) { products(pemdaId: $p, first: 20, sort: NAME_ASC) { edges { node { id name price stock vendor { id businessName } category { name } isLocal } } pageInfo { hasNextPage } } }`;
  const page = async (query = PAGE, variables: Record<string, unknown> = { p: batuId }, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as any };
  };
  const onlyTheVersionRead = () => expect(sent()).toEqual([expect.stringMatching(/from catalogue_version/)]);
  const ranThePage = () => expect(sent().some((sql) => /from "product"/.test(sql))).toBe(true);

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true, env: { JWT_SECRET: 'k'.repeat(40) } }); // one secret for both apps' tokens
    batuId = (await t.em().findOneOrFail(Pemda, { kemendagriCode: '35.79' })).id;
    const orm = t.db.url
      ? await createOrm({ databaseUrl: t.db.url, pgliteDataDir: null, logQueries: false, statementTimeoutMs: t.config.statementTimeoutMs }, { onQuery: (sql) => ownStatements.push(sql) })
      : t.db.orm;
    if (t.db.url) closeOrm = () => orm.close();
    server = await startHttpServer(await createApp({ ...t.config, port: 0, host: '127.0.0.1' }, orm, { now: t.clock.now }));
  });
  afterAll(async () => {
    await server.close();
    await closeOrm();
    await t.close();
  });

  it('answers the same page again with one statement, the version read, and the same bytes', async () => {
    resetSent();
    const first = await page();
    expect(first.json.data.products.edges).toHaveLength(20);
    ranThePage();
    resetSent();
    const again = await page();
    onlyTheVersionRead();
    expect(again).toEqual(first);
    expect(again.type).toBe('application/json; charset=utf-8');
  });

  it("shows a vendor's new price at once, though the vendor wrote through another process", async () => {
    const before = (await page()).json.data.products.edges.map((e: any) => e.node);
    const product = await t.em().findOneOrFail(Product, before[0].id, { populate: ['vendor'] });
    const token = await t.login((await t.em().findOneOrFail(User, { vendor: product.vendor.id })).email);
    const cheaper = Number(before[0].price) - 1000;
    const update = await t.exec(`mutation($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { price } }`, { id: product.id, input: { price: cheaper } }, { token });
    expect(update.errors).toBeUndefined();
    resetSent();
    const after = (await page()).json.data.products.edges.map((e: any) => e.node);
    ranThePage();
    expect(after[0]).toEqual({ ...before[0], price: after[0].price });
    expect(Number(after[0].price)).toBe(cheaper);
  });

  it('sees a change made in SQL, outside the ORM, and a vendor suspended by BPBJ', async () => {
    const shown = (await page()).json.data.products.edges[1].node;
    await t.em().getConnection().execute(`update product set stock = 4321 where id = ?`, [shown.id]);
    expect((await page()).json.data.products.edges[1].node.stock).toBe(4321);

    const bpbj = await t.login('bpbj@batukota.go.id');
    const suspended = await t.exec(`mutation($id: ID!) { suspendVendor(id: $id, reason: "Izin usaha kedaluwarsa") { status } }`, { id: shown.vendor.id }, { token: bpbj });
    expect(suspended.data?.suspendVendor.status).toBe('SUSPENDED');
    const vendors = (await page()).json.data.products.edges.map((e: any) => e.node.vendor.id);
    expect(vendors).not.toContain(shown.vendor.id);
  });

  it("answers a signed-in buyer, and another Pemda's BPBJ, with the public's page from memory, after checking the token", async () => {
    const anonymous = await page();
    const bearer = async (email: string) => ({ authorization: `Bearer ${await t.login(email)}` });
    for (const email of ['pp.dinkes@batukota.go.id', 'asn.dinkes@batukota.go.id', 'bpbj@bontangkota.go.id']) {
      const headers = await bearer(email);
      resetSent();
      expect(await page(PAGE, { p: batuId }, headers)).toEqual(anonymous);
      // The account read (is it still active, this session still valid?), then the version: nothing of the page.
      expect(sent()).toEqual([expect.stringMatching(/from app_user/), expect.stringMatching(/from catalogue_version/)]);
    }
    // A page first asked for by a buyer is kept for the public too: it is the public's page.
    const sixth = PAGE.replace('first: 20', 'first: 6');
    const forBuyer = await page(sixth, { p: batuId }, await bearer('ppk.dinkes@batukota.go.id'));
    resetSent();
    expect(await page(sixth)).toEqual(forBuyer);
    onlyTheVersionRead();
  });

  it("answers Batu's own BPBJ and a vendor from memory with their own list, and never one caller's list to another", async () => {
    const anonymous = await page();
    const bpbj = { authorization: `Bearer ${await t.login('bpbj@batukota.go.id')}` };
    // The curator's drafts: built once, then from memory; the public asking the same gets its own page, without drafts.
    const drafts = `query($p: ID!) { products(pemdaId: $p, first: 100, filter: { status: [DRAFT] }) { edges { node { id status vendor { id } } } } }`;
    resetSent();
    const curator = await page(drafts, { p: batuId }, bpbj);
    ranThePage();
    const statuses = curator.json.data.products.edges.map((e: any) => e.node.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([ProductStatus.DRAFT]));
    resetSent();
    expect(await page(drafts, { p: batuId }, bpbj)).toEqual(curator);
    expect(sent()).toEqual([expect.stringMatching(/from app_user/), expect.stringMatching(/from catalogue_version/)]);
    resetSent();
    const forPublic = await page(drafts);
    ranThePage();
    expect(forPublic.json.data.products.edges.length).toBeGreaterThan(0);
    expect(forPublic.json.data.products.edges.every((e: any) => e.node.status === 'PUBLISHED')).toBe(true);
    // The platform admin curates every Pemda: the same list, kept for it apart.
    const admin = { authorization: `Bearer ${await t.login('admin@katalog.local')}` };
    resetSent();
    expect((await page(drafts, { p: batuId }, admin)).json.data).toEqual(curator.json.data);
    ranThePage();

    // Two vendors ask for the same page: each gets its own products, each from memory the second time.
    const vendorA = await t.em().findOneOrFail(User, { email: 'keripik.apel@umkm-batu.id' }, { populate: ['vendor'] });
    const otherProduct = await t.em().findOneOrFail(Product, { pemda: batuId, vendor: { $ne: vendorA.vendor!.id } }, { populate: ['vendor'] });
    const vendorB = await t.em().findOneOrFail(User, { vendor: otherProduct.vendor.id });
    const own: Record<string, string[]> = {};
    for (const [user, vendorId] of [[vendorA, vendorA.vendor!.id], [vendorB, otherProduct.vendor.id]] as const) {
      const headers = { authorization: `Bearer ${await t.login(user.email)}` };
      resetSent();
      const first = await page(PAGE, { p: batuId }, headers);
      ranThePage();
      own[vendorId] = first.json.data.products.edges.map((e: any) => e.node.vendor.id);
      expect(new Set(own[vendorId])).toEqual(new Set([vendorId]));
      resetSent();
      expect(await page(PAGE, { p: batuId }, headers)).toEqual(first);
      expect(sent()).toEqual([expect.stringMatching(/from app_user/), expect.stringMatching(/from catalogue_version/)]);
    }
    resetSent();
    expect(await page()).toEqual(anonymous);
    onlyTheVersionRead();

    // A vendor's new draft: the curator's page kept before is not answered again; the new one lists it.
    const token = await t.login(vendorA.email);
    const created = await t.exec(`mutation($input: ProductInput!) { createProduct(input: $input) { id status } }`, {
      input: { name: 'Keripik Apel Draf Baru', categoryId: otherProduct.category.id, price: 15000, unit: 'pack', stock: 10, description: 'Keripik apel renyah khas Batu.' },
    }, { token });
    expect(created.errors).toBeUndefined();
    const after = (await page(drafts, { p: batuId }, bpbj)).json.data.products.edges.map((e: any) => e.node.id);
    const before = curator.json.data.products.edges.map((e: any) => e.node.id);
    expect(after).toEqual([created.data.createProduct.id, ...before].slice(0, 100)); // newest first
  });

  it('refuses a kept page to a buyer held at a password change, and to the public when it costs more than its budget', async () => {
    await page();
    const pp = await t.em().findOneOrFail(User, { email: 'pp.dinkes@batukota.go.id' });
    const headers = { authorization: `Bearer ${await t.login(pp.email)}` };
    await t.em().nativeUpdate(User, { id: pp.id }, { mustChangePassword: true });
    try {
      const held = await page(PAGE, { p: batuId }, headers);
      expect(held.json.errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(held.json.data ?? null).toBeNull();
    } finally {
      await t.em().nativeUpdate(User, { id: pp.id }, { mustChangePassword: false });
    }

    // A buyer's budget is larger than the public's: its page is kept, but the public asking the same is refused.
    // 1 + 20 x (edges 1 + node 1 + category 1 + children (1 + 20 x (1 + 20 x 1))) = 8,481: over the public's 3,000, under 10,000.
    const costly = `query($p: ID!) { products(pemdaId: $p, first: 20) { edges { node { id category { children { children { children { id } } } } } } } }`;
    const forBuyer = await page(costly, { p: batuId }, headers);
    expect(forBuyer.json.errors).toBeUndefined();
    expect(forBuyer.json.data.products.edges).toHaveLength(20);
    const refused = await page(costly);
    expect(refused.json.errors[0].extensions).toEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', max: 3000, found: 8481 }));
  });

  it('keeps a search page too (PostgreSQL engine), and shows a synonym BPBJ has just taught the search', async () => {
    // The web app's catalogue asks for the search page and the category tree at once.
    const search = `query Cari($p: ID!, $q: String) {
      searchProducts(pemdaId: $p, query: $q, first: 10) { engine totalCount correctedQuery edges { snippet node { id name vendor { businessName } } } facets { categories { value count } } }
      categories(pemdaId: $p) { id name isLeaf children { id name parentId } }
    }`;
    const before = await page(search, { p: batuId, q: 'camilanbatu' });
    expect(before.json.data.searchProducts).toEqual(expect.objectContaining({ engine: 'postgresql', totalCount: 0 }));
    resetSent();
    expect(await page(search, { p: batuId, q: 'camilanbatu' })).toEqual(before);
    onlyTheVersionRead();

    const bpbj = await t.login('bpbj@batukota.go.id');
    const taught = await t.exec(`mutation($p: ID!) { setSearchSynonym(pemdaId: $p, term: "camilanbatu", expansions: ["keripik apel"]) { term } }`, { p: batuId }, { token: bpbj });
    expect(taught.errors).toBeUndefined();
    const after = (await page(search, { p: batuId, q: 'camilanbatu' })).json.data.searchProducts;
    expect(after.totalCount).toBeGreaterThan(0);
    expect(after.edges[0].node.name.toLowerCase()).toContain('apel');
  });

  it('does not keep a page that reads beyond the catalogue (priceCheck), nor an error', async () => {
    const priced = `query($p: ID!) { products(pemdaId: $p, first: 3) { edges { node { id priceCheck { verdict } } } } }`;
    await page(priced);
    resetSent();
    await page(priced);
    ranThePage();

    const missing = `query($p: ID!) { products(pemdaId: $p, filter: { categoryId: "00000000-0000-4000-8000-000000000000" }) { edges { node { id } } } }`;
    const refused = await page(missing);
    expect(refused.json.errors[0].extensions.code).toBe('NOT_FOUND');
    resetSent();
    expect((await page(missing)).json.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(sent().some((sql) => /from "category"/.test(sql))).toBe(true);
  });

  it('bumps the version once per Pemda per transaction, at commit, and not for a rolled-back write', async () => {
    const version = async () => (await t.em().getConnection().execute<{ version: string }[]>(`select version::text as version from catalogue_version where pemda_id = ?`, [batuId]))[0]?.version;
    const before = await version();
    await expect(t.em().transactional(async (em) => {
      await em.execute(`update product set stock = stock + 1 where pemda_id = ?`, [batuId]);
      throw new Error('dibatalkan');
    })).rejects.toThrow('dibatalkan');
    expect(await version()).toBe(before);
    const calls = await t.em().transactional(async (em) => {
      await em.execute(`update product set stock = stock + 1 where pemda_id = ?`, [batuId]);
      await em.execute(`update vendor set phone = phone where pemda_id = ?`, [batuId]);
      // Deferred: nothing is bumped until the commit.
      return (await em.execute<{ version: string }[]>(`select version::text as version from catalogue_version where pemda_id = ?`, [batuId]))[0]?.version;
    });
    expect(calls).toBe(before);
    const after = await version();
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));
  });

  it("draws each page answered from memory from the address's per-minute allowance, until it is refused", async () => {
    const app = await createApp({ ...t.config, port: 0, host: '127.0.0.1', rateLimits: true }, t.db.orm, { now: t.clock.now });
    const limited = await startHttpServer(app);
    try {
      const send = () => fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE, variables: { p: batuId } }) });
      const statuses: number[] = [];
      for (let i = 0; i < 1000 && !statuses.includes(429); i++) statuses.push((await send()).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await app.apollo.stop(); // closes the listener; the database is the test's
    }
  });

  it('keeps at most its capacity, dropping the page asked for least recently, and no page over MAX_PAGE_BYTES', async () => {
    const cache = new CataloguePageCache(2, () => t.em());
    const anyone = { actor: null, passwordChangeRequired: false };
    const kept = { status: 200, headers: [], scope: 'PUBLIC', cost: { cost: 1, expensive: 0 }, body: Buffer.from('{}'), versions: new Map([[batuId, (await t.em().getConnection().execute<{ version: string }[]>(`select version::text as version from catalogue_version where pemda_id = ?`, [batuId]))[0].version]]), operation: 'Katalog' };
    cache.keep('a', kept);
    cache.keep('b', kept);
    expect(await cache.answer('a', anyone)).toBe(kept); // "a" is now the most recent
    cache.keep('c', kept);
    expect(cache.size).toBe(2);
    expect(await cache.answer('b', anyone)).toBeNull();
    expect(await cache.answer('a', anyone)).toBe(kept);
    cache.keep('huge', { ...kept, body: Buffer.alloc(MAX_PAGE_BYTES + 1) });
    expect(await cache.answer('huge', anyone)).toBeNull(); // too large to keep; "a" stays
    expect(cache.size).toBe(2);
    await t.em().nativeUpdate(Vendor, { pemda: batuId }, { phone: '0341000000' });
    expect(await cache.answer('a', anyone)).toBeNull(); // the catalogue changed
    expect(cache.size).toBe(1);
  });
});
