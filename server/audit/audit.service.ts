import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors.js';
import { AuditLog, AuditSubject } from './audit-log.entity.js';

export interface AuditEntry {
  pemdaId: string;
  subjectType: AuditSubject;
  subjectId: string;
  action: string;
  fromStatus?: string | null;
  toStatus: string;
  reason?: string | null;
}

export class AuditService {
  /**
   * Adds the entry to the context's unit of work: it commits in the same flush (transaction) as the change it
   * records. Inside a transaction, pass the transaction's context (`inTransaction`, `runOnce`), never the request's.
   */
  record(ctx: RequestContext, entry: AuditEntry): AuditLog {
    return ctx.em.create(AuditLog, {
      pemda: entry.pemdaId,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      action: entry.action,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus,
      reason: entry.reason ?? null,
      actorId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
  }

  /** The Pemda's entries, newest first, `limit` at a time; `after` (the last entry a page showed) continues with older ones. */
  async list(ctx: RequestContext, pemdaId: string, filter: { subjectType?: AuditSubject; subjectId?: string }, limit: number, after?: string | null): Promise<AuditLog[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    // The cursor must be an entry of this Pemda: another's says nothing of this log's order (and must not be probed).
    const last = after ? await ctx.em.findOne(AuditLog, { id: after, pemda: pemdaId }, { fields: ['createdAt', 'sequence'] }) : null;
    if (after && !last) throw badInput([{ field: 'after', message: 'Entri acuan tidak ditemukan di log audit Pemda ini.' }]);
    const older = last ? { $or: [{ createdAt: { $lt: last.createdAt } }, { createdAt: last.createdAt, sequence: { $lt: last.sequence } }] } : {};
    return ctx.em.find(
      AuditLog,
      { pemda: pemdaId, ...(filter.subjectType && { subjectType: filter.subjectType }), ...(filter.subjectId && { subjectId: filter.subjectId }), ...older },
      // By when it happened, then by record order within the same instant. The two agree as the server writes the log
      // (its own clock, at the time of the change); where entries were recorded out of their time order (the demo year,
      // written after the fact with each step's date), the newest step still comes first.
      { orderBy: { createdAt: 'desc', sequence: 'desc' }, limit: Math.min(Math.max(limit, 1), 500) },
    );
  }
}
