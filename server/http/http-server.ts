import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../app.js';
import { AppError } from '../errors.js';
import { ocdsReleasePage, openDataPemda } from '../opendata/ocds.js';
import { log } from '../observability/log.js';
import { backlog, metrics, poolConnections } from '../observability/metrics.js';
import { requestLog } from '../observability/request-log.js';

/** The built web app (npm run build:web; npm start builds it when its sources changed). */
const WEB_DIST = resolve('web', 'dist');

export interface RunningServer {
  url: string;
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export async function startHttpServer(app: App): Promise<RunningServer> {
  const { config } = app;
  const http = express();
  http.disable('x-powered-by');
  http.set('trust proxy', config.trustProxy);
  const server = createServer(http);
  app.apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: server }));
  await app.apollo.start();

  http.use(requestLog((res) => res.locals.ctx));

  // Prometheus metrics for whoever holds METRICS_TOKEN; without one configured the endpoint does not exist.
  http.get('/metrics', async (req, res) => {
    if (!config.metricsToken || req.header('authorization') !== `Bearer ${config.metricsToken}`) return void res.status(404).end();
    const connection = app.orm.em.fork().getConnection();
    const [{ mail, search }] = await connection.execute<{ mail: string; search: string }[]>(
      `select (select count(*) from notification where email_state = 'PENDING') as mail, (select count(*) from search_outbox) as search`);
    backlog.set({ outbox: 'mail' }, Number(mail));
    backlog.set({ outbox: 'search' }, Number(search));
    const pool = (connection as unknown as { getKnex?: () => { client?: { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } } } }).getKnex?.().client?.pool;
    if (pool) for (const [state, n] of [['used', pool.numUsed()], ['free', pool.numFree()], ['waiting', pool.numPendingAcquires()]] as const) poolConnections.set({ state }, n);
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  http.get('/readyz', async (_req, res) => {
    try {
      await app.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: 'database did not answer' });
      log.error({ err: error }, 'readiness check failed');
    }
  });

  // A browser opening /graphql gets the offline API explorer (GraphiQL from the app's bundle); programs get the API.
  const explorer = join(WEB_DIST, 'explorer.html');
  const hasExplorer = existsSync(explorer); // once, at start: not a file-system call per request
  http.get('/graphql', (req, res, next) => {
    if (hasExplorer && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) res.sendFile(explorer);
    else next();
  });

  http.use(
    '/graphql',
    cors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins }),
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(app.apollo, {
      context: async ({ req, res }) =>
        (res.locals.ctx = await app.createContext({ authorization: req.headers.authorization, clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' })),
    }),
  );

  // A body over the limit, or broken JSON, gets a GraphQL-shaped error instead of Express's HTML page.
  http.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `Permintaan terlalu besar (maksimal ${config.bodyLimitBytes} byte).`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (error.status === 400) {
      res.status(400).json({ errors: [{ message: 'Isi permintaan bukan JSON yang valid.', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      next(error);
    }
  });

  // Open data: the catalogue purchases as an OCDS 1.1 release package, paged (the next page in `links.next` and in a
  // Link header). Public and read-only; a bad parameter is a 400 with the same error shape the API gives.
  http.get('/opendata/:code/ocds.json', async (req, res) => {
    const em = app.orm.em.fork() as EntityManager;
    const param = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : null);
    try {
      const pemda = await openDataPemda(em, { kemendagriCode: req.params.code });
      const first = param('first');
      const page = await ocdsReleasePage(em, pemda, { from: param('from'), to: param('to'), after: param('after'), first: first === null ? null : Number(first) }, config.publicUrl, new Date());
      const next = (page.releasePackage.links as { next?: string } | undefined)?.next;
      if (next) res.setHeader('link', `<${next}>; rel="next"`);
      res.type('application/json').send(JSON.stringify(page.releasePackage));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(error.code === 'NOT_FOUND' ? 404 : 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  });

  // The web app: its files, and index.html for every other path it routes itself (/bpbj, /publik/...).
  if (existsSync(join(WEB_DIST, 'index.html'))) {
    // Hashed assets never change; the pages are checked on every visit so a new build shows at once.
    const cacheControl = (path: string) => (path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    http.use(express.static(WEB_DIST, { index: 'index.html', setHeaders: (res, path) => res.setHeader('cache-control', cacheControl(path)) }));
    http.get(/^\/(?!graphql|healthz|readyz|metrics|opendata).*/, (_req, res) => res.sendFile(join(WEB_DIST, 'index.html')));
  } else {
    http.get('/', (_req, res) => res.type('text/plain').send('Katalog Lokal: the web app is not built (npm run build:web). The API is at /graphql.'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/graphql`,
    server,
    close() {
      closing ??= (async () => {
        await app.apollo.stop(); // the drain plugin closes the listener and waits for in-flight requests
        await app.orm.close();
      })();
      return closing;
    },
  };
}
