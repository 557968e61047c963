import { jest } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Product } from '../../server/catalogue/product.entity.js';
import { MeilisearchEngine } from '../../search/meilisearch-engine.js';
import { drainOutbox } from '../../search/outbox.js';
import type { ProductDocument, SearchRequest, SearchResult, SyncedSearchEngine } from '../../search/port.js';
import { SearchService } from '../../search/search.service.js';
import { categoryId, pemdaIds, productInput, publishedProduct, UPDATE_PRODUCT, vendorAccount } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';

/**
 * A stand-in for the external engine (not for the database): it keeps what it was sent, and can be switched off
 * to play an engine that is down.
 */
class RecordingEngine implements SyncedSearchEngine {
  readonly name = 'meilisearch' as const;
  readonly documents = new Map<string, ProductDocument>();
  down = false;
  async search(_: SearchRequest): Promise<SearchResult> {
    throw new Error('not used');
  }
  async upsert(_: string, documents: ProductDocument[]) {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:7700');
    for (const d of documents) this.documents.set(d.id, d);
  }
  async remove(_: string, ids: string[]) {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:7700');
    for (const id of ids) this.documents.delete(id);
  }
  async rebuild(): Promise<number> {
    return 0;
  }
}

describe('keeping an external search engine in step', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;
  let vendor: { id: string; token: string };
  let beras: string;
  const outbox = async () => (await t.em().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from search_outbox`))[0].n;
  const drainAll = async (engine: SyncedSearchEngine, now = new Date()) => {
    let total = 0;
    for (;;) {
      const pass = await drainOutbox(t.em() as EntityManager, engine, 500, now);
      total += pass.synced;
      if (pass.synced === 0) return { total, failed: pass.failed };
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
    vendor = await vendorAccount(t, batu, bpbj, { businessName: 'UD Outbox Makmur' });
    beras = await categoryId(t, batu, 'pangan-beras');
  });
  afterAll(() => t.close());

  it('every change a buyer could see writes an outbox row in the same transaction; taking stock and rolled-back changes write none', async () => {
    await t.em().execute('delete from search_outbox');
    const id = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Outbox Satu' }));
    expect(await outbox()).toBe(1);
    await t.em().execute('delete from search_outbox');
    const em = t.em();
    await expect(
      em.transactional(async (tx) => {
        await tx.nativeUpdate(Product, { id }, { price: 99999 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outbox()).toBe(0);
    // No search document holds the stock: taking it (a raw SQL update, as acceptance does) queues nothing.
    await t.em().execute('update product set stock = stock - 1 where id = ?', [id]);
    expect(await outbox()).toBe(0);
    // A raw price change is caught, once: the trigger sees every write, not only the ORM's.
    await t.em().execute('update product set price = price + 500 where id = ?', [id]);
    expect(await outbox()).toBe(1);
    // A draft's edits stay out of the outbox until it is published.
    const draft = await t.exec(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: productInput(beras, { name: 'Beras Draf Outbox' }) }, { token: vendor.token });
    await t.exec(UPDATE_PRODUCT, { id: draft.data.createProduct.id, input: { price: 30000 } }, { token: vendor.token });
    expect(await outbox()).toBe(1);
  });

  it('the drain sends visible products, removes hidden ones, and empties the outbox', async () => {
    const engine = new RecordingEngine();
    const a = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Tampil' }));
    const b = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Dibekukan' }));
    await drainAll(engine);
    expect(engine.documents.get(a)).toEqual(expect.objectContaining({ name: 'Beras Tampil', vendorName: 'UD Outbox Makmur', isLocal: true, basicNeeds: true }));
    await t.exec(`mutation($id: ID!) { suspendProduct(id: $id, reason: "Foto tidak sesuai") { status } }`, { id: b }, { token: bpbj });
    await drainAll(engine);
    expect(engine.documents.has(b)).toBe(false);
    expect(await outbox()).toBe(0);
  });

  it('a vendor suspension reaches every one of its products', async () => {
    const engine = new RecordingEngine();
    const other = await vendorAccount(t, batu, bpbj, { businessName: 'UD Akan Dibekukan' });
    const ids = [
      await publishedProduct(t, other.token, bpbj, productInput(beras, { name: 'Beras Vendor Beku 1' })),
      await publishedProduct(t, other.token, bpbj, productInput(beras, { name: 'Beras Vendor Beku 2' })),
    ];
    await drainAll(engine);
    expect(ids.every((id) => engine.documents.has(id))).toBe(true);
    await t.exec(`mutation($id: ID!) { suspendVendor(id: $id, reason: "Harga tidak wajar") { status } }`, { id: other.id }, { token: bpbj });
    await drainAll(engine);
    expect(ids.some((id) => engine.documents.has(id))).toBe(false);
  });

  it('a vendor or category renamed reaches the documents that show the name; a deleted product leaves the engine', async () => {
    const engine = new RecordingEngine();
    const other = await vendorAccount(t, batu, bpbj, { businessName: 'UD Nama Lama' });
    const kopi = await categoryId(t, batu, 'olahan-kopi-teh');
    const id = await publishedProduct(t, other.token, bpbj, productInput(kopi, { name: 'Kopi Bubuk Panderman' }));
    const gone = await publishedProduct(t, other.token, bpbj, productInput(kopi, { name: 'Kopi Bubuk Dihapus' }));
    await drainAll(engine);
    expect(engine.documents.get(id)).toEqual(expect.objectContaining({ vendorName: 'UD Nama Lama' }));

    const { pemdaId, email, password, ...profile } = other.input;
    const renamed = await t.exec(`mutation($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { businessName status } }`,
      { id: other.id, input: { ...profile, businessName: 'UD Nama Baru' } }, { token: other.token });
    expect(renamed.data.updateVendorProfile).toEqual({ businessName: 'UD Nama Baru', status: 'VERIFIED' });
    const recategorised = await t.exec(`mutation($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { name } }`,
      { id: kopi, input: { name: 'Kopi, Teh dan Jahe' } }, { token: bpbj });
    expect(recategorised.errors).toBeUndefined();
    const deleted = await t.exec(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: gone }, { token: other.token });
    expect(deleted.data.deleteProduct).toBe('DELETED');

    await drainAll(engine);
    expect(engine.documents.get(id)).toEqual(expect.objectContaining({ vendorName: 'UD Nama Baru', categoryName: 'Kopi, Teh dan Jahe' }));
    expect(engine.documents.has(gone)).toBe(false);
  });

  it('stopping the engine mid-run loses no update: rows wait with backoff, and catch up when it returns', async () => {
    const engine = new RecordingEngine();
    const id = await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Saat Mati Lampu', price: 70000 }));
    await drainAll(engine);

    engine.down = true;
    const writes = await t.exec(UPDATE_PRODUCT, { id, input: { price: 65000 } }, { token: vendor.token });
    expect(writes.data.updateProduct.price).toBe(65000); // writes still succeed
    const now = new Date();
    const failed = await drainOutbox(t.em() as EntityManager, engine, 500, now);
    expect(failed).toEqual({ synced: 0, failed: expect.any(Number) });
    const [row] = await t.em().getConnection().execute<{ attempts: number; next_attempt_at: Date; last_error: string }[]>(
      `select attempts, next_attempt_at, last_error from search_outbox where product_id = ?`,
      [id],
    );
    expect(row.attempts).toBe(1);
    expect(new Date(row.next_attempt_at).getTime() - now.getTime()).toBe(2000);
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    expect(engine.documents.get(id)!.price).toBe(70000);

    engine.down = false;
    expect((await drainOutbox(t.em() as EntityManager, engine, 500, now)).synced).toBe(0); // not due yet
    await drainAll(engine, new Date(now.getTime() + 3000));
    expect(engine.documents.get(id)!.price).toBe(65000);
    expect(await outbox()).toBe(0);
  });

  it('with Meilisearch unreachable, search answers from PostgreSQL and says so in a warning', async () => {
    await publishedProduct(t, vendor.token, bpbj, productInput(beras, { name: 'Beras Cadangan Pencarian' }));
    const warn = jest.fn<(message: string) => void>();
    const service = new SearchService(() => t.em() as EntityManager, { host: 'http://127.0.0.1:9', apiKey: null }, warn);
    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const page = await service.search(ctx, { pemdaId: batu, query: 'beras cadangan' });
    expect(page.engine).toBe('postgresql');
    expect(page.hits.map((h) => h.product.name)).toEqual(['Beras Cadangan Pencarian']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Search: meilisearch failed .*answering from PostgreSQL/));
  });

  it('the Meilisearch adapter builds a per-Pemda index name and settings with synonyms both ways', async () => {
    const { indexSettings } = await import('../../search/meilisearch-engine.js');
    const settings = indexSettings(new Map([['migor', ['minyak goreng']]]));
    expect(settings.searchableAttributes).toEqual(['name', 'categoryName', 'description', 'vendorName']);
    expect(settings.synonyms).toEqual({ migor: ['minyak goreng'], 'minyak goreng': ['migor'] });
    expect(new MeilisearchEngine('http://127.0.0.1:7700', null).indexUid('0b4e-11')).toBe('products_0b4e11');
  });
});

describe('search synonyms per Pemda', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('BPBJ edits its own Pemda\'s synonyms; another Pemda\'s BPBJ and the public cannot', async () => {
    const { batu } = await pemdaIds(t);
    const SET = `mutation($p: ID!, $term: String!, $ex: [String!]!) { setSearchSynonym(pemdaId: $p, term: $term, expansions: $ex) { term expansions } }`;
    const seeded = await t.exec(`query($p: ID!) { searchSynonyms(pemdaId: $p) { term } }`, { p: batu });
    expect(seeded.data.searchSynonyms.map((s: any) => s.term)).toEqual(expect.arrayContaining(['migor', 'atk', 'sembako', 'mamin']));
    const bpbj = await t.login('bpbj@batukota.go.id');
    const set = await t.exec(SET, { p: batu, term: 'Jajan', ex: ['Kudapan', 'kue kering'] }, { token: bpbj });
    expect(set.data.setSearchSynonym).toEqual(expect.arrayContaining([{ term: 'jajan', expansions: ['kudapan', 'kue kering'] }]));
    expect(errorCode(await t.exec(SET, { p: batu, term: 'dua kata', ex: ['x'] }, { token: bpbj }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(SET, { p: batu, term: 'jajan', ex: [] }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(SET, { p: batu, term: 'jajan', ex: [] }))).toBe('UNAUTHENTICATED');
    const removed = await t.exec(SET, { p: batu, term: 'jajan', ex: [] }, { token: bpbj });
    expect(removed.data.setSearchSynonym.map((s: any) => s.term)).not.toContain('jajan');
  });
});
