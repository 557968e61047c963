/**
 * npm run bench:search [-- --products 100000 --queries 200]
 *
 * Generates a deterministic catalogue, then runs a fixed mix of realistic queries (keyword, typo, synonym,
 * filter-only, facet browse, deep page) through the GraphQL endpoint over HTTP, and the same search SQL directly
 * (the engine alone: the floor). Prints p50/p95/max for both. Uses DATABASE_URL's server when set (a fresh
 * database, dropped afterwards), otherwise PGlite in memory.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../server/app.js';
import { Category } from '../server/catalogue/category.entity.js';
import { Product, ProductStatus } from '../server/catalogue/product.entity.js';
import { loadConfig } from '../server/config.js';
import { startHttpServer } from '../server/http/http-server.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { BusinessScale, Vendor, VendorStatus } from '../server/vendor/vendor.entity.js';
import { PRODUCT_TEMPLATES, productFromTemplate, random } from '../seeds/catalogue.js';
import { seedDemo } from '../seeds/demo.js';
import { SearchSort, type SearchRequest } from '../search/port.js';
import { compactFacetLedger } from '../search/facet-ledger.js';
import { SearchSynonym } from '../search/search.entities.js';
import { arg, benchDatabase, summarise, timed, uuid } from './support.js';

const PRODUCTS = arg('products', 100_000);
const QUERIES = arg('queries', 200);
const VENDORS = Math.max(50, Math.round(PRODUCTS / 200));
const VARIANTS = ['Manalagi', 'Anna', 'Arjuno', 'Panderman', 'Bumiaji', 'Junrejo', 'Punten', 'Spesial', 'Original', 'Pedas', 'Madu', 'Premium', 'Ekonomis'];

async function generate(em: EntityManager, pemda: Pemda): Promise<void> {
  const rnd = random(20261122);
  const leaves = (await em.find(Category, { pemda })).filter((c) => PRODUCT_TEMPLATES[c.code]);
  const vendorIds: string[] = [];
  const vendors = Array.from({ length: VENDORS }, (_, i) => {
    const id = uuid();
    vendorIds.push(id);
    const local = rnd.next() < 0.8;
    const scale = rnd.pick([BusinessScale.MIKRO, BusinessScale.MIKRO, BusinessScale.KECIL, BusinessScale.MENENGAH]);
    return {
      id, pemda: pemda.id, businessName: `UMKM Bench ${rnd.pick(VARIANTS)} ${i + 1}`, ownerName: 'Pemilik Bench', nib: `7${String(i).padStart(12, '0')}`,
      npwp: `0${String(i).padStart(14, '0')}`, scale, isKoperasi: false, domicileRegionCode: local ? pemda.kemendagriCode : '35.73', domicileRegionName: local ? 'Kota Batu' : 'Kota Malang',
      district: 'Batu', address: 'Jl. Bench 1', phone: '+6281200000000', email: `bench${i}@contoh.id`, status: VendorStatus.VERIFIED,
      isLocal: local, isUmkk: scale !== BusinessScale.MENENGAH, createdAt: new Date(), updatedAt: new Date(),
    };
  });
  await em.insertMany(Vendor, vendors);
  const batch = 5_000;
  for (let start = 0; start < PRODUCTS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, PRODUCTS - start) }, (_, k) => {
      const i = start + k;
      const leaf = leaves[i % leaves.length];
      const { name, unit, price } = productFromTemplate(rnd, leaf.code);
      const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000);
      return {
        id: uuid(), vendor: vendorIds[i % VENDORS], pemda: pemda.id, category: leaf.id, name,
        description: `${name}, produk lokal ${leaf.name.toLowerCase()} berkualitas untuk kebutuhan kantor.`, unit,
        price, stock: rnd.int(0, 500), minOrderQuantity: 1, imageUrls: [], isPdn: rnd.next() < 0.9,
        tkdnPercent: rnd.next() < 0.3 ? rnd.int(2500, 9500) / 100 : null, status: rnd.next() < 0.95 ? ProductStatus.PUBLISHED : ProductStatus.DRAFT,
        publishedAt: at, createdAt: at, updatedAt: at,
      };
    });
    await em.insertMany(Product, rows);
    process.stdout.write(`\r  generated ${Math.min(start + batch, PRODUCTS)} / ${PRODUCTS} products`);
  }
  process.stdout.write('\n');
  await em.execute('delete from search_outbox');
  await compactFacetLedger(em); // what the server does every minute
  // What autovacuum does shortly after a bulk load: statistics, the visibility map (index-only facet counts) and
  // the text index's pending list merged. Measuring before it would measure the load, not the search.
  await em.execute('vacuum analyze');
}

interface BenchQuery {
  kind: string;
  query: string;
  filter: Record<string, unknown>;
  sort?: SearchSort;
  offset: number;
}

/** The fixed mix: what officers type, how they filter, and how far they page. */
function queryMix(categoryIds: string[]): BenchQuery[] {
  const keyword = ['keripik apel', 'beras premium', 'kopi arabika', 'nasi kotak', 'kertas hvs', 'batik tulis', 'sari apel', 'pupuk organik', 'snack box', 'spanduk'];
  const typo = ['kripik apel', 'tempeh', 'minyk goreng', 'kertsa hvs', 'batk tulis', 'kopi arabica'];
  const synonym = ['migor 2 liter', 'atk', 'sembako', 'mamin'];
  const mix: BenchQuery[] = [];
  const rnd = random(7);
  for (let i = 0; mix.length < QUERIES; i++) {
    switch (i % 6) {
      case 0: mix.push({ kind: 'keyword', query: rnd.pick(keyword), filter: {}, offset: 0 }); break;
      case 1: mix.push({ kind: 'typo', query: rnd.pick(typo), filter: {}, offset: 0 }); break;
      case 2: mix.push({ kind: 'synonym', query: rnd.pick(synonym), filter: { localOnly: true }, offset: 0 }); break;
      case 3: mix.push({ kind: 'filter-only', query: '', filter: { categoryId: rnd.pick(categoryIds), priceMax: 100_000, umkkOnly: true }, sort: SearchSort.PRICE_ASC, offset: 0 }); break;
      case 4: mix.push({ kind: 'facet browse', query: '', filter: {}, offset: 0 }); break;
      default: mix.push({ kind: 'deep page', query: rnd.pick(keyword).split(' ')[0], filter: {}, offset: 2_000 }); break;
    }
  }
  return mix;
}

