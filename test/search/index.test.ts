import type { EntityManager } from '@mikro-orm/postgresql';
import { Product } from '../../server/catalogue/product.entity.js';
import { BUYER_VISIBLE } from '../../server/catalogue/visibility.js';
import { compactFacetLedger } from '../../search/facet-ledger.js';
import { rebuildPostgresIndex } from '../../search/postgres-index.js';
import { PRICE_BANDS } from '../../search/port.js';
import { categoryId, pemdaIds, productInput, publishedProduct, UPDATE_PRODUCT, vendorAccount } from '../support/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';

/**
 * The PostgreSQL engine searches `searchable_product`, kept by triggers. After every kind of change it must hold
 * exactly the products buyers may see (the ORM's rule, stated independently), with current facet values.
 */
describe('the PostgreSQL search index follows the catalogue', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;
  let vendor: { id: string; token: string };
  let beras: string;

  const indexed = async () =>
    (await t.em().getConnection().execute<{ product_id: string }[]>(`select product_id from searchable_product where pemda_id = ?`, [batu])).map((r) => r.product_id).sort();
  const visible = async () => (await t.em().find(Product, { pemda: batu, ...BUYER_VISIBLE })).map((p) => p.id).sort();
  const row = async (id: string) =>
    (await t.em().getConnection().execute<Record<string, any>[]>(`select *, xmin::text as version from searchable_product where product_id = ?`, [id]))[0];
  const sql = <T>(text: string, params: unknown[] = []) => t.em().getConnection().execute<T[]>(text, params);
  const CELL = 'category_id, is_local, is_umkk, is_pdn, basic_needs';
  /** Facet cells as the ledger books them, and as counted afresh from the index. */
  const ledger = () => sql(`select ${CELL}, price_band, sum(products)::int as n from search_facet_count where pemda_id = ? group by ${CELL}, price_band having sum(products) <> 0 order by 1, 2, 3, 4, 5, 6`, [batu]);
  const counted = () => sql(`select ${CELL}, search_price_band(price) as price_band, count(*)::int as n from searchable_product where pemda_id = ? group by ${CELL}, 6 order by 1, 2, 3, 4, 5, 6`, [batu]);
  const expectInStep = async () => {
    expect(await indexed()).toEqual(await visible());
    expect(await ledger()).toEqual(await counted());
  };

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
    vendor = await vendorAccount(t, batu, bpbj, { businessName: 'UD Indeks Sentosa' });
    beras = await categoryId(t, batu, 'pangan-beras');
  });
  afterAll(() => t.close());

  it('a page of 20 hits with vendor and category costs the statements a page of 5 does, each hit with its own vendor and category', async () => {
    const QUERY = `query($p: ID, $first: Int) { searchProducts(pemdaId: $p, query: "keripik", first: $first) { edges { node { id vendor { businessName } category { code } isUmkk } } } }`;
    const run = async (first: number) => {
      t.queries.length = 0;
      const result = await t.exec(QUERY, { p: batu, first });
      expect(result.data.searchProducts.edges).toHaveLength(first);
      return { statements: t.queries.length, nodes: result.data.searchProducts.edges.map((e: { node: unknown }) => e.node) };
    };
    const five = await run(5);
    const twenty = await run(20);
    expect(twenty.statements).toBe(five.statements);
    // Synonyms, guesses, hits, snippets, facets, and the page's products with their vendors and categories in one.
    expect(twenty.statements).toBe(6);
    expect(t.queries.filter((q) => /from "?vendor"?\s/i.test(q) && !/join vendor/i.test(q))).toEqual([]);

    const truth = await sql<{ id: string; business_name: string; code: string; is_umkk: boolean }>(
      `select p.id, v.business_name, c.code, v.is_umkk from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id where p.id in (?)`,
      [twenty.nodes.map((n: { id: string }) => n.id)],
    );
    const byId = new Map(truth.map((r) => [r.id, r]));
    for (const node of twenty.nodes as { id: string; vendor: { businessName: string }; category: { code: string }; isUmkk: boolean }[]) {
      expect([node.vendor.businessName, node.category.code, node.isUmkk]).toEqual([byId.get(node.id)!.business_name, byId.get(node.id)!.code, byId.get(node.id)!.is_umkk]);
    }
  });

  it('holds exactly the visible products of the demo catalogue', async () => {
    expect((await indexed()).length).toBeGreaterThan(1000);
    await expectInStep();
  });

  it('a draft is absent, a published product present with its facet values; taking stock does not touch it', async () => {
    const draft = await t.exec(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: productInput(beras, { name: 'Beras Draf Indeks' }) }, { token: vendor.token });
    expect(await row(draft.data!.createProduct.id)).toBeUndefined();

    const id = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Indeks Pandanwangi', price: 71000, isPdn: true }));
    expect(await row(id)).toEqual(expect.objectContaining({ name: 'Beras Indeks Pandanwangi', is_local: true, is_umkk: true, is_pdn: true, basic_needs: true }));
    expect(Number((await row(id)).price)).toBe(71000);
    await expectInStep();

    const before = (await row(id)).version;
    await t.em().execute('update product set stock = stock - 1 where id = ?', [id]);
    expect((await row(id)).version).toBe(before);

    await t.exec(UPDATE_PRODUCT, { id, input: { price: 69000 } }, { token: vendor.token });
    expect(Number((await row(id)).price)).toBe(69000);
  });

  it('a suspended vendor takes all its products out; reinstated, they come back', async () => {
    const other = await vendorAccount(t, batu, bpbj, { businessName: 'UD Indeks Beku' });
    const ids = [
      await publishedProduct(t, other.token, bpbj, productInput(beras, { name: 'Beras Beku Satu' })),
      await publishedProduct(t, other.token, bpbj, productInput(beras, { name: 'Beras Beku Dua' })),
    ];
    await t.exec(`mutation($id: ID!) { suspendVendor(id: $id, reason: "Harga tidak wajar") { status } }`, { id: other.id }, { token: bpbj });
    for (const id of ids) expect(await row(id)).toBeUndefined();
    await expectInStep();
    await t.exec(`mutation($id: ID!) { reinstateVendor(id: $id) { status } }`, { id: other.id }, { token: bpbj });
    for (const id of ids) expect(await row(id)).toBeDefined();
    await expectInStep();
  });

  it('a renamed category is searchable by its new name, and a basic-needs change reaches its products', async () => {
    const kopi = await categoryId(t, batu, 'olahan-kopi-teh');
    const id = await publishedProduct(t, vendor.token, bpbj, productInput(kopi, { name: 'Bubuk Robusta Arjuno', description: 'Sangrai sedang.' }));
    const rename = await t.exec(
      `mutation($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { name basicNeeds } }`,
      { id: kopi, input: { name: 'Kopi dan Teh Tubruk', basicNeeds: true } },
      { token: bpbj },
    );
    expect(rename.errors).toBeUndefined();
    expect(await row(id)).toEqual(expect.objectContaining({ basic_needs: true }));
    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const page = await t.app.services.search.search(ctx, { pemdaId: batu, query: 'tubruk', filter: { vendorId: vendor.id }, first: 50 }, t.app.services.search.postgres);
    expect(page.hits.map((h) => h.product.id)).toContain(id);
  });

  it('a suspended or deleted product leaves the index and the facet counts', async () => {
    const id = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Akan Dibekukan' }));
    await t.exec(`mutation($id: ID!) { suspendProduct(id: $id, reason: "Foto tidak sesuai") { status } }`, { id }, { token: bpbj });
    expect(await row(id)).toBeUndefined();
    await expectInStep();

    const deleted = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Akan Dihapus', price: 2_000_000 }));
    expect(await row(deleted)).toBeDefined();
    const removal = await t.exec(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: deleted }, { token: vendor.token });
    expect(removal.data.deleteProduct).toBe('DELETED');
    expect(await row(deleted)).toBeUndefined();
    await expectInStep();
  });

  it('the facet ledger, folded, still holds the same counts, and browsing reads the same facets as counting', async () => {
    const before = await ledger();
    const rows = async () => (await sql<{ n: number }>(`select count(*)::int as n from search_facet_count`))[0].n;
    const booked = await rows();
    await compactFacetLedger(t.em() as EntityManager);
    expect(await rows()).toBeLessThan(booked);
    expect(await ledger()).toEqual(before);
    await expectInStep();

    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const search = (filter: Record<string, unknown>) => t.app.services.search.search(ctx, { pemdaId: batu, query: '', filter, first: 1 }, t.app.services.search.postgres);
    const browsed = await search({ localOnly: true }); // summed from the ledger
    const recounted = await search({ localOnly: true, priceMin: 0 }); // a price filter: counted over the index
    expect(browsed.facets).toEqual(recounted.facets);
    expect(browsed.totalCount).toBe(recounted.totalCount);
  });

  it('npm run reindex rebuilds an index, ledger and vocabulary that drifted', async () => {
    const [damaged, ...dropped] = (await indexed()).slice(0, 6);
    await sql(`update searchable_product set name = 'Rusak', is_local = not is_local where product_id = ?`, [damaged]);
    await sql(`delete from searchable_product where product_id in (?)`, [dropped]);
    await sql(`delete from search_vocabulary`);
    expect(await indexed()).not.toEqual(await visible());

    const rebuilt = await rebuildPostgresIndex(t.em() as EntityManager);
    expect(rebuilt).toBe((await sql<{ n: number }>(`select count(*)::int as n from searchable_product`))[0].n);
    await expectInStep();
    const product = await t.em().findOneOrFail(Product, damaged, { populate: ['vendor'] });
    expect(await row(damaged)).toEqual(expect.objectContaining({ name: product.name, is_local: product.vendor.getEntity().isLocal }));
    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const typo = await t.app.services.search.search(ctx, { pemdaId: batu, query: 'kripik', first: 5 }, t.app.services.search.postgres);
    expect(typo.hits[0].product.name).toMatch(/keripik/i); // corrected through the rebuilt vocabulary
  });

  it('the SQL price bands are the bands facets are labelled with', async () => {
    for (const [i, [, min, max]] of PRICE_BANDS.entries()) {
      const [band] = await sql<{ low: number; high: number }>(`select search_price_band(?) as low, search_price_band(?) as high`, [min, max - 1]);
      expect([Number(band.low), Number(band.high)]).toEqual([i, i]);
    }
  });
});
