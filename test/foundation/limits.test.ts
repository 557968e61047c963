import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { LIMITS } from '../../server/http/request-limits.js';
import { RATE_LIMITS } from '../../server/http/rate-limits.js';
import { seedDemo } from '../../seeds/demo.js';
import { registration } from '../support/catalogue.js';
import { anotherProcess, createTestApp, errorCode, type TestApp } from '../support/harness.js';

const PAGE = `products(first: 100, pemdaId: "$BATU") { edges { node { id name price vendor { businessName } category { name } } } }`;
const aliases = (n: number, field = PAGE) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('what one request may cost, refused before it runs', () => {
  let t: TestApp;
  let batu: string;
  beforeAll(async () => {
    t = await createTestApp();
    batu = (await t.exec('{ pemdas { id name } }')).data.pemdas.find((p: any) => p.name === 'Pemerintah Kota Batu').id;
  });
  afterAll(() => t.close());

  /** Runs a query and returns its result with the number of SQL statements it sent. */
  const measured = async (query: string, as: { token?: string; ip?: string } = {}) => {
    t.queries.length = 0;
    const result = await t.exec(query, {}, as);
    return { result, statements: t.queries.length };
  };

  it('1,000 aliases of a 100-product page: refused at the parser, no SQL sent', async () => {
    const query = aliases(1000);
    expect(query.length).toBeGreaterThan(100_000);
    const { result, statements } = await measured(query);
    expect(errorCode(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0].extensions).toEqual(expect.objectContaining({ limit: 'tokens', max: LIMITS.tokens }));
    expect(result.errors![0].message).toMatch(/^Permintaan terlalu panjang/);
    expect(statements).toBe(0);
  });

  it('10,000 chained fragments: refused with the same code, not a server error', async () => {
    const fragments = Array.from({ length: 10_000 }, (_, i) => `fragment F${i} on Query { ${i === 9_999 ? 'pemdas { name }' : `...F${i + 1}`} }`);
    const { result, statements } = await measured(`query { ...F0 } ${fragments.join(' ')}`);
    expect(errorCode(result)).toBe('QUERY_TOO_COMPLEX');
    expect(statements).toBe(0);
  });

  it('more aliases than the limit, in a short document: refused by the alias rule', async () => {
    const { result, statements } = await measured(aliases(LIMITS.aliases + 1, 'pemdas { name }'));
    expect(errorCode(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0].extensions).toEqual(expect.objectContaining({ limit: 'aliases', max: LIMITS.aliases }));
    expect(statements).toBe(0);
  });

  it('a selection deeper than the limit, through fragments too: refused by the depth rule', async () => {
    // categories -> children -> children ... : 14 levels, the last through a fragment.
    let selection = '...Leaf';
    for (let i = 0; i < 13; i++) selection = `children { ${selection} }`;
    const { result, statements } = await measured(`{ categories(pemdaId: "00000000-0000-4000-8000-000000000000") { ${selection} } } fragment Leaf on Category { name }`);
    expect(errorCode(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0].extensions!.limit).toBe('depth');
    expect(statements).toBe(0);
  });

  it('the cost budget depends on the caller: 20 product pages are too heavy for the public, fine for an officer', async () => {
    const query = aliases(20, PAGE.replace('$BATU', batu));
    // 20 x (1 + 100 x (node 1 + vendor 1 + category 1 + edges 1)) = 8,020: over the public's 3,000, under an officer's 10,000.
    const anonymous = await measured(query);
    expect(errorCode(anonymous.result)).toBe('QUERY_TOO_COMPLEX');
    expect(anonymous.result.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 3000, found: 8020 });
    expect(anonymous.statements).toBe(0);

    const token = await t.login('pp.dinkes@batukota.go.id');
    const officer = await t.exec(query, {}, { token });
    expect(officer.errors).toBeUndefined();
    expect(Object.keys(officer.data)).toHaveLength(20);
  });

  it('the same query text costs what its variables make it: a cost kept from one request never passes another', async () => {
    // Costs are kept per parsed query and variables (server/http/request-limits.ts): the page size is a variable here.
    const query = `query($n: Int, $p: ID) { ${Array.from({ length: 20 }, (_, i) => `a${i}: products(first: $n, pemdaId: $p) { edges { node { id name price vendor { businessName } category { name } } } }`).join(' ')} }`;
    const asked = async (n: number) => {
      t.queries.length = 0;
      return { result: await t.exec(query, { n, p: batu }), statements: t.queries.length };
    };
    expect((await asked(10)).result.errors).toBeUndefined(); // 20 x (1 + 10 x 4) = 820
    const heavy = await asked(100);
    expect(heavy.result.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 3000, found: 8020 });
    expect(heavy.statements).toBe(0);
    expect((await asked(10)).result.errors).toBeUndefined();
    expect((await asked(100)).result.errors![0].extensions!.found).toBe(8020);
  });

  it('one page of 100 products is an ordinary public request', async () => {
    const result = await t.exec(`{ ${PAGE.replace('$BATU', batu)} }`);
    expect(result.errors).toBeUndefined();
  });

  it('introspection for tools stays affordable: the explorer\'s schema query is not refused', async () => {
    const result = await t.exec(`{ __schema { types { name fields { name args { name type { name kind ofType { name kind ofType { name kind } } } } type { name kind ofType { name kind } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('per-minute allowances shared by every server process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMITS: 'true' } });
  });
  afterAll(() => t.close());

  it('anonymous traffic from one address is refused once its allowance is spent, in any process; others are served', async () => {
    const second = await anotherProcess(t);
    const viaSecond = (query: string, ip: string) => second.exec(query, {}, { ip });
    const batu = (await t.exec('{ pemdas { id name } }', {}, { ip: '192.0.2.9' })).data.pemdas.find((p: any) => p.name === 'Pemerintah Kota Batu').id;
    // 7 x (1 + 100 x (edges + node + vendor + category)) = 2,807 a request
    const heavy = aliases(7, PAGE.replace('$BATU', batu));
    const ip = '192.0.2.10';
    let served = 0;
    let refused: any = null;
    for (let i = 0; i < 20 && !refused; i++) {
      const result = i % 2 === 0 ? await t.exec(heavy, {}, { ip }) : await viaSecond(heavy, ip);
      if (errorCode(result) === 'RATE_LIMITED') refused = result;
      else {
        expect(result.errors).toBeUndefined();
        served++;
      }
    }
    // 2,807 a request against 20,000 a minute: seven are served, the eighth is refused, whichever process gets it.
    expect(served).toBe(Math.floor(RATE_LIMITS.anonymousCostPerMinute / 2807));
    expect(refused.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors[0].message).toMatch(/Terlalu banyak permintaan/);
    expect(errorCode(await viaSecond('{ pemdas { name } }', ip))).toBe('RATE_LIMITED');
    expect((await t.exec('{ pemdas { name } }', {}, { ip: '192.0.2.11' })).errors).toBeUndefined();
    // Signed in, the officer at the same address draws from its own allowance.
    const token = await t.login('pp.dinkes@batukota.go.id');
    expect((await t.exec('{ me { email } }', {}, { token, ip })).errors).toBeUndefined();
    await second.close();
  });

  it('expensive fields draw from a signed-in account\'s allowance: exports are refused after the limit', async () => {
    const token = await t.login('bpbj@batukota.go.id');
    const pemdaId = (await t.exec('{ pemdas { id name } }', {}, { ip: '192.0.2.20' })).data.pemdas.find((p: any) => p.name === 'Pemerintah Kota Batu').id;
    const exportRecap = `{ exportSpendRecap(pemdaId: "${pemdaId}", year: 2026, format: CSV) { filename } }`;
    const allowed = RATE_LIMITS.expensivePerMinute / 500;
    for (let i = 0; i < allowed; i++) expect((await t.exec(exportRecap, {}, { token })).errors).toBeUndefined();
    const refused = await t.exec(exportRecap, {}, { token });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    // Cheap reads are not drawn from that allowance.
    expect((await t.exec('{ me { email } }', {}, { token })).errors).toBeUndefined();
  });

  it('vendor registration is limited per address, counted before the form is checked', async () => {
    const REGISTER = `mutation($input: RegisterVendorInput!) { registerVendor(input: $input) { id } }`;
    const pemdaId = (await t.exec('{ pemdas { id name } }', {}, { ip: '192.0.2.30' })).data.pemdas.find((p: any) => p.name === 'Pemerintah Kota Batu').id;
    const ip = '192.0.2.31';
    for (let i = 0; i < RATE_LIMITS.registrationsPerHour; i++) {
      expect(errorCode(await t.exec(REGISTER, { input: registration(pemdaId, { nib: 'salah' }) }, { ip }))).toBe('BAD_USER_INPUT');
    }
    const before = await t.em().getConnection().execute('select count(*)::int as n from vendor');
    expect(errorCode(await t.exec(REGISTER, { input: registration(pemdaId) }, { ip }))).toBe('RATE_LIMITED');
    expect(await t.em().getConnection().execute('select count(*)::int as n from vendor')).toEqual(before);
    expect((await t.exec(REGISTER, { input: registration(pemdaId) }, { ip: '192.0.2.32' })).errors).toBeUndefined();
  });
});

describe('the API over HTTP in production', () => {
  let server: RunningServer;
  let base: string;
  let db: Awaited<ReturnType<typeof import('../support/database.js').createTestDatabase>>;
  beforeAll(async () => {
    const { createTestDatabase } = await import('../support/database.js');
    db = await createTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager, { catalogue: false });
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), HOST: '127.0.0.1', RATE_LIMITS: 'false' });
    server = await startHttpServer(await createApp({ ...config, port: 0 }, db.orm));
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
    await db.dispose();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers the 1,000-alias request with 400 and the stable code', async () => {
    const response = await post({ query: aliases(1000) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a request over the cost budget with 400, and a spent allowance with 429', async () => {
    const response = await post({ query: aliases(20) });
    expect(response.status).toBe(400);
  });

  it('has introspection and "Did you mean" suggestions off', async () => {
    const introspection: any = await (await post({ query: '{ __schema { types { name } } }' })).json();
    expect(introspection.errors[0].message).toMatch(/introspection/i);
    const typo: any = await (await post({ query: '{ pemdaz { name } }' })).json();
    expect(typo.errors[0].message).toBe('Cannot query field "pemdaz" on type "Query".');
  });

  it('sends no CORS header to another site unless origins are configured', async () => {
    const response = await post({ query: '{ pemdas { name } }' }, { origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a GET query that carries the preflight header, and refuses a plain GET (CSRF protection)', async () => {
    const url = `${base}?query=${encodeURIComponent('{ pemdas { name } }')}`;
    const plain = await fetch(url);
    expect(plain.status).toBe(400);
    const withHeader = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(((await withHeader.json()) as any).data.pemdas.length).toBeGreaterThan(0);
    const mutation = await fetch(`${base}?query=${encodeURIComponent('mutation { login(input: { email: "x@y.id", password: "x" }) { token } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405); // mutations only by POST
  });
});
