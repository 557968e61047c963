/**
 * Writes the next migration from the difference between the entities and the committed migrations.
 * Usage: npm run migration:create -- <name>. Review the file, add it to migrations/index.ts, commit both.
 */
import 'reflect-metadata';
import { createOrm, migrate } from './orm.js';

const name = process.argv[2];
if (!name) {
  console.error('Usage: npm run migration:create -- <name>');
  process.exit(1);
}
const orm = await createOrm({ databaseUrl: null, pgliteDataDir: null, logQueries: false });
await migrate(orm);
const result = await orm.getMigrator().createMigration('migrations', false, false, name);
console.log(result.fileName ? `wrote migrations/${result.fileName}; add it to migrations/index.ts` : 'no changes');
await orm.close();
