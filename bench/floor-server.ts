/**
 * The floor for `npm run bench:load`: the same rows the GraphQL requests answer, read with raw `pg` and sent with
 * JSON.stringify from a bare node:http server, in a process of its own like the API's. What the API costs above it
 * is what GraphQL, the ORM and the app's checks add.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { buyerVisibleSql } from '../server/catalogue/visibility.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET ?? '';

/** The caller from an HS256 bearer token, checked with one HMAC (what a hand-written server would do). */
function subject(authorization: string | undefined): string | null {
  const [header, payload, signature] = (authorization ?? '').replace(/^Bearer /, '').split('.');
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return claims.exp * 1000 > Date.now() ? claims.sub : null;
}

const ROUTES: Record<string, (url: URL, authorization: string | undefined) => Promise<unknown>> = {
  /**
   * products(first: 100) { edges { node { id name price unit vendor { id businessName } category { id name } } } }, the
   * token checked if sent; with ?curator=1 the list the Pemda's BPBJ gets, every state (the token then required).
   */
  async '/products'(url, authorization) {
    const curator = url.searchParams.has('curator');
    if ((authorization || curator) && !subject(authorization)) return { errors: [{ message: 'unauthenticated' }] };
    const { rows } = await pool.query(
      `select p.id, p.name, p.price, p.unit, v.id as vendor_id, v.business_name, c.id as category_id, c.name as category_name
         from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id
        where p.pemda_id = $1${curator ? '' : ` and ${buyerVisibleSql()}`} order by p.created_at desc, p.id desc limit 100`,
      [url.searchParams.get('pemda')],
    );
    return { products: { edges: rows.map((r) => ({ node: { id: r.id, name: r.name, price: Number(r.price), unit: r.unit, vendor: { id: r.vendor_id, businessName: r.business_name }, category: { id: r.category_id, name: r.category_name } } })) } };
  },
  /** me { id email fullName role } */
  async '/me'(_url, authorization) {
    const id = subject(authorization);
    if (!id) return { errors: [{ message: 'unauthenticated' }] };
    const { rows } = await pool.query(`select id, email, full_name, role from app_user where id = $1 and active`, [id]);
    return { me: { id: rows[0].id, email: rows[0].email, fullName: rows[0].full_name, role: rows[0].role } };
  },
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  if (url.pathname === '/readyz') return void res.end('ok');
  const route = ROUTES[url.pathname];
  if (!route) return void res.writeHead(404).end();
  const body = JSON.stringify({ data: await route(url, req.headers.authorization) });
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
}).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
