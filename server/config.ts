/**
 * The one place that reads the environment. Every variable is validated at start-up so a typo stops the
 * process with a line naming the variable, instead of failing later in a request.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Unset means the embedded PostgreSQL (PGlite). */
  databaseUrl: string | null;
  /** Read replicas of DATABASE_URL: the read-only reports (recap and order exports) run there; empty: all on the primary. */
  replicaUrls: string[];
  /** Where the embedded database keeps its files; null keeps it in memory (tests). */
  pgliteDataDir: string | null;
  /** Where uploaded photos and scans are kept: beside the embedded database unless UPLOAD_DIR says otherwise. */
  uploadDir: string;
  /** The largest upload accepted, before resizing. */
  uploadMaxBytes: number;
  /** Bytes one account may upload a day (rate limits on). */
  uploadDailyBytes: number;
  /** S3-compatible object storage for uploads (AWS S3, MinIO, R2...); null keeps them in uploadDir. */
  s3: S3Config | null;
  /** Null until start-up: the process then reads or makes one beside the embedded database (bootstrap.ts). */
  jwtSecret: string | null;
  tokenTtlSeconds: number;
  /** Browser origins allowed to call the API from another site; none unless configured. */
  corsOrigins: string[] | '*';
  /** Schema introspection and "Did you mean" suggestions: on in development, off in production unless enabled. */
  introspection: boolean;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (login throttling needs it). */
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Anonymous catalogue pages kept in memory while the catalogue is unchanged (catalogue-page-cache.ts); 0 keeps none. */
  cataloguePageCacheEntries: number;
  seedDemo: boolean;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  meiliHost: string | null;
  meiliApiKey: string | null;
  logQueries: boolean;
  /** Per-minute allowances (anonymous traffic, expensive fields, registrations); off only for load tests. */
  rateLimits: boolean;
  /** PostgreSQL server only: the longest one statement of an interactive request may run, and of a report. */
  statementTimeoutMs: number;
  reportStatementTimeoutMs: number;
  /** How long a request waits for a database connection (its turn, on the embedded database) before it is refused as busy. */
  connectionWaitMs: number;
  /** Where notification emails go out (smtp:// or smtps://, credentials in the URL); none: notifications stay in the app. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The web app's address, for links in emails. */
  publicUrl: string;
  /** Whether this process runs the background jobs (off for extra web-only processes; they run once per period anyway). */
  jobs: boolean;
  /** Bearer token that opens /metrics; unset, /metrics answers 404. */
  metricsToken: string | null;
}

/** Bytes an account may upload a day unless UPLOAD_DAILY_BYTES says otherwise: a catalogue's worth of phone photos. */
export const DEFAULT_UPLOAD_DAILY_BYTES = 500 * 1024 * 1024;

export interface S3Config {
  /** https://s3.ap-southeast-3.amazonaws.com, or a MinIO address; the bucket goes in the path. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** S3_BUCKET switches uploads to object storage; then the endpoint and both keys are required. */
function s3Config(env: Env): S3Config | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('S3_BUCKET', `is not a valid bucket name (got "${bucket}")`);
  const endpoint = url(env, 'S3_ENDPOINT', ['https:', 'http:']);
  if (!endpoint) throw new ConfigError('S3_ENDPOINT', 'is required with S3_BUCKET (for example https://s3.ap-southeast-3.amazonaws.com)');
  const key = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new ConfigError(name, 'is required with S3_BUCKET');
    return value;
  };
  return { endpoint: endpoint.replace(/\/$/, ''), bucket, region: env.S3_REGION?.trim() || 'us-east-1', accessKeyId: key('S3_ACCESS_KEY_ID'), secretAccessKey: key('S3_SECRET_ACCESS_KEY') };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Configuration error: ${variable} ${detail}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL (expected ${protocols[0]}//...)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}// (got "${parsed.protocol}")`);
  }
  if (parsed.protocol.startsWith('postgres') && parsed.pathname.replace('/', '') === '') {
    throw new ConfigError(name, 'must name a database (postgres://user@host:5432/dbname)');
  }
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';

  const jwtSecret = env.JWT_SECRET?.trim() || null;
  if (production && !jwtSecret) throw new ConfigError('JWT_SECRET', 'must be set to at least 32 characters in production');
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');

  const cors = env.CORS_ORIGINS?.trim() ?? '';
  const corsOrigins =
    cors === '*'
      ? ('*' as const)
      : cors.split(',').filter((origin) => origin.trim()).map((origin) => {
          const value = origin.trim();
          if (!/^https?:\/\/[^/]+$/.test(value)) {
            throw new ConfigError('CORS_ORIGINS', `must be * or comma-separated origins like https://app.example.go.id (got "${value}")`);
          }
          return value;
        });

  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = env.PGLITE_DATA_DIR?.trim();
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((raw) => raw.trim()).filter(Boolean)
    .map((raw, i) => url({ [`DATABASE_REPLICA_URLS[${i + 1}]`]: raw }, `DATABASE_REPLICA_URLS[${i + 1}]`, ['postgres:', 'postgresql:'])!);
  if (replicaUrls.length && !databaseUrl) throw new ConfigError('DATABASE_REPLICA_URLS', 'needs DATABASE_URL (the embedded database has no replicas)');

  return {
    env: nodeEnv as AppConfig['env'],
    host: env.HOST?.trim() || '0.0.0.0',
    port: integer(env, 'PORT', 4000, 1, 65535),
    databaseUrl,
    replicaUrls,
    pgliteDataDir: dataDir === 'memory' ? null : dataDir || './data/pglite',
    uploadDir: env.UPLOAD_DIR?.trim() || './data/uploads',
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_BYTES', 8 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    uploadDailyBytes: integer(env, 'UPLOAD_DAILY_BYTES', DEFAULT_UPLOAD_DAILY_BYTES, 1024, 1024 ** 4),
    s3: s3Config(env),
    jwtSecret,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    corsOrigins,
    introspection: boolean(env, 'INTROSPECTION', !production),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    cataloguePageCacheEntries: integer(env, 'CATALOGUE_PAGE_CACHE_ENTRIES', 500, 0, 100_000),
    seedDemo: boolean(env, 'SEED_DEMO', !production),
    loginMaxAttempts: integer(env, 'LOGIN_MAX_ATTEMPTS', 5, 1, 1000),
    loginWindowSeconds: integer(env, 'LOGIN_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    meiliHost: url(env, 'MEILI_HOST', ['http:', 'https:']),
    meiliApiKey: env.MEILI_API_KEY?.trim() || null,
    logQueries: boolean(env, 'LOG_QUERIES', false),
    rateLimits: boolean(env, 'RATE_LIMITS', true),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    reportStatementTimeoutMs: integer(env, 'REPORT_STATEMENT_TIMEOUT_MS', 120_000, 100, 3_600_000),
    connectionWaitMs: integer(env, 'DATABASE_WAIT_TIMEOUT_MS', 30_000, 100, 600_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM?.trim() || 'Katalog Lokal <no-reply@katalog-lokal.invalid>',
    jobs: boolean(env, 'JOBS', true),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'])?.replace(/\/$/, '') ?? `http://localhost:${integer(env, 'PORT', 4000, 1, 65535)}`,
  };
}
