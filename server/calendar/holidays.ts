import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditSubject } from '../audit/audit-log.entity.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { badInput, conflict, notFound, Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Holiday, HolidayKind } from './holiday.entity.js';
import { isIsoDate, localDate } from './time-zone.js';

/** The days off of each Pemda from `from` on (YYYY-MM-DD): the national ones and its own, in one read. */
export async function holidaysFrom(em: EntityManager, pemdaIds: string[], from: string): Promise<Map<string, Set<string>>> {
  if (!pemdaIds.length) return new Map();
  const rows = await em.execute<{ pemda_id: string | null; date: string }[]>(
    `select pemda_id, date::text as date from holiday where date >= ? and (pemda_id is null or pemda_id in (?))`,
    [from, pemdaIds],
  );
  const national = rows.filter((r) => r.pemda_id === null).map((r) => r.date);
  return new Map(pemdaIds.map((id) => [id, new Set([...national, ...rows.filter((r) => r.pemda_id === id).map((r) => r.date)])]));
}

/** The calendar a Pemda works by: read by anyone, its regional days kept by its BPBJ (audited). */
export class HolidayService {
  async list(ctx: RequestContext, pemdaId: string, year: number): Promise<Holiday[]> {
    await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    new Validation().check(Number.isInteger(year) && year >= 2000 && year <= 2100, 'year', 'Tahun 2000-2100.').throwIfInvalid();
    return ctx.em.find(Holiday, { $or: [{ pemda: null }, { pemda: pemdaId }], date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
  }

  /** A regional day off from today on: a day already past has placed its deadlines, and stays as it was. */
  async addRegional(ctx: RequestContext, pemdaId: string, date: string, name: string): Promise<Holiday> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    const today = localDate(ctx.now(), pemda.timeZone);
    new Validation()
      .check(isIsoDate(date ?? '') && date >= today, 'date', `Tanggal berformat YYYY-MM-DD, hari ini (${today}) atau sesudahnya.`)
      .check((name ?? '').trim().length >= 3 && name.trim().length <= 120, 'name', 'Nama hari libur 3-120 karakter.')
      .throwIfInvalid();
    if (await ctx.em.count(Holiday, { date, $or: [{ pemda: null }, { pemda: pemdaId }] })) throw conflict(`Tanggal ${date} sudah hari libur.`);
    const holiday = ctx.em.create(Holiday, { pemda, date, name: name.trim(), kind: HolidayKind.REGIONAL });
    ctx.services.audit.record(ctx, { pemdaId, subjectType: AuditSubject.CALENDAR, subjectId: holiday.id, action: 'HOLIDAY_ADDED', toStatus: 'LIBUR', reason: `${date} ${name.trim()}` });
    await ctx.em.flush();
    return holiday;
  }

  async removeRegional(ctx: RequestContext, id: string): Promise<Holiday> {
    const holiday = await ctx.em.findOne(Holiday, { id, kind: HolidayKind.REGIONAL }, { populate: ['pemda'] });
    if (!holiday?.pemda) throw notFound('Hari libur');
    assertManagesPemda(requireActor(ctx), holiday.pemda.id);
    const today = localDate(ctx.now(), holiday.pemda.getEntity().timeZone);
    if (holiday.date < today) throw badInput([{ field: 'id', message: 'Hari libur yang sudah lewat tidak dapat dihapus.' }]);
    ctx.services.audit.record(ctx, { pemdaId: holiday.pemda.id, subjectType: AuditSubject.CALENDAR, subjectId: holiday.id, action: 'HOLIDAY_REMOVED', fromStatus: 'LIBUR', toStatus: 'HARI_KERJA', reason: `${holiday.date} ${holiday.name}` });
    await ctx.em.remove(holiday).flush();
    return holiday;
  }
}
