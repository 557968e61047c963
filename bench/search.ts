/**
 * npm run bench:search [-- --products 100000 --queries 200 --clients 4 --seconds 10 --keep | --reuse <database>]
 *
 * Generates a deterministic catalogue, then runs a fixed mix of realistic queries (keyword, typo, synonym,
 * filter-only, facet browse, deep page; more than 24 distinct) through the GraphQL endpoint over HTTP, and through
 * the floor: the same statements (category subtree, synonyms, the engine's, the page's products) with raw SQL from
 * a bare HTTP server, answering the same fields. Checks both answer the same products for every query; prints
 * p50/p95/max with one client, then throughput with several (--clients 4, --seconds 10). Uses DATABASE_URL's
 * server when set (a fresh database, dropped afterwards), otherwise PGlite in memory.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
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
import { arg, benchDatabase, closedLoop, summarise, timed, uuid } from './support.js';

const PRODUCTS = arg('products', 100_000);
const QUERIES = arg('queries', 200);
const CLIENTS = arg('clients', 4);
const SECONDS = arg('seconds', 10);
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
  const keyword = ['keripik apel', 'beras premium', 'kopi arabika', 'nasi kotak', 'kertas hvs', 'batik tulis', 'sari apel', 'pupuk organik', 'snack box', 'spanduk', 'madu', 'gula aren', 'tas anyaman', 'air mineral', 'map plastik', 'jahe merah'];
  const typo = ['kripik apel', 'tempeh', 'minyk goreng', 'kertsa hvs', 'batk tulis', 'kopi arabica', 'brs premium', 'spandukk'];
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
const em = db.em();
let pemda: Pemda;
// What is searched: --products, or on --reuse the kept catalogue's own size, whatever --products says.
let catalogueSize = PRODUCTS;
if (db.reused) {
  pemda = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
  catalogueSize = await em.count(Product, { pemda });
  console.log(`bench:search on ${db.label}: --reuse, the ${catalogueSize} products a --keep run left, ${QUERIES} queries`);
} else {
  console.log(`bench:search on ${db.label}: ${PRODUCTS} products, ${VENDORS} vendors, ${QUERIES} queries`);
  await seedDemo(em, { catalogue: false });
  pemda = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
  const [generateMs] = await timed(() => generate(db.em(), pemda));
  console.log(`  catalogue generated and indexed by the triggers in ${(generateMs / 1000).toFixed(1)} s`);
}

const app = await createApp({ ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), PGLITE_DATA_DIR: 'memory', RATE_LIMITS: 'false' }), port: 0, host: '127.0.0.1' }, db.orm);
const server = await startHttpServer(app);
const categories = (await em.find(Category, { pemda })).filter((c) => c.depth === 1);
const mix = queryMix(categories.map((c) => c.id));
const cursor = (offset: number) => (offset ? Buffer.from(`o:${offset}`).toString('base64url') : null);
const distinct = new Set(mix.map((q) => JSON.stringify([q.query, q.filter, q.sort, q.offset]))).size;

type Answer = { totalCount: number; ids: string[] };
const graphqlAnswer = async (q: BenchQuery): Promise<Answer> => {
  const r = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GQL, variables: { p: pemda.id, q: q.query, f: q.filter, sort: q.sort, after: cursor(q.offset) } }) });
  const json = (await r.json()) as { data?: { searchProducts: { totalCount: number; edges: { node: { id: string } }[] } }; errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return { totalCount: json.data!.searchProducts.totalCount, ids: json.data!.searchProducts.edges.map((e) => e.node.id) };
};

/**
 * The floor: the same work as searchProducts without GraphQL or the ORM's entities. Over HTTP from a bare node:http
 * server in this process, it reads the category subtree and the Pemda's synonyms with raw SQL, runs the same engine
 * statements, loads the page's products with their vendor and category in one join while the engine counts facets,
 * and answers the same fields with JSON.stringify.
 */
