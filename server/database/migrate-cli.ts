import { configOrExit } from '../bootstrap.js';
import { createOrm, describeDatabase, migrate } from './orm.js';

const config = configOrExit();
const orm = await createOrm(config);
const applied = await migrate(orm);
console.log(applied.length ? `Applied to ${describeDatabase(config)}: ${applied.join(', ')}` : `${describeDatabase(config)} is up to date.`);
await orm.close();
