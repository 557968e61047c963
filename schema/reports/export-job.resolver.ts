import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { ExportJob } from '../../server/reports/export-job.entity.js';
import { EXPORT_LIST_LIMIT } from '../../server/reports/export-jobs.js';
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

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [ExportJob], { description: `The Pemda's latest files made in the background (at most ${EXPORT_LIST_LIMIT}), newest first, whoever of its BPBJ asked: to follow them, or download one again with exportJob(id).` })
  exportJobs(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): Promise<ExportJob[]> {
    return ctx.services.exportJobs.list(ctx, pemdaId);
  }

  @FieldResolver(() => String, { description: 'The first day of the period the file covers (YYYY-MM-DD).' })
  from(@Root() job: ExportJob): string {
    return job.params.from;
  }

  @FieldResolver(() => String, { description: 'The last day of the period the file covers (YYYY-MM-DD).' })
  to(@Root() job: ExportJob): string {
    return job.params.to;
  }

  @FieldResolver(() => ExportFormat)
  format(@Root() job: ExportJob): ExportFormat {
    return job.params.format;
  }

  @FieldResolver(() => CsvDialect, { nullable: true, description: 'For a CSV file: which spreadsheet it is written for.' })
  dialect(@Root() job: ExportJob): CsvDialect | null {
    return job.params.dialect;
  }

  @FieldResolver(() => ExportFile, { nullable: true, description: 'Null until the job is DONE. Read one job at a time (exportJob): each file is read in full.' })
  file(@Root() job: ExportJob, @Ctx() ctx: RequestContext): Promise<ExportFile | null> {
    return ctx.services.exportJobs.file(ctx, job);
  }
}
