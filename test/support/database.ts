import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { createOrm, migrate, type OrmOptions } from '../../server/database/orm.js';

export interface TestDatabase {
  orm: MikroORM;
  /** The connection string of this test's own database, or null on the embedded one. */
  url: string | null;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with DATABASE_URL set, a new
 * database on that server (created here, dropped on dispose), so files never see each other's rows.
 */
export async function createTestDatabase(options: OrmOptions & { migrated?: boolean; connectionWaitMs?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let url: string | null = null;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `katalog_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    };
  }
  const orm = await createOrm({ databaseUrl: url, pgliteDataDir: null, logQueries: false, connectionWaitMs: options.connectionWaitMs }, options);
  if (options.migrated !== false) await migrate(orm);
  return {
    orm,
    url,
    async dispose() {
      await orm.close(true);
      await dropDatabase();
    },
  };
}
