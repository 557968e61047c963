import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { AuditLog, AuditSubject } from '../../server/audit/audit-log.entity.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';

@Resolver(() => AuditLog)
export class AuditResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [AuditLog], { description: "The Pemda's audit log, newest first, optionally for one object." })
  auditLog(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('subjectType', () => AuditSubject, { nullable: true }) subjectType: AuditSubject | undefined,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditLog[]> {
    return ctx.services.audit.list(ctx, pemdaId, { subjectType, subjectId }, limit);
  }
}
