import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context.js';

/**
 * Runs `work` in one transaction and hands it the request context bound to that transaction: every service it
 * calls with that context (audit, stock, spend) writes to the same unit of work, so there is no second
 * EntityManager to pass along and none to forget. Commits when `work` resolves, rolls back when it throws.
 */
export function inTransaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  return ctx.em.transactional((em) => work({ ...ctx, em: em as EntityManager }));
}
