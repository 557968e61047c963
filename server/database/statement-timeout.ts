import { IsolationLevel } from '@mikro-orm/core';
import type { RequestContext } from '../context.js';
import { inTransaction } from '../transactions/in-transaction.js';
import { isEmbedded } from './orm.js';

/**
 * Two kinds of request, two statement timeouts on the PostgreSQL server. Every connection starts with the
 * interactive limit (`STATEMENT_TIMEOUT_MS`, set when the pool opens it), so no single statement of a page, a search
 * or a mutation holds a connection longer than that. The reports a BPBJ officer asks for on purpose (the award, the
 * exports) run in a transaction of their own with the longer `REPORT_STATEMENT_TIMEOUT_MS`.
 *
 * The embedded database has no timer that can interrupt a statement (PGlite, in its thread, runs one statement to its end),
 * so there reports simply run; they read in pages or in one set-based statement instead.
 */
export async function asReport<T>(ctx: RequestContext, run: (ctx: RequestContext) => Promise<T>, access: 'writes' | 'reads only' = 'writes'): Promise<T> {
  if (isEmbedded(ctx.em)) return run(ctx);
  const replica = ctx.em.getConnection('read');
  if (access === 'reads only' && replica !== ctx.em.getConnection('write')) {
    // A read replica (DATABASE_REPLICA_URLS): one read-only snapshot there, so the file adds up even while the primary
    // moves on, and the report's reads leave the primary's connections to the officers.
    return replica.transactional(
      async (transaction) => {
        const em = ctx.em.fork({ clear: true }) as typeof ctx.em;
        em.setTransactionContext(transaction);
        await em.execute(`set local statement_timeout = ${ctx.config.reportStatementTimeoutMs}`);
        return run({ ...ctx, em });
      },
      { readOnly: true, isolationLevel: IsolationLevel.REPEATABLE_READ },
    );
  }
  return inTransaction(ctx, async (tx) => {
    await tx.em.execute(`set local statement_timeout = ${ctx.config.reportStatementTimeoutMs}`);
    return run(tx);
  });
}

/** PostgreSQL's code for a statement cancelled by `statement_timeout` (or lock_timeout). */
export const QUERY_CANCELED = '57014';
