import type { EntityManager } from '@mikro-orm/postgresql';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { formatMonth, isIsoDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { MIN_REASON_LENGTH, Validation, type FieldError } from '../errors.js';
import { parseRupiahText } from '../money/rupiah.js';
import { readTable, type TableUpload } from '../imports/spreadsheet.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { asPeriodClosed, firstOpenDay, isClosed } from './closed-periods.js';
import { OpdBudget } from './spend.entities.js';

export interface BudgetInput {
  opdId: string;
  fiscalYear: number;
  goodsServicesBudget: number;
  plannedUmkk: number;
  allocatedUmkk: number;
  /** YYYY-MM-DD; unset: 1 January, or the first day of the year's first open month. */
  effectiveFrom?: string | null;
  /** Why this version replaces the one before; required once a version exists. */
  reason?: string | null;
}

/** The budget figures of one OPD in force on a day. */
export interface BudgetInForce {
  opdId: string;
  goodsServicesBudget: number;
  plannedUmkk: number;
  allocatedUmkk: number;
}

const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * Each OPD's version in force before `before` (YYYY-MM-DD, exclusive): the latest effective date, and of two versions
 * from the same date the later recorded. The one rule every recap, series and export reads budgets by.
 */
export async function budgetsInForce(em: EntityManager, pemdaId: string, year: number, before: string, opdId?: string | null): Promise<Map<string, BudgetInForce>> {
  const rows = await em.execute<{ opd_id: string; goods_services_budget: string; planned_umkk: string; allocated_umkk: string }[]>(
    `select distinct on (opd_id) opd_id, goods_services_budget, planned_umkk, allocated_umkk
       from opd_budget where pemda_id = ? and fiscal_year = ? and effective_from < ? ${opdId ? 'and opd_id = ?' : ''}
      order by opd_id, effective_from desc, sequence desc`,
    [pemdaId, year, before, ...(opdId ? [opdId] : [])],
  );
  return new Map(
    rows.map((r) => [r.opd_id, { opdId: r.opd_id, goodsServicesBudget: Number(r.goods_services_budget), plannedUmkk: Number(r.planned_umkk), allocatedUmkk: Number(r.allocated_umkk) }]),
  );
}

type VersionFields = Omit<BudgetInput, 'opdId'>;

/**
 * Checks one version against the amounts' rules, its year, the closed periods and the need for a reason; returns the
 * effective date it will carry. Used by the form and by every row of an import.
 */
function checkVersion(v: Validation, b: VersionFields, pemda: Pemda, hasEarlierVersion: boolean): string {
  v.check(Number.isInteger(b.fiscalYear) && b.fiscalYear >= 2000 && b.fiscalYear <= 2100, 'fiscalYear', 'Tahun anggaran 2000-2100.')
    .check(whole(b.goodsServicesBudget), 'goodsServicesBudget', 'Pagu belanja barang/jasa harus bilangan bulat rupiah 0 atau lebih.')
    .check(whole(b.plannedUmkk) && b.plannedUmkk <= b.goodsServicesBudget, 'plannedUmkk', 'Rencana UMK-K bilangan bulat, tidak melebihi pagu.')
    .check(whole(b.allocatedUmkk) && b.allocatedUmkk <= b.goodsServicesBudget, 'allocatedUmkk', 'Alokasi UMK-K bilangan bulat, tidak melebihi pagu.');
  const effectiveFrom = b.effectiveFrom || firstOpenDay(pemda, `${b.fiscalYear}-01-01`);
  v.check(isIsoDate(effectiveFrom) && effectiveFrom.slice(0, 4) === String(b.fiscalYear), 'effectiveFrom', 'Tanggal berlaku berformat YYYY-MM-DD, di dalam tahun anggaran.');
  if (isIsoDate(effectiveFrom)) {
    v.check(!isClosed(pemda, effectiveFrom), 'effectiveFrom', `Periode ${formatMonth(effectiveFrom.slice(0, 7))} sudah ditutup; versi pagu baru berlaku mulai periode yang masih terbuka.`);
  }
  v.check(!hasEarlierVersion || (b.reason ?? '').trim().length >= MIN_REASON_LENGTH, 'reason', `Pagu ini sudah tercatat: alasan perubahan wajib diisi (minimal ${MIN_REASON_LENGTH} karakter), misalnya "APBD-Perubahan".`);
  return effectiveFrom;
}

/**
 * OPD budgets as versions. Nothing is overwritten: every change is a new version with who, when, from which date
 * and why, so a recap of a past period keeps reading the budget it was measured against.
 */
export class BudgetService {
  async set(ctx: RequestContext, input: BudgetInput): Promise<OpdBudget> {
    const opd = await findInScope(ctx.em, Opd, input.opdId, 'OPD');
    assertManagesPemda(requireActor(ctx), opd.pemda.id);
    const pemda = await findInScope(ctx.em, Pemda, opd.pemda.id, 'Pemda');
    const earlier = await ctx.em.count(OpdBudget, { opd, fiscalYear: input.fiscalYear });
    const v = new Validation();
    const effectiveFrom = checkVersion(v, input, pemda, earlier > 0);
    v.throwIfInvalid();
    const version = ctx.em.create(OpdBudget, { ...this.fields(ctx, input, effectiveFrom), pemda, opd });
    await ctx.em.flush().catch((error) => Promise.reject(asPeriodClosed(error)));
    return version;
  }

  /** Every version of an OPD's budget for a year, oldest first. */
  async history(ctx: RequestContext, opdId: string, fiscalYear: number): Promise<OpdBudget[]> {
    const opd = await findInScope(ctx.em, Opd, opdId, 'OPD');
    assertManagesPemda(requireActor(ctx), opd.pemda.id);
    return ctx.em.find(OpdBudget, { opd, fiscalYear }, { orderBy: { sequence: 'asc' } });
  }

  /**
   * CSV (or the first sheet of an XLSX) with columns opd_code, fiscal_year, goods_services_budget, planned_umkk, allocated_umkk, and optionally
   * effective_from and reason (needed for an OPD whose budget is already recorded). All rows or none.
   */
  async importTable(ctx: RequestContext, pemdaId: string, upload: TableUpload, dryRun: boolean): Promise<{ applied: boolean; rows: number; errors: (FieldError & { row: number })[] }> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    const records = await readTable(upload);
    const opds = new Map((await ctx.em.find(Opd, { pemda: pemdaId })).map((o) => [o.code, o]));
    const recorded = new Set((await ctx.em.find(OpdBudget, { pemda: pemdaId }, { fields: ['opd', 'fiscalYear'] })).map((b) => `${b.opd.id}|${b.fiscalYear}`));
    const errors: (FieldError & { row: number })[] = [];
    const rows = records.map((r, i) => {
      const v = new Validation();
      const opd = opds.get(r.opd_code);
      const budget: VersionFields = {
        fiscalYear: Number(r.fiscal_year), goodsServicesBudget: parseRupiahText(r.goods_services_budget), plannedUmkk: parseRupiahText(r.planned_umkk),
        allocatedUmkk: parseRupiahText(r.allocated_umkk), effectiveFrom: r.effective_from || null, reason: r.reason || null,
      };
      v.check(Boolean(opd), 'opd_code', `Kode OPD "${r.opd_code ?? ''}" tidak ada di Pemda ini.`);
      const effectiveFrom = checkVersion(v, budget, pemda, Boolean(opd) && recorded.has(`${opd!.id}|${budget.fiscalYear}`));
      errors.push(...v.errors.map((e) => ({ ...e, row: i + 1 })));
      return { opd, budget, effectiveFrom };
    });
    if (errors.length || dryRun) return { applied: false, rows: rows.length, errors };
    for (const row of rows) ctx.em.create(OpdBudget, { ...this.fields(ctx, row.budget, row.effectiveFrom), pemda: pemdaId, opd: row.opd! });
    await ctx.em.flush().catch((error) => Promise.reject(asPeriodClosed(error)));
    return { applied: true, rows: rows.length, errors };
  }

  private fields(ctx: RequestContext, b: VersionFields, effectiveFrom: string) {
    return {
      fiscalYear: b.fiscalYear, effectiveFrom, goodsServicesBudget: b.goodsServicesBudget, plannedUmkk: b.plannedUmkk, allocatedUmkk: b.allocatedUmkk,
      reason: b.reason?.trim() || null, recordedBy: ctx.actor?.userId ?? null,
    };
  }
}
