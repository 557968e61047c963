import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { HeaderMap } from '@apollo/server';
import cors from 'cors';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../app.js';
import type { RequestContext } from '../context.js';
import { asServerBusy } from '../database/orm.js';
import { CataloguePageCache, cataloguePageCachePlugin } from '../catalogue/catalogue-page-cache.js';
import { AppError, passwordChangeRequired } from '../errors.js';
import { ocdsReleasePage, openDataPemda } from '../opendata/ocds.js';
import { log } from '../observability/log.js';
import { UploadKind } from '../uploads/upload.entity.js';
import { uploadTooLarge } from '../uploads/upload.service.js';
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
  const pages = config.cataloguePageCacheEntries > 0 ? new CataloguePageCache(config.cataloguePageCacheEntries, () => app.orm.em.fork() as EntityManager) : null;
  if (pages) app.apollo.addPlugin(cataloguePageCachePlugin(() => app.orm.getMetadata()));
  await app.apollo.start();

  http.use(requestLog((res) => res.locals.ctx));
  const contextOf = (req: express.Request) => app.createContext({ authorization: req.headers.authorization, clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' });
  /**
   * An error outside GraphQL in the API's shape: `{ errors: [{ message, extensions: { code } }] }`. An error's own
   * HTTP advice (a 429 with its Retry-After) wins over the route's status and goes in headers, not the body.
   */
  const sendError = (res: express.Response, status: number, error: AppError) => {
    const { http: advice, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } };
    for (const [name, value] of advice?.headers ?? []) res.setHeader(name, value);
    res.status(advice?.status ?? status).json({ errors: [{ message: error.message, extensions }] });
  };

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

  /**
   * GraphQL over HTTP, as @as-integrations/express5 does it, with the catalogue page cache in front: a page kept and
   * still current is sent as it was, without running the operation again, to a caller given the same list (a
   * signed-in one once its token is checked).
   */
  const graphqlRoute = async (req: express.Request, res: express.Response) => {
    const key = pages?.keyOf(req) ?? null;
    // Made here for a signed-in caller of a request the cache may answer, since whose list it gets decides which page
    // (a database too busy to check the token is then answered by the busy handler below: 503 with Retry-After, as
    // Apollo would); the operation then runs with the same context.
    const ctx: RequestContext | undefined = key && req.headers.authorization ? await contextOf(req) : undefined;
    const caller = ctx ?? { actor: null, passwordChangeRequired: false, clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
    const kept = key ? await pages!.answer(key, caller) : null;
    if (kept) {
      res.locals.ctx = { actor: caller.actor, trace: { operation: kept.operation, errorCodes: [] } };
      try {
        await app.services.rateLimits.draw(caller, kept.cost);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        res.locals.ctx.trace.errorCodes.push(error.code);
        return void sendError(res, 429, error);
      }
      for (const [name, value] of kept.headers) res.setHeader(name, value);
      return void res.status(kept.status).send(kept.body);
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const response = await app.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search, body: req.body }, context: async () => {
      // Made inside Apollo, so a database too busy to check the token is answered as Apollo answers it (503, Retry-After).
      const made: RequestContext = (res.locals.ctx = ctx ?? (await contextOf(req)));
      if (key) made.cataloguePage = { key };
      return made;
    } });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.status(response.status ?? 200);
    if (response.body.kind === 'complete') {
      const body = Buffer.from(response.body.string);
      const candidate = (res.locals.ctx as RequestContext | undefined)?.cataloguePage;
      if (key && candidate?.versions && res.statusCode === 200) {
        pages!.keep(key, { status: 200, headers: [...response.headers], body, versions: candidate.versions, scope: candidate.scope!, operation: candidate.operation, cost: candidate.cost! });
      }
      return void res.send(body);
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

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
    graphqlRoute,
  );

  // Uploads: the raw file as the body (a phone's camera picture or a scan), the kind in ?kind=; answered with the
  // stored upload as JSON, whose id a mutation then names. Errors have the API's shape and a matching HTTP status.
  const UPLOAD_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415 };
  const uploadError = (res: express.Response, error: AppError) => sendError(res, UPLOAD_STATUS[error.code] ?? 400, error);
  http.post(
    '/uploads',
    cors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins }),
    // One byte over the limit is read so the service, not the body parser, answers "too large" in Indonesian.
    express.raw({ type: () => true, limit: config.uploadMaxBytes + 1 }),
    async (req: express.Request, res: express.Response) => {
      const ctx = (res.locals.ctx = await contextOf(req));
      if (ctx.passwordChangeRequired) return void uploadError(res, passwordChangeRequired());
      try {
        const upload = await app.services.uploads.accept(ctx, req.query.kind, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
        res.status(201).json({ id: upload.id, url: upload.url, kind: upload.kind, contentType: upload.contentType, bytes: upload.bytes, sha256: upload.sha256, width: upload.width, height: upload.height });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        uploadError(res, error);
      }
    },
  );
  http.use('/uploads', (error: { type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (error.type !== 'entity.too.large') return next(error);
    uploadError(res, uploadTooLarge(config.uploadMaxBytes));
  });
  // A product photo is public and never changes (a new photo is a new upload), so browsers and proxies keep it; a
  // receipt or a scan is for its uploader and the Pemda's BPBJ only (the bearer token), and is not kept.
  http.get('/uploads/:id', async (req, res) => {
    const ctx = (res.locals.ctx = await contextOf(req));
    const notFound = () => sendError(res, 404, new AppError('NOT_FOUND', 'Berkas tidak ditemukan.'));
    if (ctx.passwordChangeRequired) return void sendError(res, 403, passwordChangeRequired());
    const upload = await app.services.uploads.find(ctx, req.params.id);
    if (!upload) return void notFound();
    const shared = upload.kind === UploadKind.PRODUCT_PHOTO;
    res.setHeader('cache-control', shared ? 'public, max-age=31536000, immutable' : 'private, no-store');
    res.setHeader('etag', `"${upload.sha256}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    // A browser that has it already is answered before the file is read.
    if (req.headers['if-none-match'] === `"${upload.sha256}"`) return void res.status(304).end();
    const data = await app.services.uploads.bytes(upload);
    if (!data) return void notFound();
    res.type(upload.contentType).send(data);
  });

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
      sendError(res, error.code === 'NOT_FOUND' ? 404 : 400, error);
    }
  });

  // The web app: its files, and index.html for every other path it routes itself (/bpbj, /publik/...).
  if (existsSync(join(WEB_DIST, 'index.html'))) {
    // Hashed assets never change; the pages are checked on every visit so a new build shows at once.
    const cacheControl = (path: string) => (path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    http.use(express.static(WEB_DIST, { index: 'index.html', setHeaders: (res, path) => res.setHeader('cache-control', cacheControl(path)) }));
    http.get(/^\/(?!graphql|healthz|readyz|metrics|opendata|uploads).*/, (_req, res) => res.sendFile(join(WEB_DIST, 'index.html')));
  } else {
    http.get('/', (_req, res) => res.type('text/plain').send('Katalog Lokal: the web app is not built (npm run build:web). The API is at /graphql.'));
  }

  // What a route let through: a wait for a database connection is the API's busy answer (the routes outside GraphQL
  // read the database too); anything else is Express's plain 500, logged.
  http.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const busy = asServerBusy(error);
    if (busy) return void sendError(res, 503, busy);
    next(error);
  });

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
