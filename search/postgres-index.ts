import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Rebuilds the PostgreSQL engine's index from the catalogue (`npm run reindex`): every searchable row, the facet
 * ledger and the typo vocabulary, through the same refresh the triggers use, in one transaction. Searches go on
 * reading the old index until it commits; catalogue writes wait for it, so nothing changes underneath.
 * The refresh also queues every visible product in the outbox, which is right: any document may have drifted.
 * Returns the number of products indexed.
 */
export async function rebuildPostgresIndex(em: EntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    await tx.execute('lock table searchable_product, search_facet_count, search_vocabulary in share row exclusive mode');
    // Emptied directly (not through the refresh), so the ledger books only what is added back.
    await tx.execute('delete from searchable_product');
    await tx.execute('delete from search_facet_count');
    await tx.execute('delete from search_vocabulary');
    await tx.execute('select searchable_product_sync(array(select id from product))');
    const [{ n }] = await tx.execute<{ n: number }[]>('select count(*)::int as n from searchable_product');
    return n;
  });
}
