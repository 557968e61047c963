import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
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

  async list(ctx: RequestContext, pemdaId: string, filter: { subjectType?: AuditSubject; subjectId?: string }, limit: number): Promise<AuditLog[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.find(
      AuditLog,
      { pemda: pemdaId, ...(filter.subjectType && { subjectType: filter.subjectType }), ...(filter.subjectId && { subjectId: filter.subjectId }) },
      // By when it happened, then by record order within the same instant. The two agree as the server writes the log
      // (its own clock, at the time of the change); where entries were recorded out of their time order (the demo year,
      // written after the fact with each step's date), the newest step still comes first.
      { orderBy: { createdAt: 'desc', sequence: 'desc' }, limit: Math.min(Math.max(limit, 1), 500) },
    );
  }
}
