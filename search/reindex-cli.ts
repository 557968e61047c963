/**
 * npm run reindex: rebuilds search from the database. PostgreSQL: the search index, facet ledger and vocabulary.
 * Meilisearch (MEILI_HOST set): fills a fresh index per Pemda and swaps it in with no downtime, then clears the
 * outbox rows it made redundant.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { configOrExit } from '../server/bootstrap.js';
import { createOrm, migrate } from '../server/database/orm.js';
import { MeilisearchEngine, reindexMeilisearch } from './meilisearch-engine.js';
import { rebuildPostgresIndex } from './postgres-index.js';

const config = configOrExit();
const orm = await createOrm(config);
await migrate(orm);
const em = orm.em.fork() as EntityManager;
const started = Date.now();
const indexed = await rebuildPostgresIndex(em);
console.log(`PostgreSQL: search index rebuilt with ${indexed} visible products.`);
if (config.meiliHost) await reindexMeilisearch(em, new MeilisearchEngine(config.meiliHost, config.meiliApiKey), console.log);
console.log(`Reindex done in ${Date.now() - started} ms.`);
await orm.close();