const GQL = `query($p: ID, $q: String, $f: SearchFilterInput, $sort: SearchSort, $after: String) {
  searchProducts(pemdaId: $p, query: $q, filter: $f, sort: $sort, first: 20, after: $after) {
    totalCount edges { snippet node { id name price vendor { businessName } category { name } } } facets { categories { value count } local { value count } priceBands { value count } }
  }
}`;

const db = await benchDatabase('search');
console.log(`bench:search on ${db.label}: ${PRODUCTS} products, ${VENDORS} vendors, ${QUERIES} queries`);
const em = db.em();
await seedDemo(em, { catalogue: false });
const pemda = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
const [generateMs] = await timed(() => generate(db.em(), pemda));
console.log(`  catalogue generated and indexed by the triggers in ${(generateMs / 1000).toFixed(1)} s`);

const app = await createApp({ ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), PGLITE_DATA_DIR: 'memory', RATE_LIMITS: 'false' }), port: 0, host: '127.0.0.1' }, db.orm);
const server = await startHttpServer(app);
const allCategories = await em.find(Category, { pemda });
const categories = allCategories.filter((c) => c.depth === 1);
const synonyms = new Map((await em.find(SearchSynonym, { pemda })).map((s) => [s.term, s.expansions]));
const mix = queryMix(categories.map((c) => c.id));
const cursor = (offset: number) => (offset ? Buffer.from(`o:${offset}`).toString('base64url') : null);

// Warm up caches and the JIT on both paths, then measure.
for (const q of mix.slice(0, 12)) {
  await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GQL, variables: { p: pemda.id, q: q.query, f: q.filter, sort: q.sort, after: cursor(q.offset) } }) });
}

const graphql: number[] = [];
const direct: number[] = [];
const byKind = new Map<string, number[]>();
let hits = 0;
for (const q of mix) {
  const [ms, response] = await timed(async () => {
    const r = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GQL, variables: { p: pemda.id, q: q.query, f: q.filter, sort: q.sort, after: cursor(q.offset) } }) });
    return (await r.json()) as { data?: { searchProducts: { totalCount: number } }; errors?: unknown };
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  hits += response.data!.searchProducts.totalCount > 0 ? 1 : 0;
  graphql.push(ms);
  byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);

  const root = q.filter.categoryId ? categories.find((c) => c.id === q.filter.categoryId)! : null;
  const categoryIds = root ? allCategories.filter((c) => c.path.startsWith(root.path)).map((c) => c.id) : null;
  const request: SearchRequest = {
    pemdaId: pemda.id, query: q.query, filter: { ...q.filter, categoryId: undefined, categoryIds } as SearchRequest['filter'],
    sort: q.sort ?? (q.query ? SearchSort.RELEVANCE : SearchSort.NEWEST), offset: q.offset, limit: 20, synonyms,
  };
  const [sqlMs] = await timed(() => app.services.search.postgres.search(request));
  direct.push(sqlMs);
}

console.log(`\n${QUERIES} queries, ${hits} with results:`);
const g = summarise('GraphQL over HTTP (end to end)', graphql);
const d = summarise('search SQL directly (floor)', direct);
for (const [kind, samples] of byKind) summarise(`  GraphQL: ${kind}`, samples);
console.log(`\nGraphQL p95 is ${(g.p95 / d.p95).toFixed(2)}x the SQL floor; target p95 < 50 ms on the server PostgreSQL at 100,000 products: ${g.p95 < 50 ? 'MET' : 'NOT MET'}`);

await server.close();
await db.dispose();
