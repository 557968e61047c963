import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { ExportJob } from '../../server/reports/export-job.entity.js';
import { CsvDialect, ExportFile, ExportFormat } from '../../server/reports/report.js';

@Resolver(() => ExportJob)
export class ExportJobResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => ExportJob, { description: "Queues the orders of a period as a file (what exportOrders answers at once), for a period too long to wait for: ask exportJob(id) until it is DONE." })
  requestOrdersExport(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true }) dialect: CsvDialect | undefined,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A retry with the same key returns the first job.' }) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportJob> {
    return ctx.services.exportJobs.requestOrders(ctx, { pemdaId, from, to, format, dialect }, key);
  }

  @Authorized()
  @Query(() => ExportJob, { description: 'A queued file: its status, and the file once it is DONE (the officer who asked, or BPBJ of the Pemda).' })
  exportJob(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ExportJob> {
    return ctx.services.exportJobs.get(ctx, id);
  }

  @FieldResolver(() => ExportFile, { nullable: true, description: 'Null until the job is DONE.' })
  file(@Root() job: ExportJob, @Ctx() ctx: RequestContext): Promise<ExportFile | null> {
    return ctx.services.exportJobs.file(ctx, job);
  }
}
