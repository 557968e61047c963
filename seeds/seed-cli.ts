import type { EntityManager } from '@mikro-orm/postgresql';
import { configOrExit } from '../server/bootstrap.js';
import { createOrm, describeDatabase, migrate } from '../server/database/orm.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

const config = configOrExit();
const orm = await createOrm(config);
await migrate(orm);
const accounts = await seedDemo(orm.em.fork() as EntityManager);
console.log(`Demo data present in ${describeDatabase(config)}. Accounts (password "${DEMO_PASSWORD}"): ${accounts.map((a) => a.email).join(', ')}`);
await orm.close();
