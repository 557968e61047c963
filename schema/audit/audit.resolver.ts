import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { AuditLog, AuditSubject } from '../../server/audit/audit-log.entity.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';

@Resolver(() => AuditLog)
export class AuditResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [AuditLog], { description: "The Pemda's audit log, newest first (by when each change happened, then record order), optionally of one kind or one object; `after` pages back." })
  auditLog(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('subjectType', () => AuditSubject, { nullable: true }) subjectType: AuditSubject | undefined,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('after', () => ID, { nullable: true, description: 'The last entry a page showed: continues with the entries older than it.' }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditLog[]> {
    return ctx.services.audit.list(ctx, pemdaId, { subjectType, subjectId }, limit, after);
  }

  @FieldResolver(() => String, { nullable: true, description: "What the entry is about, as the pages name it: a package's code, a vendor's business name, a product's name, an account holder's name, a Pemda's name. Null for the kinds whose entry says it itself (a period, a holiday, outside spend, an ASN's order or report), or a subject since deleted (a product withdrawn before any order)." })
  subjectName(@Root() entry: AuditLog, @Ctx() ctx: RequestContext): Promise<string | null> {
    return ctx.loaders.auditSubjectName.load(`${entry.subjectType} ${entry.subjectId}`);
  }
}
