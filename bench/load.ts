/**
 * npm run bench:load (needs DATABASE_URL): throughput of the API against its floor. The API is a real
 * `dist/server/main.js` process in production mode; the floor a bare node:http process answering the same rows read
 * with raw `pg` and JSON.stringify (bench/floor-server.ts). This process is the load: closed-loop clients on
 * loopback at each concurrency, one workload at a time, GraphQL then floor, after checking both answer the same rows.
 *
 * The catalogue page is measured built every time (a second API process with the page cache off, as anyone gets it
 * the first time after a change), for the public and for the Pemda's own BPBJ, and answered from the page cache
 * (server/catalogue/catalogue-page-cache.ts) to the public, to a signed-in buyer, and to the Pemda's own BPBJ (its
 * list: every state), which re-reads only the catalogue version while nothing changes (and, signed in, the account:
 * is the session still valid).
 *
 * Then the web app's catalogue request, for the public and for a signed-in PP, built each time against answered from
 * the cache (no raw floor).
 *
 * Options: --seconds N (per measurement, default 10); --only built|cache|signed-in|BPBJ|me|catalogue (one workload,
 * e.g. under a CPU profile).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { print, type DocumentNode } from 'graphql';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../seeds/demo.js';
import { arg, benchDatabase, closedLoop, startProcess, startServer } from './support.js';

const SECONDS = arg('seconds', 10);

const CONCURRENCIES = [10, 50];

/** An operation of the web app, as its generated module (web/src/gql/graphql.ts, `npm run codegen`) holds it. */
function webOperation(name: string): string {
  const generated = readFileSync('web/src/gql/graphql.ts', 'utf8');
  const document = generated.match(new RegExp(`^export const ${name}Document = (\\{.*\\}) as unknown as DocumentNode`, 'm'))?.[1];
  if (!document) throw new Error(`web/src/gql/graphql.ts has no ${name}Document: run npm run codegen`);
  return print(JSON.parse(document) as DocumentNode);
}

