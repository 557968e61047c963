/**
 * npm run bench:abuse: each attack of the API-hardening issue against a production-configured server on loopback,
 * printing how fast the attack is refused and the p99 of an officer's normal request while it runs, beside the same
 * request's p99 with no attack (the baseline, measured first in the same run).
 *
 * Then the heaviest legitimate requests on a generated year (--orders, default 24,000 orders of 4 lines): BPBJ
 * exports a quarter of orders, then computes the year's award, each timed alone and again while `me` runs back to
 * back: how long an officer waits behind it.
 *
 * Options: --rounds N (attack requests per attack, default 30), --normal N (normal requests per phase, default 100).
 */
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { startHttpServer } from '../server/http/http-server.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../seeds/demo.js';
import { generatePemdaYear } from './generate.js';
import { arg, benchDatabase, percentile, timed } from './support.js';

const ROUNDS = arg('rounds', 30);
const NORMAL = arg('normal', 100);
const ORDERS = arg('orders', 24_000);

const db = await benchDatabase('abuse');
await seedDemo(db.em(), { catalogue: true });
await db.em().getConnection().execute('analyze'); // as npm start does after seeding: plans from real statistics
const batu = await db.em().findOneOrFail(Pemda, { kemendagriCode: '35.79' });
const config = loadConfig({ ...process.env, NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(40), PGLITE_DATA_DIR: 'memory' });
const app = await createApp({ ...config, port: 0, host: '127.0.0.1', databaseUrl: null }, db.orm);
const server = await startHttpServer(app);
console.log(`bench:abuse on ${db.label}, NODE_ENV=production, ${ROUNDS} attack requests per attack, ${NORMAL} normal requests per phase`);

type Body = { query: string; variables?: Record<string, unknown> };
/** A client of one server: posts an operation and answers its HTTP status, first error code and body. */
const clientOf = (url: string) => async (body: Body, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: json.errors?.[0]?.extensions?.code ?? null, json };
};
const post = clientOf(server.url);

const login = await post({ query: `mutation { login(input: { email: "pp.dinkes@batukota.go.id", password: "${DEMO_PASSWORD}" }) { token } }` });
const officer = { authorization: `Bearer ${login.json.data.login.token}` };
const bpbjLogin = await post({ query: `mutation { login(input: { email: "bpbj@batukota.go.id", password: "${DEMO_PASSWORD}" }) { token } }` });
const bpbj = { authorization: `Bearer ${bpbjLogin.json.data.login.token}` };

/** The officer's normal request: who am I, and a page of the catalogue. */
const NORMAL_QUERY = { query: `{ me { email } products(first: 20) { edges { node { name price vendor { businessName } } } } }` };
async function normalLatencies(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < NORMAL; i++) {
    const [ms, result] = await timed(() => post(NORMAL_QUERY, officer));
    if (result.code) throw new Error(`normal request failed: ${result.code}`);
    samples.push(ms);
  }
  return samples;
}

const page = (n: number) => `products(first: ${n}, pemdaId: "${batu.id}") { edges { node { id name price vendor { businessName } category { name } } } }`;
const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
let deep = '...Leaf';
for (let i = 0; i < 40; i++) deep = `children { ${deep} }`;

const attacks: { name: string; request: () => Promise<{ status: number; code: string | null }> }[] = [
  { name: '1,000 aliases x products(first: 100)', request: () => post({ query: aliased(1000, page(100)) }) },
  { name: '1,000 aliased searchProducts', request: () => post({ query: aliased(1000, `searchProducts(pemdaId: "${batu.id}", query: "keripik", first: 20) { totalCount }`) }) },
  {
    name: '10,000 chained fragments',
    request: () => post({ query: `query { ...F0 } ${Array.from({ length: 10_000 }, (_, i) => `fragment F${i} on Query { ${i === 9_999 ? 'pemdas { name }' : `...F${i + 1}`} }`).join(' ')}` }),
  },
  { name: '20 aliased 100-product pages (cost)', request: () => post({ query: aliased(20, page(100)) }) },
  { name: 'categories nested 40 deep', request: () => post({ query: `{ categories(pemdaId: "${batu.id}") { ${deep} } } fragment Leaf on Category { name }` }) },
  { name: 'BPBJ: 30 year exports in a minute', request: () => post({ query: `{ exportSpendRecap(pemdaId: "${batu.id}", year: 2026, format: XLSX) { filename } }` }, bpbj) },
  {
    name: 'guessing one password 30 times',
    request: () => post({ query: `mutation { login(input: { email: "ppk.dinkes@batukota.go.id", password: "tebak-tebak-${Math.random()}" }) { token } }` }),
  },
];

