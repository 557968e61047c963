import { log } from './observability/log.js';
import { requestTracePlugin } from './observability/request-log.js';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { buildAppSchema } from '../schema/build.js';
import type { AppConfig } from './config.js';
import type { RequestContext } from './context.js';
import { asServerBusy } from './database/orm.js';
import { QUERY_CANCELED } from './database/statement-timeout.js';
import { AppError } from './errors.js';
import { createLoaders } from './loaders.js';
import { LIMITS, limitRules, QueryTooComplex, requestLimitsPlugin } from './http/request-limits.js';
import { passwordChangeGatePlugin } from './auth/password-change-gate.js';
import { createServices, type Services } from './services.js';

export interface App {
  config: AppConfig;
  orm: MikroORM;
  services: Services;
  apollo: ApolloServer<RequestContext>;
  /** Builds the context of one request from its bearer token and client address. */
  createContext(request: { authorization?: string; clientIp: string }): Promise<RequestContext>;
  /** A context for scheduled jobs: no actor, so audit entries name the system. */
  systemContext(): RequestContext;
  now: () => Date;
}

const INTERNAL = 'Terjadi kesalahan di server. Silakan coba lagi atau hubungi admin.';

/** What a client sees of an AppError: its message and extensions, less the HTTP status meant for Apollo. */
function publicError(error: AppError, path?: GraphQLFormattedError['path']): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { message: error.message, ...(path ? { path } : {}), extensions };
}

/** An error and the errors it wraps (`originalError`), outermost first. */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 6; e = (e as { originalError?: unknown }).originalError) chain.push(e);
  return chain;
}

export function formatError(config: AppConfig) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const chain = chainOf(original);
    // The first AppError in the chain: thrown by a resolver, a plugin or a scalar, or reported by a validation rule.
    const appError = chain.find((e): e is AppError => e instanceof AppError);
    if (appError) return publicError(appError, formatted.path);
    // The parser stops at LIMITS.tokens: say so in the same terms as the other limits.
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /contains more th\w+ \d+ tokens/.test(formatted.message)) {
      return publicError(new QueryTooComplex('tokens', LIMITS.tokens));
    }
    // "Did you mean ...?" spells out the schema to whoever guesses names: only where introspection is on anyway.
    if (!config.introspection && formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') {
      return { ...formatted, message: formatted.message.replace(/ Did you mean .*\?$/, '') };
    }
    // The statement outlived its request kind's timeout (server PostgreSQL): the database cancelled it, nothing was written.
    if ((original as { code?: string } | null)?.code === QUERY_CANCELED) {
      return { message: 'Permintaan ini terlalu lama diproses dan dihentikan; persempit periode atau filter lalu coba lagi.', path: formatted.path, extensions: { code: 'TIMEOUT' } };
    }
    // No connection came free in time: the request never reached the database, so nothing of it was written.
    const busy = chain.map(asServerBusy).find(Boolean);
    if (busy) return publicError(busy, formatted.path);
    // A unique index caught a race the service's own check could not see.
    if (original instanceof UniqueConstraintViolationException) {
      return { message: 'Data yang sama sudah ada.', path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted; // parse, validation and variable errors
    // graphql-js's own words about the request (a null for a required variable, a wrong input field): no path, and
    // nothing but GraphQL errors in its chain, so no exception of the server's own is hidden behind it.
    if (!formatted.path && chain.every((e) => e instanceof GraphQLError)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    // Masked in every environment: `npm start` listens on the network too, and SQL or file paths help only an attacker.
    log.error({ err: original }, 'unexpected error in request');
    return { message: INTERNAL, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export async function createApp(
  config: AppConfig,
  orm: MikroORM,
  options: { now?: () => Date; plugins?: ApolloServerPlugin<RequestContext>[] } = {},
): Promise<App> {
  const now = options.now ?? (() => new Date());
  const services = createServices(config, now, () => orm.em.fork() as EntityManager);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    formatError: formatError(config),
    includeStacktraceInErrorResponses: false, // the log has the stack; clients never do
    introspection: config.introspection,
    parseOptions: { maxTokens: LIMITS.tokens },
    validationRules: limitRules(),
    // main.ts owns SIGTERM: it stops the jobs and closes the database. Apollo's own handler would re-raise the signal as
    // soon as Apollo stopped, killing the process before the embedded database is closed.
    stopOnTerminationSignals: false,
    // Apollo's landing page loads from a CDN (blank on an offline government network): the app serves its own explorer.
    // Apollo's cache-control plugin, on by default, hooks every field of every answer (a products page: ~1,200 calls)
    // for cache hints nothing here sets: answers that depend on the caller are never cached.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), passwordChangeGatePlugin(), requestLimitsPlugin(), requestTracePlugin(), ...(options.plugins ?? [])],
  });

  function systemContext(clientIp = 'system'): RequestContext {
    const em = orm.em.fork() as EntityManager;
    return { em, actor: null, authProblem: null, passwordChangeRequired: false, clientIp, config, services, now, loaders: createLoaders(em, now), trace: { errorCodes: [] } };
  }

  async function createContext(request: { authorization?: string; clientIp: string }): Promise<RequestContext> {
    const ctx = systemContext(request.clientIp);
    const token = request.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (request.authorization && !token) ctx.authProblem = 'Header Authorization harus berbentuk "Bearer <token>".';
    if (token) {
      const { actor, problem, user } = await services.identity.authenticate(ctx.em, token).catch((error: unknown) => {
        // Before any resolver runs, so Apollo answers it as is: HTTP 503 with Retry-After.
        throw asServerBusy(error) ?? error;
      });
      if (user) ctx.loaders.user.prime(user.id, user);
      ctx.actor = actor;
      ctx.authProblem = problem;
      ctx.passwordChangeRequired = Boolean(user?.mustChangePassword);
    }
    return ctx;
  }

  return { config, orm, services, apollo, createContext, systemContext: () => systemContext(), now };
}