const db = await benchDatabase('load');
if (!db.url) {
  console.error('bench:load measures against a PostgreSQL server: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  process.exit(1);
}
await seedDemo(db.em(), { catalogue: true });
await db.em().getConnection().execute('analyze');
const batu = await db.em().findOneOrFail(Pemda, { kemendagriCode: '35.79' });

const api = await startServer(db.url, false);
// The same server with the page cache off: every page built, as anyone gets it the first time after a change.
const uncached = await startServer(db.url, false, { CATALOGUE_PAGE_CACHE_ENTRIES: '0' });
const floor = await startProcess('dist/bench/floor-server.js', { DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(40) });

const graphql = async (query: string, variables: Record<string, unknown> = {}, token?: string, server = api) => {
  const response = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: any; errors?: unknown[] };
  if (json.errors) throw new Error(`GraphQL answered ${JSON.stringify(json.errors)}`);
  return json.data;
};
const floorGet = async (path: string, token?: string) => {
  const json = (await (await fetch(`${floor.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()) as { data: any };
  return json.data;
};
const login = async (email: string) => (await graphql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: email, p: DEMO_PASSWORD })).login.token as string;
const token = await login('pp.dinkes@batukota.go.id');
const curator = await login('bpbj@batukota.go.id');

const PAGE = `query($p: ID!) { products(first: 100, pemdaId: $p) { edges { node { id name price unit vendor { id businessName } category { id name } } } } }`;
const workloads = [
  {
    name: '`products(first: 100)` with vendor and category, every page built (page cache off)',
    api: () => graphql(PAGE, { p: batu.id }, undefined, uncached),
    floor: () => floorGet(`/products?pemda=${batu.id}`),
  },
  {
    name: '`products(first: 100)`, anonymous, answered from the page cache',
    api: () => graphql(PAGE, { p: batu.id }),
    floor: () => floorGet(`/products?pemda=${batu.id}`),
  },
  {
    name: '`products(first: 100)`, a signed-in buyer (PP), answered from the page cache',
    api: () => graphql(PAGE, { p: batu.id }, token),
    floor: () => floorGet(`/products?pemda=${batu.id}`, token),
  },
  {
    name: "`products(first: 100)`, the Pemda's own BPBJ (every state), every page built (page cache off)",
    api: () => graphql(PAGE, { p: batu.id }, curator, uncached),
    floor: () => floorGet(`/products?pemda=${batu.id}&curator=1`, curator),
  },
  {
    name: "`products(first: 100)`, the Pemda's own BPBJ (every state), answered from the page cache",
    api: () => graphql(PAGE, { p: batu.id }, curator),
    floor: () => floorGet(`/products?pemda=${batu.id}&curator=1`, curator),
  },
  {
    name: '`me`',
    api: () => graphql(`{ me { id email fullName role } }`, {}, token),
    floor: () => floorGet('/me', token),
  },
];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const measured = workloads.filter((w) => !only || w.name.includes(only));

// Same rows, or the comparison means nothing.
for (const w of workloads) {
  const [a, f] = [await w.api(), await w.floor()];
  if (JSON.stringify(a) !== JSON.stringify(f)) throw new Error(`${w.name}: the API and the floor answer different rows`);
}
const products = (await workloads[0].api()).products.edges.length;
console.log(`bench:load on ${db.label}: ${SECONDS} s per measurement, closed-loop clients on loopback, API and floor in processes of their own; ${products} products a page, rows checked equal`);

const rows: string[][] = [];
for (const w of measured) {
  for (const concurrency of CONCURRENCIES) {
    await closedLoop(2, concurrency, w.api); // warm-up
    const a = await closedLoop(SECONDS, concurrency, w.api);
    await closedLoop(2, concurrency, w.floor);
    const f = await closedLoop(SECONDS, concurrency, w.floor);
    rows.push([w.name, String(concurrency), `${a.rps.toFixed(0)} req/s, p99 ${a.p99.toFixed(0)} ms`, `${f.rps.toFixed(0)} req/s, p99 ${f.p99.toFixed(0)} ms`, `${(f.rps / a.rps).toFixed(1)}x`, loadavg()[0].toFixed(2)]);
  }
}
const table = (header: string[], body: string[][]) => {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}`);
};
table(['workload', 'clients', 'API (GraphQL)', 'floor (raw pg + JSON.stringify)', 'API slower by', 'load avg (1 min)'], rows);

// The web app's catalogue, as the public and a signed-in PP ask for it: web/src/catalogue/ProductSearch.tsx's operation
// (a search page with its facets, and the category tree), read from the web app's generated operations so the bench
// sends what the page sends, built each time against answered from the page cache. It has no raw floor: its baseline
// is the same server with the cache off.
if (!only || 'catalogue'.includes(only)) {
  const CATALOGUE = webOperation('CatalogueSearch');
  const visit = (server: typeof api, as?: string) => () => graphql(CATALOGUE, { pemdaId: batu.id, query: 'keripik', filter: {}, sort: 'RELEVANCE' }, as, server);
  if (JSON.stringify(await visit(api)()) !== JSON.stringify(await visit(uncached)())) throw new Error('the public catalogue: the two servers answer differently');
  const cached: string[][] = [];
  const visitors = [
    ['the public catalogue page (search "keripik" and the category tree)', undefined],
    ['the same page, signed in as a PP (the buyer\'s catalogue)', token],
  ] as const;
  for (const [name, as] of visitors) {
    for (const concurrency of CONCURRENCIES) {
      await closedLoop(2, concurrency, visit(uncached, as));
      const built = await closedLoop(SECONDS, concurrency, visit(uncached, as));
      await closedLoop(2, concurrency, visit(api, as));
      const kept = await closedLoop(SECONDS, concurrency, visit(api, as));
      cached.push([name, String(concurrency), `${built.rps.toFixed(0)} req/s, p99 ${built.p99.toFixed(0)} ms`, `${kept.rps.toFixed(0)} req/s, p99 ${kept.p99.toFixed(0)} ms`, `${(kept.rps / built.rps).toFixed(1)}x`, loadavg()[0].toFixed(2)]);
    }
  }
  table(['workload', 'clients', 'built each time (cache off)', 'answered from the page cache', 'cache faster by', 'load avg (1 min)'], cached);
}

for (const child of [api.child, uncached.child, floor.child]) child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1500));
await db.dispose();
