/**
 * npm run reindex: rebuilds search from the database. PostgreSQL: the search index, facet ledger and vocabulary.
 * Meilisearch (MEILI_HOST set): fills a fresh index per Pemda and swaps it in with no downtime, then clears the
 * outbox rows it made redundant.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { configOrExit } from '../server/bootstrap.js';
import { createOrm, migrate } from '../server/database/orm.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { allDocuments } from './documents.js';
import { MeilisearchEngine } from './meilisearch-engine.js';
import { rebuildPostgresIndex } from './postgres-index.js';
import { SearchSynonym } from './search.entities.js';

const config = configOrExit();
const orm = await createOrm(config);
await migrate(orm);
const em = orm.em.fork() as EntityManager;
const started = Date.now();
const indexed = await rebuildPostgresIndex(em);
console.log(`PostgreSQL: search index rebuilt with ${indexed} visible products.`);
if (config.meiliHost) {
  const engine = new MeilisearchEngine(config.meiliHost, config.meiliApiKey);
  const cutoff = new Date();
  for (const pemda of await em.find(Pemda, {})) {
    const synonyms = new Map((await em.find(SearchSynonym, { pemda })).map((s) => [s.term, s.expansions]));
    const count = await engine.rebuild(pemda.id, allDocuments(em, pemda.id), synonyms);
    console.log(`Meilisearch: ${pemda.name}: ${count} products indexed and swapped in.`);
  }
  await em.execute('delete from search_outbox where created_at < ?', [cutoff]);
}
console.log(`Reindex done in ${Date.now() - started} ms.`);
await orm.close();
