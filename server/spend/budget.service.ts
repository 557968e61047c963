import { parse } from 'csv-parse/sync';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput, Validation, type FieldError } from '../errors.js';
import { Opd } from '../opd/opd.entity.js';
import { OpdBudget } from './spend.entities.js';
import { findInScope } from '../database/find.js';

export interface BudgetInput {
  opdId: string;
  fiscalYear: number;
  goodsServicesBudget: number;
  plannedUmkk: number;
  allocatedUmkk: number;
}

const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function checkBudget(v: Validation, b: Omit<BudgetInput, 'opdId'>, prefix = ''): void {
  v.check(Number.isInteger(b.fiscalYear) && b.fiscalYear >= 2000 && b.fiscalYear <= 2100, `${prefix}fiscalYear`, 'Tahun anggaran 2000-2100.')
    .check(whole(b.goodsServicesBudget), `${prefix}goodsServicesBudget`, 'Pagu belanja barang/jasa harus bilangan bulat rupiah 0 atau lebih.')
    .check(whole(b.plannedUmkk) && b.plannedUmkk <= b.goodsServicesBudget, `${prefix}plannedUmkk`, 'Rencana UMK-K bilangan bulat, tidak melebihi pagu.')
    .check(whole(b.allocatedUmkk) && b.allocatedUmkk <= b.goodsServicesBudget, `${prefix}allocatedUmkk`, 'Alokasi UMK-K bilangan bulat, tidak melebihi pagu.');
}

export class BudgetService {
  async set(ctx: RequestContext, input: BudgetInput): Promise<OpdBudget> {
    const opd = await findInScope(ctx.em, Opd, input.opdId, 'OPD');
    assertManagesPemda(requireActor(ctx), opd.pemda.id);
    const v = new Validation();
    checkBudget(v, input);
    v.throwIfInvalid();
    const budget = (await ctx.em.findOne(OpdBudget, { opd, fiscalYear: input.fiscalYear })) ?? ctx.em.create(OpdBudget, { ...input, pemda: opd.pemda, opd });
    Object.assign(budget, { goodsServicesBudget: input.goodsServicesBudget, plannedUmkk: input.plannedUmkk, allocatedUmkk: input.allocatedUmkk });
    await ctx.em.flush();
    return budget;
  }

  /** CSV with columns opd_code, fiscal_year, goods_services_budget, planned_umkk, allocated_umkk: all rows or none. */
  async importCsv(ctx: RequestContext, pemdaId: string, csv: string, dryRun: boolean): Promise<{ applied: boolean; rows: number; errors: (FieldError & { row: number })[] }> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    let records: Record<string, string>[];
    try {
      records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw badInput([{ field: 'csv', message: `Berkas CSV tidak dapat dibaca: ${(error as Error).message}` }]);
    }
    const opds = new Map((await ctx.em.find(Opd, { pemda: pemdaId })).map((o) => [o.code, o]));
    const errors: (FieldError & { row: number })[] = [];
    const rows = records.map((r, i) => {
      const v = new Validation();
      const number = (x: string | undefined) => (x && /^\d+$/.test(x.replace(/\./g, '')) ? Number(x.replace(/\./g, '')) : Number.NaN);
      const budget = { fiscalYear: Number(r.fiscal_year), goodsServicesBudget: number(r.goods_services_budget), plannedUmkk: number(r.planned_umkk), allocatedUmkk: number(r.allocated_umkk) };
      v.check(opds.has(r.opd_code), 'opd_code', `Kode OPD "${r.opd_code ?? ''}" tidak ada di Pemda ini.`);
      checkBudget(v, budget);
      errors.push(...v.errors.map((e) => ({ ...e, row: i + 1 })));
      return { opd: opds.get(r.opd_code), ...budget };
    });
    if (errors.length || dryRun) return { applied: false, rows: rows.length, errors };
    for (const row of rows) {
      const existing = await ctx.em.findOne(OpdBudget, { opd: row.opd!, fiscalYear: row.fiscalYear });
      const { opd, ...fields } = row;
      if (existing) Object.assign(existing, fields);
      else ctx.em.create(OpdBudget, { ...fields, pemda: pemdaId, opd: opd! });
    }
    await ctx.em.flush();
    return { applied: true, rows: rows.length, errors };
  }
}
