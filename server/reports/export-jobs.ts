import type { EntityManager } from '@mikro-orm/postgresql';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { AppError, badInput, notFound } from '../errors.js';
import { actorOf } from '../identity/identity.service.js';
import { Role } from '../identity/user.entity.js';
import { log } from '../observability/log.js';
import type { OrderQueries } from '../purchasing/order-queries.js';
import { runOnce } from '../transactions/idempotency.js';
import { ExportJob, ExportJobKind, ExportJobStatus } from './export-job.entity.js';
import { CsvDialect, ExportFormat, type ExportFile } from './report.js';

/** A claim lasts this long: a process that dies holding it leaves the file to another after that. */
export const EXPORT_LEASE_MS = 10 * 60_000;
export const EXPORT_MAX_ATTEMPTS = 3;
/** How many of a Pemda's files `exportJobs` lists: the recent ones a bureau comes back for. */
export const EXPORT_LIST_LIMIT = 20;

/**
 * The long exports as background work: `requestOrdersExport` checks the request as the export itself would, queues
 * it, and answers at once; the `run-exports` job makes the file as the officer who asked, on whichever process claims
 * it, and keeps it on the job row for the officer to fetch.
 */
export class ExportJobService {
  constructor(private readonly orderQueries: OrderQueries) {}

  async requestOrders(ctx: RequestContext, input: { pemdaId: string; from: string; to: string; format: ExportFormat; dialect?: CsvDialect | null }, key?: string | null): Promise<ExportJob> {
    const actor = requireActor(ctx);
    // Refused now, with the export's own messages, rather than failing in the background.
    await this.orderQueries.checkExport(ctx, input.pemdaId, input.from, input.to);
    if (input.dialect && input.format !== ExportFormat.CSV) throw badInput([{ field: 'dialect', message: 'Dialek hanya untuk berkas CSV.' }]);
    const { ids } = await runOnce(ctx, key, 'requestOrdersExport', async (tx) => {
      const job = tx.em.create(ExportJob, {
        pemda: input.pemdaId,
        requestedBy: actor.userId,
        kind: ExportJobKind.ORDERS,
        params: { from: input.from, to: input.to, format: input.format, dialect: input.dialect ?? null },
      });
      await tx.em.flush();
      return { ids: [job.id] };
    });
    return ctx.em.findOneOrFail(ExportJob, ids[0]);
  }

  /** The officer who asked, or BPBJ of the Pemda; anyone else is told it does not exist. */
  async get(ctx: RequestContext, id: string): Promise<ExportJob> {
    const actor = requireActor(ctx);
    const job = await findInScope(ctx.em, ExportJob, id, 'Berkas');
    const sameBureau = (actor.role === Role.BPBJ && actor.pemdaId === job.pemda.id) || actor.role === Role.PLATFORM_ADMIN;
    if (job.requestedBy.id !== actor.userId && !sameBureau) throw notFound('Berkas');
    return job;
  }

  /**
   * The Pemda's latest jobs, newest first, whichever officer of its BPBJ asked: a file asked for before a page was left
   * is found again. One statement; the files themselves stay unread (`content` is lazy) until `file` is asked for.
   */
  list(ctx: RequestContext, pemdaId: string): Promise<ExportJob[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.find(ExportJob, { pemda: pemdaId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: EXPORT_LIST_LIMIT });
  }

  async file(ctx: RequestContext, job: ExportJob): Promise<ExportFile | null> {
    if (job.status !== ExportJobStatus.DONE) return null;
    const { filename, contentType, content } = await ctx.em.findOneOrFail(ExportJob, job.id, { fields: ['filename', 'contentType', 'content'] });
    return { filename: filename!, contentType: contentType!, base64: content!.toString('base64') };
  }

  /**
   * Claims the oldest queued job (or one whose lease ran out) with `for update skip locked`, so two processes never
   * take the same one, makes its file and stores it only if the claim is still this one. Returns whether one ran.
   */
  async runNext(em: () => EntityManager, contextFor: (em: EntityManager) => RequestContext, now: Date): Promise<'done' | 'failed' | null> {
    const [claim] = await em().execute<{ id: string; attempts: number }[]>(
      `update export_job set status = 'RUNNING', attempts = attempts + 1, lease_until = ?, updated_at = ?
        where id = (select id from export_job
                     where (status = 'QUEUED' or (status = 'RUNNING' and lease_until < ?)) and attempts < ?
                     order by created_at limit 1 for update skip locked)
        returning id, attempts`,
      [new Date(now.getTime() + EXPORT_LEASE_MS), now, now, EXPORT_MAX_ATTEMPTS],
    );
    if (!claim) return null;
    const jobEm = em();
    const job = await jobEm.findOneOrFail(ExportJob, claim.id, { populate: ['requestedBy'] });
    const ctx = { ...contextFor(jobEm), actor: actorOf(job.requestedBy.getEntity()) };
    const current = `id = ? and status = 'RUNNING' and attempts = ?`;
    try {
      const { from, to, format, dialect } = job.params;
      const file = await this.orderQueries.export(ctx, job.pemda.id, from, to, format, dialect ?? undefined);
      await em().execute(`update export_job set status = 'DONE', filename = ?, content_type = ?, content = ?, finished_at = ?, lease_until = null, error = null where ${current}`, [
        file.filename, file.contentType, Buffer.from(file.base64, 'base64'), new Date(), claim.id, claim.attempts,
      ]);
      return 'done';
    } catch (error) {
      const last = claim.attempts >= EXPORT_MAX_ATTEMPTS;
      // The officer reads `error`: a refusal's own Indonesian message, never a database's words.
      if (!(error instanceof AppError)) log.error({ err: error, exportJob: claim.id }, 'export job failed');
      const reason = error instanceof AppError ? error.message : 'Berkas gagal dibuat karena gangguan server; akan dicoba lagi.';
      await em().execute(`update export_job set status = ?, error = ?, lease_until = null, finished_at = ? where ${current}`, [
        last ? ExportJobStatus.FAILED : ExportJobStatus.QUEUED, reason, last ? new Date() : null, claim.id, claim.attempts,
      ]);
      return 'failed';
    }
  }
}
