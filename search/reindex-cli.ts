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
  // The cut-off is the database's clock, the one outbox rows and updated_at are stamped with.
  const [{ cutoff }] = await em.execute<{ cutoff: Date }[]>('select now() as cutoff');
  for (const pemda of await em.find(Pemda, {})) {
    const synonyms = new Map((await em.find(SearchSynonym, { pemda })).map((s) => [s.term, s.expansions]));
    const count = await engine.rebuild(pemda.id, allDocuments(em, pemda.id), synonyms);
    console.log(`Meilisearch: ${pemda.name}: ${count} products indexed and swapped in.`);
  }
  // Rows queued before the cut-off are in the new indexes. A change made while the rebuild ran may have been drained
  // into the old index and lost in the swap: queue every product changed since the cut-off again (it, its vendor or
  // its category), so the outbox replays it into the new one.
  await em.execute('delete from search_outbox where created_at < ?', [cutoff]);
  const replayed = await em.execute<{ affectedRows: number }>(
    `insert into search_outbox (product_id, pemda_id)
     select p.id, p.pemda_id from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id
      where p.updated_at >= ? or v.updated_at >= ? or c.updated_at >= ?`,
    [cutoff, cutoff, cutoff], 'run');
  console.log(`Meilisearch: ${replayed.affectedRows} products changed during the rebuild queued again.`);
}
console.log(`Reindex done in ${Date.now() - started} ms.`);
await orm.close();
