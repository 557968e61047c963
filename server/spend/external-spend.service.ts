import { parse } from 'csv-parse/sync';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { isIsoDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { badInput, Validation, type FieldError } from '../errors.js';
import { Opd } from '../opd/opd.entity.js';
import { ImportPolicy } from '../imports/import-policy.js';
import { applyRollup } from './rollup.js';
import { ExternalSpend, SpendChannel } from './spend.entities.js';

export interface ExternalSpendRow {
  externalRef: string;
  spentOn: string;
  opdCode: string;
  vendorName: string;
  vendorNib?: string | null;
  amount: number;
  channel: SpendChannel;
  isUmkk: boolean;
  isPdn: boolean;
  isLocal: boolean;
}

export interface ExternalImportResult {
  applied: boolean;
  dryRun: boolean;
  created: number;
  corrected: number;
  unchanged: number;
  failedCount: number;
  errors: (FieldError & { row: number })[];
}

const YES = ['ya', 'y', 'true', '1', 'yes'];
const NO = ['tidak', 't', 'false', '0', 'no', ''];

/** CSV columns: external_ref, date, opd_code, vendor_name, vendor_nib, amount, channel, umkk, pdn, local. */
export function parseExternalSpendCsv(csv: string): Record<string, unknown>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw badInput([{ field: 'csv', message: `Berkas CSV tidak dapat dibaca: ${(error as Error).message}` }]);
  }
  const flag = (raw: string | undefined) => (YES.includes((raw ?? '').toLowerCase()) ? true : NO.includes((raw ?? '').toLowerCase()) ? false : null);
  const amount = (raw: string | undefined) => {
    const value = (raw ?? '').replace(/^rp\s?/i, '');
    return /^\d{1,3}(\.\d{3})+$/.test(value) ? Number(value.replace(/\./g, '')) : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  };
  return records.map((r) => ({
    externalRef: r.external_ref,
    spentOn: r.date,
    opdCode: r.opd_code,
    vendorName: r.vendor_name,
    vendorNib: r.vendor_nib || null,
    amount: amount(r.amount),
    channel: (r.channel ?? '').toUpperCase(),
    isUmkk: flag(r.umkk),
    isPdn: flag(r.pdn),
    isLocal: flag(r.local),
  }));
}

const deltaOf = (row: Pick<ExternalSpend, 'amount' | 'isUmkk' | 'isPdn' | 'isLocal'>, sign: 1 | -1) => ({
  total: sign * row.amount,
  umkk: row.isUmkk ? sign * row.amount : 0,
  pdn: row.isPdn ? sign * row.amount : 0,
  local: row.isLocal ? sign * row.amount : 0,
  transactions: sign,
});

/**
 * Imports spend made outside the catalogue. Every row is validated; a row whose reference exists corrects it,
 * restating the month it left and the month it lands in; a dry run reports without writing; otherwise all rows
 * (REJECT_ALL) or the good ones (REJECT_FAILED) are written in one transaction, rollups included.
 */