const baseline = await normalLatencies();
const rows: string[][] = [];
const p99 = (samples: number[]) => percentile([...samples].sort((a, b) => a - b), 99);
rows.push(['(no attack: baseline)', '-', '-', '-', '-', p99(baseline).toFixed(1)]);

for (const attack of attacks) {
  // Alone first: how long the refusal itself takes. Then while the officer works: what the attack costs others.
  const alone: number[] = [];
  for (let i = 0; i < 10; i++) alone.push((await timed(attack.request))[0]);
  const refusals: number[] = [];
  const codes = new Map<string, number>();
  let attacking = true;
  // The attacker sends its requests back to back while the officer works.
  const attacker = (async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const [ms, result] = await timed(attack.request);
      const code = result.code ?? `HTTP ${result.status}`;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (result.code === 'QUERY_TOO_COMPLEX' || result.code === 'RATE_LIMITED') refusals.push(ms);
    }
    attacking = false;
  })();
  const during: number[] = [];
  while (attacking || during.length < NORMAL / 2) {
    const [ms] = await timed(() => post(NORMAL_QUERY, officer));
    during.push(ms);
    if (during.length >= NORMAL && !attacking) break;
  }
  await attacker;
  const sorted = [...refusals].sort((a, b) => a - b);
  rows.push([
    attack.name,
    [...codes].map(([code, n]) => `${n} ${code}`).join(', '),
    percentile([...alone].sort((a, b) => a - b), 50).toFixed(1),
    sorted.length ? percentile(sorted, 50).toFixed(1) : '-',
    sorted.length ? (sorted.at(-1) ?? 0).toFixed(1) : '-',
    p99(during).toFixed(1),
  ]);
}

const header = ['attack', 'answers under load', 'alone p50 ms', 'under load p50 ms', 'under load max ms', 'normal p99 ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}`);
console.log(`\nnormal request: PP's { me, products(first: 20) } over HTTP; baseline p99 ${p99(baseline).toFixed(1)} ms`);

// The heaviest legitimate request: a quarter of orders exported while an officer works. A second server in this
// process, on the same database, without allowances (the attacks above spent BPBJ's).
await generatePemdaYear(db.em(), batu, ORDERS, 4);
const unmetered = await startHttpServer(await createApp({ ...config, port: 0, host: '127.0.0.1', databaseUrl: null, rateLimits: false }, db.orm));
const postTo = clientOf(unmetered.url);
const quarter = { query: `{ exportOrders(pemdaId: "${batu.id}", from: "2026-01-01", to: "2026-03-31", format: CSV) { base64 } }` };
const me = { query: '{ me { email } }' };
const idle: number[] = [];
for (let i = 0; i < 50; i++) idle.push((await timed(() => postTo(me, officer)))[0]);

/** Runs a heavy request once alone, then again while an officer sends `me` back to back, and prints how long `me` waited. */
async function behind(label: string, heavy: Body, describe: (json: any) => string): Promise<void> {
  const [aloneMs, alone] = await timed(() => postTo(heavy, bpbj));
  if (alone.code) throw new Error(`${label} failed: ${alone.code}`);
  const waits: number[] = [];
  let running = true;
  // The heavy answer is read as bytes, not parsed: this process is also the server, and parsing a 13 MB JSON answer
  // here would be the bench's own work standing in the officer's way, not the server's.
  const bytes = () => fetch(unmetered.url, { method: 'POST', headers: { 'content-type': 'application/json', ...bpbj }, body: JSON.stringify(heavy) }).then((r) => r.arrayBuffer());
  const run = timed(bytes).then(([ms]) => {
    running = false;
    return ms;
  });
  while (running) waits.push((await timed(() => postTo(me, officer)))[0]);
  const duringMs = await run;
  const sorted = [...waits].sort((a, b) => a - b);
  console.log(`\n${label}: ${describe(alone.json)} in ${aloneMs.toFixed(0)} ms alone, ${duringMs.toFixed(0)} ms while \`me\` ran`);
  console.log(`\`me\` meanwhile: ${waits.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms (idle p99 ${p99(idle).toFixed(1)} ms)`);
}

await behind('orders export of Q1 2026', quarter, (json) => `${Buffer.from(json.data.exportOrders.base64 as string, 'base64').toString('utf8').split('\r\n').length - 2} lines (of ${ORDERS} orders in the year)`);
await behind('computeAward for 2026', { query: `mutation { computeAward(pemdaId: "${batu.id}", year: 2026) { version } }` }, () => `40 OPDs, ${ORDERS * 4} order lines`);

await unmetered.close().catch(() => {}); // closes the shared database too
await server.close().catch(() => {});
await db.dispose().catch(() => {});
