import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { formatMonth, localDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { AppError, requireReason, Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { firstDayAfter } from './period.js';

/**
 * Closed periods (periode ditutup). BPBJ closes months after reconciliation or the quarterly audit; from then on
 * nothing changes their figures. The rule is held in one place, the database: a trigger on `spend_rollup` refuses
 * any change to a month up to `pemda.closed_through` (migration `closed_periods`), so receipts, payments, imports,
 * corrections and rebuilds are all stopped by the same check. This module closes months and turns the trigger's
 * refusal into a message for people.
 */

/** The marker the trigger's exception carries, followed by the month it refused. */
const TRIGGER_MARKER = 'katalog_period_closed:';

export const periodClosed = (month: string) =>
  new AppError('CONFLICT', `Periode ${formatMonth(month)} sudah ditutup; catat koreksi sebagai penyesuaian di periode yang masih terbuka.`, { closedMonth: month });

/** The database refused a change to a closed month: the same refusal, in words. Anything else is passed on. */
export function asPeriodClosed(error: unknown): unknown {
  const message = (error as Error)?.message ?? '';
  const at = message.indexOf(TRIGGER_MARKER);
  return at >= 0 ? periodClosed(message.slice(at + TRIGGER_MARKER.length, at + TRIGGER_MARKER.length + 7)) : error;
}

/** Whether a 'YYYY-MM' or 'YYYY-MM-DD' falls in a closed month of this Pemda. */
export const isClosed = (pemda: Pick<Pemda, 'closedThrough'>, dateOrMonth: string) =>
  Boolean(pemda.closedThrough) && dateOrMonth.slice(0, 7) <= pemda.closedThrough!;

/** The first day of the first open month from `date` on (the date itself when its month is open). */
export function firstOpenDay(pemda: Pick<Pemda, 'closedThrough'>, date: string): string {
  return isClosed(pemda, date) ? firstDayAfter(pemda.closedThrough!) : date;
}

export class ClosedPeriodService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Closes every month up to and including `month`. Months close in order and never reopen; the current month
   * (in the Pemda's time zone) cannot be closed while it runs.
   */
  async closeThrough(ctx: RequestContext, pemdaId: string, month: string, reason: string): Promise<Pemda> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const why = requireReason(reason);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    const current = localDate(ctx.now(), pemda.timeZone).slice(0, 7);
    new Validation().check(/^\d{4}-(0[1-9]|1[0-2])$/.test(month ?? '') && month >= '2000-01', 'month', 'Bulan berformat YYYY-MM.').throwIfInvalid();
    new Validation()
      .check(month < current, 'month', `Bulan berjalan (${formatMonth(current)}) dan sesudahnya belum dapat ditutup.`)
      .check(!pemda.closedThrough || month > pemda.closedThrough, 'month', `Periode sampai ${formatMonth(pemda.closedThrough ?? '')} sudah ditutup; periode yang ditutup tidak dibuka kembali.`)
      .throwIfInvalid();
    const before = pemda.closedThrough ?? null;
    pemda.closedThrough = month;
    this.audit.record(ctx, { pemdaId, subjectType: AuditSubject.SPEND_PERIOD, subjectId: pemdaId, action: 'CLOSED', fromStatus: before, toStatus: month, reason: why });
    await ctx.em.flush();
    return pemda;
  }
}
