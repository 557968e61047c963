import type { EntityManager } from '@mikro-orm/postgresql';
import { allDocuments } from '../../search/documents.js';
import { MeilisearchEngine } from '../../search/meilisearch-engine.js';
import { PRICE_BANDS, type SearchEngine } from '../../search/port.js';
import { SearchSynonym } from '../../search/search.entities.js';
import { categoryId, CREATE_PRODUCT, pemdaIds, productInput, publishedProduct, vendorAccount } from '../support/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';

/**
 * One contract, every engine: the same queries must find the same products. PostgreSQL always runs;
 * Meilisearch runs when MEILI_HOST answers.
 */
const meiliHost = process.env.MEILI_HOST;
const meiliReachable = meiliHost
  ? await fetch(`${meiliHost.replace(/\/$/, '')}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)
  : false;
if (!meiliReachable) {
  console.log(`Search contract: Meilisearch skipped: ${meiliHost ? `${meiliHost} did not answer` : 'MEILI_HOST is not set'}. PostgreSQL runs.`);
}

type EngineCase = { name: string; stems: boolean; make: (t: TestApp, pemdaId: string) => Promise<SearchEngine | undefined> };
const engines: EngineCase[] = [
  { name: 'postgresql', stems: true, make: async () => undefined },
  ...(meiliReachable
    ? [{
        name: 'meilisearch',
        stems: false, // Meilisearch has no Indonesian stemmer
        make: async (t: TestApp, pemdaId: string) => {
          const engine = new MeilisearchEngine(meiliHost!, process.env.MEILI_API_KEY ?? null, `test_${Date.now()}`);
          const em = t.em() as EntityManager;
          const synonyms = new Map((await em.find(SearchSynonym, { pemda: pemdaId })).map((s) => [s.term, s.expansions]));
          await engine.rebuild(pemdaId, allDocuments(em, pemdaId), synonyms);
          return engine;
        },
      }]
    : []),
];

const SEARCH = `query($p: ID, $q: String, $f: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String) {
  searchProducts(pemdaId: $p, query: $q, filter: $f, sort: $sort, first: $first, after: $after) {
    engine totalCount pageInfo { hasNextPage endCursor }
    edges { snippet score node { name price } }
    facets { categories { value count } local { value count } umkk { value count } basicNeeds { value count } priceBands { value count } }
  }
}`;

describe.each(engines)('search contract: $name', ({ name, stems, make }) => {
  let t: TestApp;
  let batu: string;
  let engine: SearchEngine | undefined;

  const names = async (query: string, filter: Record<string, unknown> = {}) => {
    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const page = await t.app.services.search.search(ctx, { pemdaId: batu, query, filter, first: 100 }, engine ?? t.app.services.search.postgres);
    expect(page.engine).toBe(name);
    return page.hits.map((h) => h.product.name).sort();
  };

  const ranked = async (query: string) => {
    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const page = await t.app.services.search.search(ctx, { pemdaId: batu, query, first: 10 }, engine ?? t.app.services.search.postgres);
    return page.hits.map((h) => h.product.name);
  };

  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
    const bpbj = await t.login('bpbj@batukota.go.id');
    const local = await vendorAccount(t, batu, bpbj, { businessName: 'UD Sumber Rejeki Bu Sri' });
    const malang = await vendorAccount(t, batu, bpbj, { businessName: 'CV Sumber Pangan Malang', domicileRegionCode: '35.73', domicileRegionName: 'Kota Malang', scale: 'MENENGAH' });
    const add = async (vendor: { token: string }, code: string, name: string, price: number, description = 'Produk lokal pilihan.') =>
      publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, batu, code), { name, price, description }));
    await add(local, 'olahan-apel-keripik', 'Keripik Apel Manalagi 250 gr', 25000, 'Keripik apel renyah asli Batu.');
    await add(local, 'olahan-apel-sari', 'Sari Apel Batu 12 gelas', 36000);
    await add(malang, 'pangan-minyak-goreng', 'Minyak Goreng Sawit 2 liter', 38000);
    await add(malang, 'pangan-minyak-goreng', 'Minyak Goreng Kelapa 1 liter', 29000);
    await add(local, 'olahan-keripik', 'Tempe Goreng Kering Sidomulyo', 15000);
    await add(local, 'atk-kertas', 'Kertas HVS Kualitas Premium A4', 55000);
    await add(local, 'suvenir-oleh-oleh', 'Hampers Oleh-oleh Siap Beli', 150000);
    await add(local, 'atk-alat-tulis', 'Pulpen Gel Hitam 12 pcs', 30000);
    await add(local, 'mamin-nasi-kotak', 'Nasi Kotak Ayam Bakar', 30000);
    await add(malang, 'pangan-beras', 'Beras Premium Bumiaji 5 kg', 72000);
    await add(local, 'sandang-batik', 'Batik Tulis Motif Apel', 450000);
    // Never found: a draft.
    await t.exec(CREATE_PRODUCT, { input: productInput(await categoryId(t, batu, 'olahan-apel-keripik'), { name: 'Keripik Apel Draf Rahasia' }) }, { token: local.token });
    engine = await make(t, batu);
  });
  afterAll(() => t.close());

  it('"kripik apel" finds keripik apel despite the missing letter', async () => {
    expect(await names('kripik apel')).toEqual(['Keripik Apel Manalagi 250 gr']);
  });

  it('"tempeh" finds tempe', async () => {
    expect(await names('tempeh')).toEqual(['Tempe Goreng Kering Sidomulyo']);
  });

  it('"migor 2 liter" finds minyak goreng of 2 liters through the synonym', async () => {
    expect(await names('migor 2 liter')).toEqual(['Minyak Goreng Sawit 2 liter']);
  });

  it('"sembako" finds the basic needs; "ATK" the office stationery; "mamin" the meeting meals', async () => {
    expect(await names('sembako')).toEqual(['Beras Premium Bumiaji 5 kg', 'Minyak Goreng Kelapa 1 liter', 'Minyak Goreng Sawit 2 liter']);
    expect(await names('atk')).toEqual(['Kertas HVS Kualitas Premium A4', 'Pulpen Gel Hitam 12 pcs']);
    expect(await names('mamin')).toEqual(['Nasi Kotak Ayam Bakar']);
  });

  it('prefixes match while typing: "minya" finds minyak; "kerip" ranks keripik first', async () => {
    expect(await names('minya')).toEqual(['Minyak Goreng Kelapa 1 liter', 'Minyak Goreng Sawit 2 liter']);
    // "kerip" is also a near-miss of "kering" and "kertas": typo tolerance may list them, but below.
    expect((await ranked('kerip'))[0]).toBe('Keripik Apel Manalagi 250 gr');
  });

  (stems ? it : it.skip)('stems Indonesian: "berkualitas" finds "kualitas", "membelikan" finds "beli"', async () => {
    expect(await names('berkualitas')).toEqual(['Kertas HVS Kualitas Premium A4']);
    expect(await names('membelikan')).toEqual(['Hampers Oleh-oleh Siap Beli']);
  });

  it('filters narrow the search, and drafts never appear', async () => {
    expect(await names('apel', { localOnly: true, priceMax: 40000 })).toEqual(['Keripik Apel Manalagi 250 gr', 'Sari Apel Batu 12 gelas']);
    expect(await names('minyak', { localOnly: true })).toEqual([]);
    expect(await names('keripik apel')).not.toContain('Keripik Apel Draf Rahasia');
  });

  it('name matches rank above description matches', async () => {
    // "batu" is in one name (Sari Apel Batu) and in another product's description only (Keripik Apel: "asli Batu").
    const hits = await ranked('batu');
    expect(hits.indexOf('Sari Apel Batu 12 gelas')).toBeLessThan(hits.indexOf('Keripik Apel Manalagi 250 gr'));
    expect(hits).toContain('Keripik Apel Manalagi 250 gr');
  });

  it('a vendor name finds its products', async () => {
    expect((await names('rejeki')).length).toBe(8);
  });

  it('an empty query browses everything with facets whose counts add up', async () => {
    if (engine) return; // facets through GraphQL use the configured engine; the adapter's facets are covered above
    const result = await t.exec(SEARCH, { p: batu, first: 5 });
    const page = result.data.searchProducts;
    expect(page.totalCount).toBe(11);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const sum = (facet: { count: number }[]) => facet.reduce((s, f) => s + f.count, 0);
    expect(sum(page.facets.local)).toBe(11);
    expect(page.facets.local.find((f: any) => f.value === 'false').count).toBe(3);
    expect(page.facets.basicNeeds.find((f: any) => f.value === 'true').count).toBe(3);
    expect(sum(page.facets.priceBands)).toBe(11);
    expect(sum(page.facets.categories)).toBe(11);
    const next = await t.exec(SEARCH, { p: batu, first: 5, after: page.pageInfo.endCursor });
    expect(next.data.searchProducts.edges).toHaveLength(5);
    expect(next.data.searchProducts.edges.map((e: any) => e.node.name)).not.toContain(page.edges[0].node.name);
  });

  it('facets come in one shape and order from every engine, and totals are exact', async () => {
    const ctx = await t.app.createContext({ clientIp: '127.0.0.1' });
    const page = await t.app.services.search.search(ctx, { pemdaId: batu, query: 'minyak', first: 1 }, engine ?? t.app.services.search.postgres);
    expect(page.totalCount).toBe(2);
    expect(page.facets.local).toEqual([{ value: 'true', count: 0 }, { value: 'false', count: 2 }]); // the empty bucket too
    expect(page.facets.priceBands.map((b) => b.value)).toEqual(PRICE_BANDS.map(([label]) => label));
    expect(page.facets.priceBands.map((b) => b.count)).toEqual([0, 2, 0, 0, 0, 0]); // both between Rp10.000 and Rp50.000
    expect(page.facets.categories).toEqual([{ value: await categoryId(t, batu, 'pangan-minyak-goreng'), count: 2 }]);
  });

  it('hits carry a highlighted snippet, also for the word a typo meant', async () => {
    if (engine) return;
    const result = await t.exec(SEARCH, { p: batu, q: 'keripik apel' });
    expect(result.data.searchProducts.engine).toBe('postgresql');
    expect(result.data.searchProducts.edges[0].snippet).toMatch(/<mark>Keripik<\/mark> <mark>Apel<\/mark>/);
    const typo = await t.exec(SEARCH, { p: batu, q: 'kripik apel' });
    expect(typo.data.searchProducts.edges[0].snippet).toMatch(/<mark>Keripik<\/mark> <mark>Apel<\/mark>/);
  });

  it('says which words a typo was read as ("menampilkan hasil untuk"), and nothing when taken as typed', async () => {
    if (engine) return;
    const corrected = async (q: string) => (await t.exec(`query($p: ID, $q: String) { searchProducts(pemdaId: $p, query: $q) { correctedQuery totalCount } }`, { p: batu, q })).data.searchProducts;
    expect(await corrected('Kripik apel')).toEqual({ correctedQuery: 'keripik apel', totalCount: 1 });
    // Known words, a word being typed ("kerip" begins "keripik"), a synonym BPBJ set, and short words are taken as typed.
    for (const q of ['keripik apel', 'kerip', 'migor 2 liter', 'apel', '']) expect((await corrected(q)).correctedQuery).toBeNull();
  });
});