export class ExternalSpendService {
  async import(ctx: RequestContext, pemdaId: string, raw: Record<string, unknown>[], policy: ImportPolicy, dryRun: boolean): Promise<ExternalImportResult> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    if (!raw.length) throw badInput([{ field: 'rows', message: 'Tidak ada baris untuk diimpor.' }]);
    if (raw.length > 20_000) throw badInput([{ field: 'rows', message: 'Paling banyak 20.000 baris per impor.' }]);
    const opds = new Map((await ctx.em.find(Opd, { pemda: pemdaId })).map((o) => [o.code, o]));
    const errors: (FieldError & { row: number })[] = [];
    const seen = new Set<string>();
    const valid: (ExternalSpendRow & { row: number })[] = [];
    raw.forEach((r, i) => {
      const row = r as unknown as ExternalSpendRow;
      const v = new Validation()
        .check(typeof row.externalRef === 'string' && /^[\w.\-/:]{1,80}$/.test(row.externalRef), 'externalRef', 'Referensi wajib, 1-80 karakter tanpa spasi.')
        .check(!seen.has(row.externalRef), 'externalRef', `Referensi ${row.externalRef} muncul dua kali dalam berkas.`)
        .check(typeof row.spentOn === 'string' && isIsoDate(row.spentOn), 'date', 'Tanggal berformat YYYY-MM-DD.')
        .check(opds.has(row.opdCode), 'opdCode', `Kode OPD "${row.opdCode ?? ''}" tidak ada di Pemda ini.`)
        .check(typeof row.vendorName === 'string' && row.vendorName.trim().length >= 2, 'vendorName', 'Nama penyedia wajib diisi.')
        .check(!row.vendorNib || /^\d{13}$/.test(row.vendorNib), 'vendorNib', 'NIB 13 digit angka.')
        .check(Number.isSafeInteger(row.amount) && row.amount > 0, 'amount', 'Nilai harus bilangan bulat rupiah lebih dari 0.')
        .check(Object.values(SpendChannel).includes(row.channel) && row.channel !== SpendChannel.CATALOGUE, 'channel', 'Saluran: TENDER, DIRECT, NATIONAL_CATALOGUE, ONLINE_SHOP atau OTHER.')
        .check(typeof row.isUmkk === 'boolean', 'umkk', 'Kolom UMK-K: ya atau tidak.')
        .check(typeof row.isPdn === 'boolean', 'pdn', 'Kolom PDN: ya atau tidak.')
        .check(typeof row.isLocal === 'boolean', 'local', 'Kolom lokal: ya atau tidak.');
      seen.add(row.externalRef);
      if (v.ok) valid.push({ ...row, row: i + 1 });
      else errors.push(...v.errors.map((e) => ({ ...e, row: i + 1 })));
    });
    const failedCount = new Set(errors.map((e) => e.row)).size;
    const result = { dryRun, created: 0, corrected: 0, unchanged: 0, failedCount, errors };
    const blocked = failedCount > 0 && policy === ImportPolicy.REJECT_ALL;

    const existing = new Map(
      (await ctx.em.find(ExternalSpend, { pemda: pemdaId, externalRef: { $in: valid.map((r) => r.externalRef) } })).map((e) => [e.externalRef, e]),
    );
    for (const row of valid) {
      const before = existing.get(row.externalRef);
      if (!before) result.created++;
      else if (before.amount === row.amount && before.spentOn === row.spentOn && before.opd.id === opds.get(row.opdCode)!.id && before.isUmkk === row.isUmkk && before.isPdn === row.isPdn && before.isLocal === row.isLocal && before.channel === row.channel) result.unchanged++;
      else result.corrected++;
    }
    if (dryRun || blocked) return { ...result, applied: false };

    await ctx.em.transactional(async (em: EntityManager) => {
      for (const row of valid) {
        const opd = opds.get(row.opdCode)!;
        const fields = {
          spentOn: row.spentOn, opd, vendorName: row.vendorName.trim(), vendorNib: row.vendorNib || null, amount: row.amount,
          channel: row.channel, isUmkk: row.isUmkk, isPdn: row.isPdn, isLocal: row.isLocal,
        };
        const before = existing.get(row.externalRef);
        if (before) {
          await applyRollup(em, { pemdaId, opdId: before.opd.id, month: before.spentOn.slice(0, 7), catalogue: false, ...deltaOf(before, -1) });
          const merged = em.merge(before);
          Object.assign(merged, fields);
        } else {
          em.create(ExternalSpend, { ...fields, pemda: pemdaId, externalRef: row.externalRef });
        }
        await applyRollup(em, { pemdaId, opdId: opd.id, month: row.spentOn.slice(0, 7), catalogue: false, ...deltaOf(fields, 1) });
      }
    });
    return { ...result, applied: valid.length > 0 };
  }
}
