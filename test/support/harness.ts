import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UploadKind } from '../../server/uploads/upload.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp, type App } from '../../server/app.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { createOrm } from '../../server/database/orm.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
}

/** A controllable clock for rules that depend on time (token expiry, deadlines). */
export class TestClock {
  constructor(public current = new Date('2026-03-02T03:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: App;
  db: TestDatabase;
  config: AppConfig;
  clock: TestClock;
  /** A fresh EntityManager for reading the database directly in assertions. */
  em(): EntityManager;
  /** Runs an operation through Apollo exactly as the HTTP layer would, optionally as a logged-in account. */
  exec<T = any>(query: string, variables?: Record<string, unknown>, as?: { token?: string; ip?: string }): Promise<GraphQLResult<T>>;
  login(email: string, password?: string): Promise<string>;
  /**
   * Signs in an account BPBJ just made (or reset) with the password BPBJ gave, and sets `own` in its place, as its
   * owner must before the account may do anything else; answers the new session's token.
   */
  signInFirstTime(email: string, temporary: string, own: string): Promise<string>;
  /** Stores a file as POST /uploads does (that route has its own test), as a logged-in account; answers the upload id. */
  upload(kind: UploadKind, data: Buffer, token: string): Promise<string>;
  /** SQL statements sent since the last reset (the ORM's query log). */
  queries: string[];
  close(): Promise<void>;
}

export async function createTestApp(options: { env?: Record<string, string>; seed?: boolean; catalogue?: boolean } = {}): Promise<TestApp> {
  const queries: string[] = [];
  // Per-minute allowances are off unless a test asks for them: a suite sends hundreds of requests a minute from one address.
  const config = loadConfig({ NODE_ENV: 'test', PGLITE_DATA_DIR: 'memory', RATE_LIMITS: 'false', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'kl-uploads-')), ...options.env });
  const db = await createTestDatabase({ onQuery: (sql) => queries.push(sql), connectionWaitMs: config.connectionWaitMs });
  const clock = new TestClock();
  const app = await createApp(config, db.orm, { now: clock.now });
  await app.apollo.start();
  if (options.seed !== false) await seedDemo(db.orm.em.fork() as EntityManager, { catalogue: options.catalogue ?? false });
  queries.length = 0;

  const exec: TestApp['exec'] = async (query, variables, as = {}) => {
    const contextValue = await app.createContext({
      authorization: as.token ? `Bearer ${as.token}` : undefined,
      clientIp: as.ip ?? '127.0.0.1',
    });
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GraphQLResult;
  };

  const login: TestApp['login'] = async (email, password = DEMO_PASSWORD) => {
    const result = await exec(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password } });
    if (!result.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  };

  return {
    app,
    db,
    config,
    clock,
    queries,
    em: () => db.orm.em.fork() as EntityManager,
    exec,
    login,
    async signInFirstTime(email, temporary, own) {
      const token = await login(email, temporary);
      const result = await exec(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }`, { input: { currentPassword: temporary, newPassword: own } }, { token });
      if (!result.data?.changePassword) throw new Error(`password change failed for ${email}: ${JSON.stringify(result.errors)}`);
      return result.data.changePassword.token;
    },
    async upload(kind, data, token) {
      const ctx = await app.createContext({ authorization: `Bearer ${token}`, clientIp: '127.0.0.1' });
      return (await app.services.uploads.accept(ctx, kind, data)).id;
    },
    async close() {
      await app.apollo.stop();
      await db.dispose();
    },
  };
}

/**
 * A second server on the test's database, as another process would be: on the server PostgreSQL through its own
 * connection pool (on the embedded database, which has one connection, through the same one). Its own services,
 * so nothing kept in one process's memory can be shared by accident.
 */
export async function anotherProcess(t: TestApp, options: { replicaUrls?: string[]; onQuery?: (sql: string) => void } = {}) {
  const orm = t.db.url
    ? await createOrm({ databaseUrl: t.db.url, replicaUrls: options.replicaUrls, pgliteDataDir: null, logQueries: false, statementTimeoutMs: t.config.statementTimeoutMs }, { onQuery: options.onQuery })
    : t.db.orm;
  const app = await createApp(t.config, orm, { now: t.clock.now });
  await app.apollo.start();
  return {
    async exec<T = any>(query: string, variables?: Record<string, unknown>, as: { token?: string; ip?: string } = {}): Promise<GraphQLResult<T>> {
      const contextValue = await app.createContext({ authorization: as.token ? `Bearer ${as.token}` : undefined, clientIp: as.ip ?? '127.0.0.1' });
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GraphQLResult<T>;
    },
    async close() {
      await app.apollo.stop();
      if (t.db.url) await orm.close();
    },
  };
}

/** The error code of the first error, for assertions that read like the rule. */
export const errorCode = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