const floorServer = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const q = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BenchQuery;
  const sql = db.em().getConnection();
  const { categoryId, ...filter } = q.filter as { categoryId?: string };
  const categoryIds = categoryId
    ? (await sql.execute<{ id: string }[]>(`select c.id from category root join category c on c.path like root.path || '%' where root.id = ? and root.pemda_id = ?`, [categoryId, pemda.id])).map((c) => c.id)
    : null;
  const synonyms = new Map((await sql.execute<{ term: string; expansions: string[] }[]>(`select term, expansions from search_synonym where pemda_id = ?`, [pemda.id])).map((s) => [s.term, s.expansions]));
  const request: SearchRequest = {
    pemdaId: pemda.id, query: q.query, filter: { ...filter, categoryIds } as SearchRequest['filter'],
    sort: q.sort ?? (q.query ? SearchSort.RELEVANCE : SearchSort.NEWEST), offset: q.offset, limit: 20, synonyms,
  };
  let rows: Promise<Record<string, any>[]> | null = null;
  const load = (ids: string[]) =>
    (rows = sql.execute(
      `select p.id, p.name, p.price, v.business_name, c.name as category_name from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id where p.id in (?)`,
      [ids.length ? ids : [null]],
    ));
  const result = await app.services.search.postgres.search(request, load as never);
  const byId = new Map((await (rows ?? load(result.hits.map((h) => h.productId)))).map((r) => [r.id, r]));
  const edges = result.hits.filter((h) => byId.has(h.productId)).map((h) => {
    const r = byId.get(h.productId)!;
    return { snippet: h.snippet, node: { id: r.id, name: r.name, price: Number(r.price), vendor: { businessName: r.business_name }, category: { name: r.category_name } } };
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { searchProducts: { totalCount: result.total, edges, facets: result.facets } } }));
}).listen(0, '127.0.0.1');
await once(floorServer, 'listening');
const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`;
const floorAnswer = async (q: BenchQuery): Promise<Answer> => {
  const json = (await (await fetch(floorUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) })).json()) as { data: { searchProducts: { totalCount: number; edges: { node: { id: string } }[] } } };
  return { totalCount: json.data.searchProducts.totalCount, ids: json.data.searchProducts.edges.map((e) => e.node.id) };
};

// Same products in the same order for every query of the mix, or the comparison means nothing.
let hits = 0;
for (const q of mix) {
  const [a, f] = [await graphqlAnswer(q), await floorAnswer(q)];
  if (JSON.stringify(a) !== JSON.stringify(f)) throw new Error(`"${q.query}" (${q.kind}): GraphQL and the floor answer different products`);
  hits += a.totalCount > 0 ? 1 : 0;
}
console.log(`  ${QUERIES} queries (${distinct} distinct), ${hits} with results; GraphQL and the floor answer the same products for each`);

// One client: the latency of each kind, GraphQL and floor one after the other.
const graphql: number[] = [];
const floor: number[] = [];
const byKind = new Map<string, number[]>();
for (const q of mix) {
  const [ms] = await timed(() => graphqlAnswer(q));
  graphql.push(ms);
  byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
  floor.push((await timed(() => floorAnswer(q)))[0]);
}
console.log('\none client, the mix in order:');
const g = summarise('GraphQL over HTTP', graphql);
const f = summarise('floor over HTTP (same statements)', floor);
for (const [kind, samples] of byKind) summarise(`  GraphQL: ${kind}`, samples);
console.log(`GraphQL p95 is ${(g.p95 / f.p95).toFixed(2)}x the floor's; target p95 < 50 ms on the server PostgreSQL at ${catalogueSize.toLocaleString('en')} products: ${g.p95 < 50 ? 'MET' : 'NOT MET'}`);

// Several clients at once, each walking the mix from its own place: throughput against the floor's.
console.log(`\n${CLIENTS} clients at once, ${SECONDS} s each:`);
const apiLoad = await closedLoop(SECONDS, CLIENTS, (n) => graphqlAnswer(mix[n % mix.length]));
const floorLoad = await closedLoop(SECONDS, CLIENTS, (n) => floorAnswer(mix[n % mix.length]));
console.log(`GraphQL ${apiLoad.rps.toFixed(0)} req/s (p99 ${apiLoad.p99.toFixed(0)} ms), floor ${floorLoad.rps.toFixed(0)} req/s (p99 ${floorLoad.p99.toFixed(0)} ms): GraphQL slower by ${(floorLoad.rps / apiLoad.rps).toFixed(1)}x (goal within 2x), load avg ${loadavg()[0].toFixed(2)}`);

floorServer.close();
await server.close();
await db.dispose();
