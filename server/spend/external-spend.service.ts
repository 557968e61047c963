import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { formatMonth, isIsoDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { badInput, Validation, type FieldError } from '../errors.js';
import { Opd } from '../opd/opd.entity.js';
import { ImportPolicy } from '../imports/import-policy.js';
import { readCsv, tableAsCsv, type TableUpload } from '../imports/spreadsheet.js';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { findInScope } from '../database/find.js';
import { parseRupiahText } from '../money/rupiah.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { inTransaction } from '../transactions/in-transaction.js';
import { isClosed } from './closed-periods.js';
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
  correctsRef?: string | null;
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

/** CSV columns: external_ref, date, opd_code, vendor_name, vendor_nib, amount, channel, umkk, pdn, local, and optionally corrects_ref. */
export function parseExternalSpendCsv(csv: string): Record<string, unknown>[] {
  const records = readCsv(csv);
  const flag = (raw: string | undefined) => (YES.includes((raw ?? '').toLowerCase()) ? true : NO.includes((raw ?? '').toLowerCase()) ? false : null);
  return records.map((r) => ({
    externalRef: r.external_ref,
    spentOn: r.date,
    opdCode: r.opd_code,
    vendorName: r.vendor_name,
    vendorNib: r.vendor_nib || null,
    amount: parseRupiahText(r.amount),
    channel: (r.channel ?? '').toUpperCase(),
    isUmkk: flag(r.umkk),
    isPdn: flag(r.pdn),
    isLocal: flag(r.local),
    correctsRef: r.corrects_ref || null,
  }));
}

const deltaOf = (row: Pick<ExternalSpend, 'amount' | 'isUmkk' | 'isPdn' | 'isLocal'>, sign: 1 | -1) => ({
  total: sign * row.amount,
  umkk: row.isUmkk ? sign * row.amount : 0,
  pdn: row.isPdn ? sign * row.amount : 0,
  local: row.isLocal ? sign * row.amount : 0,
  transactions: sign,
});

const describe = (row: Pick<ExternalSpend, 'spentOn' | 'amount' | 'isUmkk' | 'isPdn' | 'isLocal' | 'channel'> & { opdCode: string }) =>
  `${row.spentOn} ${row.opdCode} Rp${row.amount.toLocaleString('id-ID')} ${row.channel}${row.isUmkk ? ' UMK-K' : ''}${row.isPdn ? ' PDN' : ''}${row.isLocal ? ' lokal' : ''}`;

/**
 * Imports spend made outside the catalogue. Every row is validated; a row whose reference exists corrects it,
 * restating the month it left and the month it lands in, with before and after on the audit log; a row of a closed
 * month cannot be corrected in place: an adjustment row in an open month names it (`correctsRef`, and only an
 * adjustment may be negative). A dry run reports without writing; otherwise all rows (REJECT_ALL) or the good ones
 * (REJECT_FAILED) are written in one transaction, rollups included.
 */
export class ExternalSpendService {
  constructor(private readonly audit: AuditService) {}

  /** From a CSV or XLSX upload, or from rows already parsed (the API's `rows`): exactly one of them. */
  async importFrom(ctx: RequestContext, pemdaId: string, source: TableUpload & { rows?: Record<string, unknown>[] | null }, policy: ImportPolicy, dryRun: boolean): Promise<ExternalImportResult> {
    if (source.rows && (source.csv || source.xlsxBase64)) throw badInput([{ field: 'csv', message: 'Isi salah satu: berkas (csv atau xlsxBase64) atau rows.' }]);
    const rows = source.rows ?? parseExternalSpendCsv(await tableAsCsv(source));
    return this.import(ctx, pemdaId, rows, policy, dryRun);
  }

  async import(ctx: RequestContext, pemdaId: string, raw: Record<string, unknown>[], policy: ImportPolicy, dryRun: boolean): Promise<ExternalImportResult> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    if (!raw.length) throw badInput([{ field: 'rows', message: 'Tidak ada baris untuk diimpor.' }]);
    if (raw.length > 20_000) throw badInput([{ field: 'rows', message: 'Paling banyak 20.000 baris per impor.' }]);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    const opds = new Map((await ctx.em.find(Opd, { pemda: pemdaId })).map((o) => [o.code, o]));
    const opdCodes = new Map([...opds.values()].map((o) => [o.id, o.code]));
    const refs = raw.flatMap((r) => [r.externalRef, r.correctsRef]).filter((x): x is string => typeof x === 'string');
    const existing = new Map((await ctx.em.find(ExternalSpend, { pemda: pemdaId, externalRef: { $in: refs } })).map((e) => [e.externalRef, e]));
    const errors: (FieldError & { row: number })[] = [];
    const seen = new Set<string>();
    const valid: (ExternalSpendRow & { row: number })[] = [];
    raw.forEach((r, i) => {
      const row = r as unknown as ExternalSpendRow;
      const before = existing.get(row.externalRef);
      const adjustment = Boolean(row.correctsRef);
      const v = new Validation()
        .check(typeof row.externalRef === 'string' && /^[\w.\-/:]{1,80}$/.test(row.externalRef), 'externalRef', 'Referensi wajib, 1-80 karakter tanpa spasi.')
        .check(!seen.has(row.externalRef), 'externalRef', `Referensi ${row.externalRef} muncul dua kali dalam berkas.`)
        .check(typeof row.spentOn === 'string' && isIsoDate(row.spentOn), 'date', 'Tanggal berformat YYYY-MM-DD.')
        .check(opds.has(row.opdCode), 'opdCode', `Kode OPD "${row.opdCode ?? ''}" tidak ada di Pemda ini.`)
        .check(typeof row.vendorName === 'string' && row.vendorName.trim().length >= 2, 'vendorName', 'Nama penyedia wajib diisi.')
        .check(!row.vendorNib || /^\d{13}$/.test(row.vendorNib), 'vendorNib', 'NIB 13 digit angka.')
        .check(Number.isSafeInteger(row.amount) && (row.amount > 0 || (adjustment && row.amount < 0)), 'amount', 'Nilai harus bilangan bulat rupiah lebih dari 0 (hanya baris penyesuaian dengan corrects_ref boleh negatif).')
        .check(Object.values(SpendChannel).includes(row.channel) && row.channel !== SpendChannel.CATALOGUE, 'channel', 'Saluran: TENDER, DIRECT, NATIONAL_CATALOGUE, ONLINE_SHOP atau OTHER.')
        .check(typeof row.isUmkk === 'boolean', 'umkk', 'Kolom UMK-K: ya atau tidak.')
        .check(typeof row.isPdn === 'boolean', 'pdn', 'Kolom PDN: ya atau tidak.')
        .check(typeof row.isLocal === 'boolean', 'local', 'Kolom lokal: ya atau tidak.')
        .check(!adjustment || (existing.has(row.correctsRef!) && row.correctsRef !== row.externalRef), 'correctsRef', `Baris yang dikoreksi (${row.correctsRef}) tidak ada di Pemda ini.`);
      if (typeof row.spentOn === 'string' && isIsoDate(row.spentOn)) {
        v.check(!isClosed(pemda, row.spentOn), 'date', `Periode ${formatMonth(row.spentOn.slice(0, 7))} sudah ditutup; koreksi dicatat sebagai baris penyesuaian (corrects_ref) di periode terbuka.`);
      }
      if (before) {
        v.check(!isClosed(pemda, before.spentOn), 'externalRef', `Baris ${row.externalRef} ada di periode yang sudah ditutup (${formatMonth(before.spentOn.slice(0, 7))}); koreksi dengan baris penyesuaian baru yang menyebut corrects_ref.`);
      }
      seen.add(row.externalRef);
      if (v.ok) valid.push({ ...row, row: i + 1 });
      else errors.push(...v.errors.map((e) => ({ ...e, row: i + 1 })));
    });
    const failedCount = new Set(errors.map((e) => e.row)).size;
    const result = { dryRun, created: 0, corrected: 0, unchanged: 0, failedCount, errors };
    const blocked = failedCount > 0 && policy === ImportPolicy.REJECT_ALL;

    const changed: typeof valid = [];
    for (const row of valid) {
      const before = existing.get(row.externalRef);
      const same = before && before.amount === row.amount && before.spentOn === row.spentOn && before.opd.id === opds.get(row.opdCode)!.id && before.isUmkk === row.isUmkk
        && before.isPdn === row.isPdn && before.isLocal === row.isLocal && before.channel === row.channel && (before.correctsRef ?? null) === (row.correctsRef || null);
      if (same) result.unchanged++;
      else {
        if (before) result.corrected++;
        else result.created++;
        changed.push(row);
      }
    }
    if (dryRun || blocked) return { ...result, applied: false };

    await inTransaction(ctx, async (tx) => {
      for (const row of changed) {
        const opd = opds.get(row.opdCode)!;
        const fields = {
          spentOn: row.spentOn, opd, vendorName: row.vendorName.trim(), vendorNib: row.vendorNib || null, amount: row.amount,
          channel: row.channel, isUmkk: row.isUmkk, isPdn: row.isPdn, isLocal: row.isLocal, correctsRef: row.correctsRef || null,
        };
        const before = existing.get(row.externalRef);
        if (before) {
          await applyRollup(tx.em, { pemdaId, opdId: before.opd.id, month: before.spentOn.slice(0, 7), catalogue: false, ...deltaOf(before, -1) });
          const was = describe({ ...before, opdCode: opdCodes.get(before.opd.id)! });
          const merged = tx.em.merge(before);
          Object.assign(merged, fields);
          this.audit.record(tx, { pemdaId, subjectType: AuditSubject.EXTERNAL_SPEND, subjectId: before.id, action: 'CORRECTED', fromStatus: was, toStatus: describe({ ...fields, opdCode: row.opdCode }), reason: `Koreksi lewat impor: ${row.externalRef}` });
        } else {
          tx.em.create(ExternalSpend, { ...fields, pemda: pemdaId, externalRef: row.externalRef });
          if (row.correctsRef) {
            this.audit.record(tx, { pemdaId, subjectType: AuditSubject.EXTERNAL_SPEND, subjectId: existing.get(row.correctsRef)!.id, action: 'ADJUSTED', toStatus: describe({ ...fields, opdCode: row.opdCode }), reason: `Penyesuaian ${row.externalRef} di periode terbuka` });
          }
        }
        await applyRollup(tx.em, { pemdaId, opdId: opd.id, month: row.spentOn.slice(0, 7), catalogue: false, ...deltaOf(fields, 1) });
      }
      await tx.em.flush();
    });
    return { ...result, applied: valid.length > 0 };
  }
}
