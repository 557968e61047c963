import type { EntityManager } from '@mikro-orm/postgresql';

const CELL = 'pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, price_band';

/**
 * Folds the facet ledger (see SearchFacetCount) into one row per cell, in one statement: a reader sees the counts
 * before or after, never in between, and rows appended meanwhile by writers are simply left for the next pass.
 * Returns the rows left.
 */
export async function compactFacetLedger(em: EntityManager): Promise<number> {
  const result = await em.execute<{ affectedRows: number }>(
    `with gone as (delete from search_facet_count returning *)
     insert into search_facet_count (${CELL}, products)
       select ${CELL}, sum(products) from gone group by ${CELL} having sum(products) <> 0`,
    [],
    'run',
  );
  return result.affectedRows;
}
