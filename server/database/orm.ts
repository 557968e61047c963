import type { PGlite } from '@electric-sql/pglite';
import { DataloaderType, DriverException, MikroORM, type MigrationObject, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { migrationNames } from '../../migrations/index.js';
import type { AppConfig } from '../config.js';
import { AppError, serverBusy } from '../errors.js';
import { entities } from './entities.js';
import { embeddedStatements } from './pglite-statements.js';
import { startEmbeddedDatabase, type PGliteThread } from './pglite-thread-client.js';

export type DatabaseConfig = Pick<AppConfig, 'databaseUrl' | 'pgliteDataDir' | 'logQueries'> & Partial<Pick<AppConfig, 'statementTimeoutMs' | 'replicaUrls' | 'connectionWaitMs'>>;

export interface OrmOptions {
  /** Called with every SQL statement the ORM sends; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  /** The embedded database only: start from this data-directory tarball (PGlite's `dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob;
  /** The embedded database only: its thread, already booting (main.ts starts it before loading the server's modules). */
  embedded?: PGliteThread;
}

const embedded = new WeakMap<MikroORM, PGliteThread>();
/** The embedded database's thread under an ORM (to dump it), or undefined on the server database. */
export const embeddedDatabase = (orm: MikroORM) => embedded.get(orm);

export function describeDatabase(config: DatabaseConfig): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL ${url.host}${url.pathname}`;
  }
  return config.pgliteDataDir ? `embedded PostgreSQL (PGlite) in ${config.pgliteDataDir}` : 'embedded PostgreSQL (PGlite) in memory';
}

/**
 * Every connection plans for data in memory: random_page_cost 1.1 (the usual value for SSDs and cached data)
 * instead of 4 (spinning disks). With 4, a broad search such as "sembako" reads the whole product index table
 * instead of its text index, three times slower.
 */
const IN_MEMORY_PLANNING = 'set random_page_cost = 1.1';

const DEFAULT_CONNECTION_WAIT_MS = 30_000;

/**
 * The pool's answer when no connection came free within `connectionWaitMs`: knex's own error, or, through the entity
 * manager, MikroORM's DriverException, which keeps only its message.
 */
const isConnectionWaitTimeout = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'KnexTimeoutError' || (error instanceof DriverException && error.message.startsWith('Knex: Timeout acquiring a connection')));

/**
 * The API's answer when `error` is that wait running out, or already says so: SERVER_BUSY (HTTP 503, Retry-After);
 * null for any other error. GraphQL's error formatting, the request context and the routes outside GraphQL all ask here.
 */
export const asServerBusy = (error: unknown): AppError | null =>
  error instanceof AppError && error.code === 'SERVER_BUSY' ? error : isConnectionWaitTimeout(error) ? serverBusy() : null;

export async function createOrm(config: DatabaseConfig, options: OrmOptions = {}): Promise<MikroORM> {
  // A request that cannot get a connection within this long is refused as SERVER_BUSY (nothing of it has run). On the
  // embedded database that is its place in the one connection's queue: fifty writes at once take several seconds
  // there on a busy machine, so the wait is long enough for a burst and short enough to surface a query sent outside
  // its transaction, which would wait for the connection forever.
  const acquireTimeoutMillis = config.connectionWaitMs ?? DEFAULT_CONNECTION_WAIT_MS;
  const common: Options = {
    entities,
    migrations: {
      path: 'migrations',
      pathTs: 'migrations',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
    },
    dataloader: DataloaderType.ALL,
    forceUndefined: false,
    debug: Boolean(options.onQuery) || config.logQueries ? ['query'] : false,
    logger: (message: string) => {
      if (options.onQuery && message.includes('[query]')) options.onQuery(message);
      else if (config.logQueries) console.log(message);
    },
    colors: false,
  };

  if (config.databaseUrl) {
    const session = [IN_MEMORY_PLANNING, ...(config.statementTimeoutMs ? [`set statement_timeout = ${config.statementTimeoutMs}`] : [])].join('; ');
    return MikroORM.init({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: config.databaseUrl,
      // A replica answers only when asked (`onReplica`): everything else reads the primary, so whoever just wrote
      // reads what they wrote; a replica's lag of a second or two is fine for a report, not for an order page.
      replicas: (config.replicaUrls ?? []).map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl })),
      preferReadReplicas: false,
      pool: {
        acquireTimeoutMillis,
        afterCreate: (connection: { query: (sql: string, done: (error?: Error) => void) => void }, done: (error: Error | undefined, connection: unknown) => void) =>
          connection.query(session, (error) => done(error, connection)),
      },
    });
  }

  embeddedStatements();
  const pglite = options.embedded ?? startEmbeddedDatabase(config.pgliteDataDir, options.loadDataDir);
  // MikroORM reads the entities' metadata while the thread boots; the pool opens its one connection once the database
  // is up, so DATABASE_WAIT_TIMEOUT_MS bounds waiting for that connection, not starting the database (a second or more
  // on a busy machine).
  const orm = await MikroORM.init({
    ...common,
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite as unknown as PGlite } }, // the part of PGlite's interface the driver uses
    pool: { acquireTimeoutMillis },
    connect: false,
  });
  await pglite.waitReady;
  await orm.connect();
  await orm.em.getConnection().execute(IN_MEMORY_PLANNING); // PGlite's one connection
  embedded.set(orm, pglite);
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await close(force);
    if (!pglite.closed) await pglite.close();
  };
  return orm;
}

/** The embedded database (PGlite): one connection, and no timer that can interrupt a running statement. */
export const isEmbedded = (em: { getDriver(): unknown }) => em.getDriver() instanceof PGliteDriver;

/**
 * The committed migrations not yet recorded in the database (all of them on an empty one), read from MikroORM's own
 * table: neither the migration files nor the migrator (@mikro-orm/migrations) is loaded to find there is no work.
 */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  const [{ recorded }] = await connection.execute<{ recorded: boolean }[]>(`select to_regclass('mikro_orm_migrations') is not null as recorded`);
  const applied = new Set(recorded ? (await connection.execute<{ name: string }[]>('select name from mikro_orm_migrations')).map((row: { name: string }) => row.name) : []);
  return migrationNames.filter((name) => !applied.has(name));
}

/**
 * MikroORM's migrator over the committed migrations. Their files are imported here, not at start: each imports
 * @mikro-orm/migrations (about 170 ms of modules), which a start with nothing pending does not need. One after
 * another, because Jest's module loader fails imports of a shared module started at once.
 */
export async function loadMigrator(orm: MikroORM) {
  const migrationsList: MigrationObject[] = [];
  for (const name of migrationNames) migrationsList.push({ name, class: (await import(`../../migrations/${name}.js`))[name] });
  orm.config.set('migrations', { ...orm.config.get('migrations'), migrationsList });
  return orm.getMigrator();
}

/** Applies pending migrations in one transaction, on the server free of the request statement timeout; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  if (!(await pendingMigrations(orm)).length) return [];
  const migrator = await loadMigrator(orm);
  const connection = orm.em.getConnection();
  // PGlite has no statement timeout, and its one connection cannot hold a transaction while the migrator checks its table.
  const applied =
    isEmbedded(orm.em)
      ? await migrator.up()
      : await connection.transactional(async (transaction) => {
          await connection.execute('set local statement_timeout = 0', [], 'run', transaction);
          return migrator.up({ transaction });
        });
  return applied.map((m) => m.name);
}
