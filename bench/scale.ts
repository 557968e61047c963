/**
 * npm run bench:scale (needs DATABASE_URL): the same mix of officers' requests at a fixed concurrency against one
 * server process, then against two on the same PostgreSQL (round-robin from here), printing throughput and latency
 * of each and the ratio. The processes are real `dist/server/main.js` processes in production mode; only one runs the
 * jobs. On a 2-core machine this process, PostgreSQL and the servers share the cores, so the ratio is a floor.
 *
 * Options: --seconds N (per phase, default 15), --concurrency N (default 16).
 */
import { Pemda } from '../server/pemda/pemda.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../seeds/demo.js';
import { arg, benchDatabase, closedLoop, startServer } from './support.js';

const SECONDS = arg('seconds', 15);
const CONCURRENCY = arg('concurrency', 16);

const db = await benchDatabase('scale');
if (!db.url) {
  console.error('bench:scale runs server processes on one PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  process.exit(1);
}
await seedDemo(db.em(), { catalogue: true });
await db.em().getConnection().execute('analyze');
const batu = await db.em().findOneOrFail(Pemda, { kemendagriCode: '35.79' });

const post = async (url: string, query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  if (json.errors) throw new Error(`request failed: ${json.errors[0]?.extensions?.code}`);
  return json.data;
};

/** A realistic mix: search as they type, catalogue pages, the recap, who-am-I, and cart writes. */
function mix(tokens: { pp: string; bpbj: string }, productIds: string[]) {
  let i = 0;
  const words = ['keripik', 'apel', 'beras', 'kopi', 'batik', 'sapu', 'madu', 'jahe'];
  return (url: string) => {
    const n = i++;
    switch (n % 10) {
      case 0: case 1: case 2: case 3:
        return post(url, `query($q: String!) { searchProducts(query: $q, first: 20) { totalCount edges { node { id name price vendor { businessName } } } } }`, { q: words[n % words.length] }, tokens.pp);
      case 4: case 5: case 6:
        return post(url, `query($p: ID!) { products(first: 20, pemdaId: $p) { edges { node { id name price vendor { businessName } category { name } } } } }`, { p: batu.id });
      case 7:
        return post(url, `query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026 }) { pemda { umkkShareOfBudget } opds { rank status } } }`, { p: batu.id }, tokens.bpbj);
      case 8:
        return post(url, `{ me { email } }`, {}, tokens.pp);
      default:
        return post(url, `mutation($p: ID!, $q: Int!) { setCartItem(productId: $p, quantity: $q) { quantity } }`, { p: productIds[n % productIds.length], q: 1 + (n % 5) }, tokens.pp);
    }
  };
}

async function phase(urls: string[], request: (url: string) => Promise<unknown>) {
  return closedLoop(SECONDS, CONCURRENCY, (n) => request(urls[n % urls.length]));
}

const start = async (jobs: boolean) => {
  const { base, child } = await startServer(db.url!, jobs);
  return { url: `${base}/graphql`, child };
};
const first = await start(true);
const login = async (email: string) => (await post(first.url, `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: email, p: DEMO_PASSWORD })).login.token as string;
const tokens = { pp: await login('pp.dinkes@batukota.go.id'), bpbj: await login('bpbj@batukota.go.id') };
const products = (await post(first.url, `query($p: ID!) { products(first: 50, pemdaId: $p) { edges { node { id } } } }`, { p: batu.id })).products.edges.map((e: any) => e.node.id);
const request = mix(tokens, products);

console.log(`bench:scale on ${db.label}: ${CONCURRENCY} concurrent clients, ${SECONDS} s per phase, mix 40% search, 30% catalogue page, 10% recap, 10% me, 10% cart write`);
await phase([first.url], request); // warm-up: plans, caches, JIT
const one = await phase([first.url], request);
const second = await start(false);
await phase([first.url, second.url], request);
const two = await phase([first.url, second.url], request);
const row = (name: string, r: { rps: number; p50: number; p99: number }) => console.log(`${name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`);
row('1 server process', one);
row('2 server processes', two);
console.log(`ratio (2 / 1): ${(two.rps / one.rps).toFixed(2)}x throughput, p99 ${(two.p99 / one.p99).toFixed(2)}x`);

for (const child of [first.child, second.child]) child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1500));
await db.dispose();
