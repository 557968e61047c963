import { readTable } from '../imports/spreadsheet.js';
import { parseRupiahText } from '../money/rupiah.js';
import { assertManagesPemda, managesPemda, requireActor } from '../auth/scope.js';
import { AuditSubject } from '../audit/audit-log.entity.js';
import { notify } from '../notifications/notify.js';
import { dateName, rupiah } from '../reports/indonesian.js';
import { isIsoDate, localDate, startOfLocalDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, forbidden, notFound, requireReason, Validation, type FieldError } from '../errors.js';
import { Role, User } from '../identity/user.entity.js';
import { Product } from '../catalogue/product.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Vendor, VendorStatus } from '../vendor/vendor.entity.js';
import { Asn, AsnGrade, AsnProgramme, AsnPurchaseReport, MinimumRule, Outlet, OutletKind, ReportStatus, SIMADU_MINIMUMS } from './asn.entities.js';
import { parseNip } from './nip.js';
import { findInScope } from '../database/find.js';
import { UploadKind } from '../uploads/upload.entity.js';

export interface ProgrammeInput {
  pemdaId: string;
  name: string;
  startMonth: string;
  minimumRule: MinimumRule;
  gradeMinimums?: Partial<Record<AsnGrade, number>> | null;
  tppPercent?: number | null;
  tppFloor?: number | null;
  reportDeadlineDay?: number | null;
  basicNeedsOnly?: boolean | null;
  outlets?: { name: string; kind: OutletKind }[] | null;
}

export interface AsnRow {
  nip: string;
  name: string;
  opdCode: string;
  grade: AsnGrade;
  tppAmount?: number | null;
}

export interface ReportInput {
  programmeId: string;
  purchasedOn: string;
  outletId?: string | null;
  vendorId?: string | null;
  amount: number;
  items: string;
  /** Catalogue products bought; when given, basic needs is derived from their categories. */
  productIds?: string[] | null;
  basicNeeds?: boolean | null;
  /** The receipt photo, uploaded first (POST /uploads?kind=RECEIPT): its hash is the server's, never the ASN's. */
  receiptUploadId: string;
}

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first instant after a month's reporting deadline: the end of day `deadlineDay` of the following month. */
export function reportingClosesAt(month: string, deadlineDay: number, timeZone: string): Date {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? [y + 1, 1] : [y, m + 1];
  return startOfLocalDate(`${next[0]}-${String(next[1]).padStart(2, '0')}-${String(deadlineDay + 1).padStart(2, '0')}`, timeZone);
}

/**
 * The latest month whose reporting has closed at `now` (its figures final), by the same rule as `reportingClosesAt`;
 * null while the programme's first month is still open.
 */
export function latestClosedMonth(startMonth: string, deadlineDay: number, timeZone: string, now: Date): string | null {
  const [y, m] = localDate(now, timeZone).split('-').map(Number);
  for (const back of [1, 2]) {
    const month = new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
    if (reportingClosesAt(month, deadlineDay, timeZone) <= now) return month >= startMonth ? month : null;
  }
  return null;
}

/** What an ASN must spend in a month: by grade, or a percent of TPP with a floor. */
export function requiredAmount(programme: AsnProgramme, asn: Pick<Asn, 'grade' | 'tppAmount'>): number {
  if (programme.minimumRule === MinimumRule.BY_GRADE) return programme.gradeMinimums[asn.grade];
  const share = Math.ceil(((asn.tppAmount ?? 0) * Math.round((programme.tppPercent ?? 0) * 100)) / 10_000);
  return Math.max(programme.tppFloor ?? 0, share);
}

/** How a purchase stands for a programme: late reports never count; outside the basic-needs rule it does not count. */
export function reportStatus(programme: Pick<AsnProgramme, 'basicNeedsOnly'>, basicNeeds: boolean, late: boolean): ReportStatus {
  if (late) return ReportStatus.LATE;
  return programme.basicNeedsOnly && !basicNeeds ? ReportStatus.NOT_COUNTED : ReportStatus.COUNTED;
}

/** The registered ASN behind the calling account; anyone else is refused with `message`. */
export async function currentAsn(ctx: RequestContext, message: string): Promise<Asn> {
  const actor = requireActor(ctx);
  const user = actor.role === Role.ASN ? await ctx.em.findOne(User, actor.userId) : null;
  if (!user?.asn) throw forbidden(message);
  return ctx.em.findOneOrFail(Asn, user.asn.id);
}

export class AsnService {
  async createProgramme(ctx: RequestContext, input: ProgrammeInput): Promise<AsnProgramme> {
    assertManagesPemda(requireActor(ctx), input.pemdaId);
    const minimums = { ...SIMADU_MINIMUMS, ...(input.gradeMinimums ?? {}) };
    const v = new Validation()
      .check((input.name ?? '').trim().length >= 3, 'name', 'Nama program wajib diisi.')
      .check(MONTH.test(input.startMonth ?? ''), 'startMonth', 'Bulan mulai berformat YYYY-MM.')
      .check(Object.values(minimums).every((n) => Number.isSafeInteger(n) && n >= 0), 'gradeMinimums', 'Minimal per jabatan berupa bilangan bulat rupiah.')
      .check((input.reportDeadlineDay ?? 10) >= 1 && (input.reportDeadlineDay ?? 10) <= 28, 'reportDeadlineDay', 'Batas lapor tanggal 1-28 bulan berikutnya.');
    if (input.minimumRule === MinimumRule.PERCENT_OF_TPP) {
      v.check(input.tppPercent != null && input.tppPercent > 0 && input.tppPercent <= 100, 'tppPercent', 'Persen TPP lebih dari 0 sampai 100.');
      v.check(input.tppFloor == null || (Number.isSafeInteger(input.tppFloor) && input.tppFloor >= 0), 'tppFloor', 'Batas bawah berupa bilangan bulat rupiah.');
    }
    for (const outlet of input.outlets ?? []) v.check(outlet.name.trim().length >= 3, 'outlets', 'Nama gerai minimal 3 karakter.');
    v.throwIfInvalid();
    const programme = ctx.em.create(AsnProgramme, {
      pemda: input.pemdaId,
      name: input.name.trim(),
      startMonth: input.startMonth,
      minimumRule: input.minimumRule,
      gradeMinimums: minimums,
      tppPercent: input.tppPercent ?? null,
      tppFloor: input.tppFloor ?? null,
      reportDeadlineDay: input.reportDeadlineDay ?? 10,
      basicNeedsOnly: input.basicNeedsOnly ?? false,
    });
    for (const outlet of input.outlets ?? []) ctx.em.create(Outlet, { programme, name: outlet.name.trim(), kind: outlet.kind });
    await ctx.em.flush();
    return programme;
  }

  /** The ASN registry: every row checked (NIP, OPD, grade), all rows or none; a known NIP is updated. */
  /** A Pemda's ASN purchase programmes, newest first (public). */
  programmes(ctx: RequestContext, pemdaId: string): Promise<AsnProgramme[]> {
    return ctx.em.find(AsnProgramme, { pemda: pemdaId }, { orderBy: { startMonth: 'desc' } });
  }

  /** The registry from rows, or from a CSV with columns nip, name, opd_code, grade, tpp (rupiah, dots allowed). */
  async importAsn(ctx: RequestContext, pemdaId: string, source: { rows?: AsnRow[] | null; csv?: string | null; xlsxBase64?: string | null }, dryRun: boolean): Promise<{ applied: boolean; created: number; updated: number; errors: (FieldError & { row: number })[] }> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const file = Boolean(source.csv || source.xlsxBase64);
    if (file === Boolean(source.rows)) throw badInput([{ field: 'csv', message: 'Isi salah satu: csv, xlsxBase64 atau rows.' }]);
    const rows: AsnRow[] = file
      ? (await readTable(source)).map((r) => ({
          nip: r.nip, name: r.name, opdCode: r.opd_code, grade: r.grade as AsnGrade, tppAmount: r.tpp ? parseRupiahText(r.tpp) : null,
        }))
      : source.rows!;
    if (!rows.length) throw badInput([{ field: 'rows', message: 'Tidak ada baris untuk diimpor.' }]);
    const opds = new Map((await ctx.em.find(Opd, { pemda: pemdaId })).map((o) => [o.code, o]));
    const existing = new Map((await ctx.em.find(Asn, { nip: { $in: rows.map((r) => r.nip) } })).map((a) => [a.nip, a]));
    const errors: (FieldError & { row: number })[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const nip = parseNip(r.nip ?? '');
      const v = new Validation()
        .check(typeof nip !== 'string', 'nip', typeof nip === 'string' ? nip : '')
        .check(!seen.has(r.nip), 'nip', 'NIP muncul dua kali dalam berkas.')
        .check(!existing.has(r.nip) || existing.get(r.nip)!.pemda.id === pemdaId, 'nip', 'NIP ini terdaftar di Pemda lain.')
        .check((r.name ?? '').trim().length >= 3, 'name', 'Nama wajib diisi.')
        .check(opds.has(r.opdCode), 'opdCode', `Kode OPD "${r.opdCode ?? ''}" tidak ada di Pemda ini.`)
        .check(Object.values(AsnGrade).includes(r.grade), 'grade', 'Jabatan: PELAKSANA, ESELON_IV, ESELON_III, KEPALA_OPD atau ESELON_II.')
        .check(r.tppAmount == null || (Number.isSafeInteger(r.tppAmount) && r.tppAmount >= 0), 'tppAmount', 'TPP berupa bilangan bulat rupiah.');
      seen.add(r.nip);
      errors.push(...v.errors.map((e) => ({ ...e, row: i + 1 })));
    });
    const updated = rows.filter((r) => existing.has(r.nip)).length;
    if (errors.length || dryRun) return { applied: false, created: rows.length - updated, updated, errors };
    for (const r of rows) {
      const fields = { name: r.name.trim(), opd: opds.get(r.opdCode)!, grade: r.grade, tppAmount: r.tppAmount ?? null };
      const asn = existing.get(r.nip);
      if (asn) Object.assign(asn, fields);
      else ctx.em.create(Asn, { ...fields, pemda: pemdaId, nip: r.nip });
    }
    await ctx.em.flush();
    return { applied: true, created: rows.length - updated, updated, errors };
  }

  /**
   * An ASN reports a purchase. It belongs to the month of its date; after that month's deadline (end of day in
   * the Pemda time zone) it is stored but LATE and does not count. A receipt photo already reported in the Pemda (by the hash the server computed) is a CONFLICT.
   */
  async report(ctx: RequestContext, input: ReportInput): Promise<AsnPurchaseReport> {
    const asn = await currentAsn(ctx, 'Hanya akun ASN yang terdaftar yang dapat melaporkan belanja.');
    const programme = await findInScope(ctx.em, AsnProgramme, { id: input.programmeId, pemda: asn.pemda }, 'Program');
    const pemda = await ctx.em.findOneOrFail(Pemda, asn.pemda.id);
    const today = localDate(ctx.now(), pemda.timeZone);
    const v = new Validation()
      .check(isIsoDate(input.purchasedOn ?? '') && input.purchasedOn <= today, 'purchasedOn', 'Tanggal belanja berformat YYYY-MM-DD dan tidak di masa depan.')
      .check((input.purchasedOn ?? '').slice(0, 7) >= programme.startMonth, 'purchasedOn', `Program ini berlaku mulai ${programme.startMonth}.`)
      .check(Number.isSafeInteger(input.amount) && input.amount > 0, 'amount', 'Nilai belanja bilangan bulat rupiah lebih dari 0.')
      .check((input.items ?? '').trim().length >= 3, 'items', 'Sebutkan barang yang dibeli.')
      .check(Boolean(input.outletId) !== Boolean(input.vendorId), 'outletId', 'Pilih satu: gerai program atau penyedia katalog.');
    v.throwIfInvalid();
    const [receipt] = await ctx.services.uploads.ownUploads(ctx, [input.receiptUploadId ?? ''], UploadKind.RECEIPT, 'receiptUploadId');
    const outlet = input.outletId ? await ctx.em.findOne(Outlet, { id: input.outletId, programme }) : null;
    const vendor = input.vendorId ? await ctx.em.findOne(Vendor, { id: input.vendorId, pemda: asn.pemda, status: VendorStatus.VERIFIED }) : null;
    if (input.outletId && !outlet) throw notFound('Gerai');
    if (input.vendorId && !vendor) throw notFound('Penyedia');
    const productIds = [...new Set(input.productIds ?? [])];
    let basicNeeds = input.basicNeeds ?? false;
    if (productIds.length) {
      const products = await ctx.em.find(Product, { id: { $in: productIds }, pemda: asn.pemda }, { populate: ['category'] });
      if (products.length !== productIds.length) throw badInput([{ field: 'productIds', message: 'Ada produk yang tidak ada di katalog Pemda ini.' }]);
      basicNeeds = products.every((p) => p.category.getEntity().basicNeeds);
    } else if (input.basicNeeds == null) {
      throw badInput([{ field: 'basicNeeds', message: 'Sebutkan apakah barang yang dibeli kebutuhan pokok, atau pilih produknya dari katalog.' }]);
    }
    // One receipt counts once in the Pemda, whoever reports it and whatever amount is typed beside it.
    if (await ctx.em.count(AsnPurchaseReport, { receiptImageHash: receipt.sha256, asn: { pemda: asn.pemda } })) {
      throw conflict('Foto struk ini sudah pernah dilaporkan; satu struk hanya dihitung sekali.');
    }
    // A purchase made through the platform already counts; reporting it again by hand would count it twice.
    if (vendor && (await ctx.em.count(AsnPurchaseReport, { asn, vendor, amount: input.amount, purchasedOn: input.purchasedOn, order: { $ne: null } }))) {
      throw conflict('Belanja ini sudah tercatat otomatis karena dibeli lewat platform; tidak perlu dilaporkan lagi.');
    }

    const month = input.purchasedOn.slice(0, 7);
    const late = ctx.now() >= reportingClosesAt(month, programme.reportDeadlineDay, pemda.timeZone);
    const status = reportStatus(programme, basicNeeds, late);
    const report = ctx.em.create(AsnPurchaseReport, {
      programme, asn, outlet, vendor, purchasedOn: input.purchasedOn, month, amount: input.amount, items: input.items.trim(),
      basicNeeds, productIds, receiptImageUrl: receipt.url, receiptImageHash: receipt.sha256, reportedAt: ctx.now(), status,
    });
    await ctx.em.flush();
    return report;
  }

  /** BPBJ gives a registered ASN a login to report purchases. */
  async createAccount(ctx: RequestContext, asnId: string, email: string, password: string): Promise<User> {
    const asn = await findInScope(ctx.em, Asn, asnId, 'ASN');
    assertManagesPemda(requireActor(ctx), asn.pemda.id);
    const user = await ctx.services.identity.createUser(ctx, { email, password, fullName: asn.name, role: Role.ASN, opdId: asn.opd.id });
    user.asn = ctx.em.getReference(Asn, asn.id, { wrapped: true });
    await ctx.em.flush();
    return user;
  }

  /** Marks (or clears) a month of leave: the ASN is EXEMPT that month. */
  async setExempt(ctx: RequestContext, asnId: string, month: string, exempt: boolean): Promise<Asn> {
    const asn = await findInScope(ctx.em, Asn, asnId, 'ASN');
    assertManagesPemda(requireActor(ctx), asn.pemda.id);
    new Validation().check(MONTH.test(month), 'month', 'Bulan berformat YYYY-MM.').throwIfInvalid();
    asn.exemptMonths = exempt ? [...new Set([...asn.exemptMonths, month])].sort() : asn.exemptMonths.filter((m) => m !== month);
    await ctx.em.flush();
    return asn;
  }

  /**
   * Who reviews an ASN's reports: the head of the ASN's OPD, and its Pemda's BPBJ. The one rule the list and the
   * rejection share.
   */
  private assertReviews(ctx: RequestContext, asn: Asn): void {
    const actor = requireActor(ctx);
    const allowed = (actor.role === Role.KEPALA_OPD && actor.opdId === asn.opd.id) || managesPemda(actor, asn.pemda.id);
    if (!allowed) throw forbidden('Hanya kepala OPD pegawai ini atau BPBJ yang dapat memeriksa laporannya.');
  }

  /** One ASN's reports of a month, for the head of its OPD or BPBJ to check against their receipts. */
  async reportsOf(ctx: RequestContext, asnId: string, month: string): Promise<AsnPurchaseReport[]> {
    const asn = await findInScope(ctx.em, Asn, asnId, 'ASN');
    this.assertReviews(ctx, asn);
    new Validation().check(MONTH.test(month ?? ''), 'month', 'Bulan berformat YYYY-MM.').throwIfInvalid();
    return ctx.em.find(AsnPurchaseReport, { asn, month }, { orderBy: { purchasedOn: 'asc', id: 'asc' } });
  }

  /**
   * The OPD head (of the ASN's OPD) or BPBJ rejects a report, with a reason: a receipt that does not show what was
   * reported. On the audit log, and the ASN is told why. A purchase through the catalogue was confirmed by its vendor
   * and is not a report to reject; a rejected one stays rejected.
   */
  async reject(ctx: RequestContext, reportId: string, reasonInput: string): Promise<AsnPurchaseReport> {
    const report = await findInScope(ctx.em, AsnPurchaseReport, reportId, 'Laporan', { populate: ['asn'] });
    const asn = report.asn.getEntity();
    this.assertReviews(ctx, asn);
    const reason = requireReason(reasonInput);
    if (report.order) throw conflict('Pembelian lewat katalog sudah dikonfirmasi penyedia; laporan ini tidak dapat ditolak.');
    if (report.status === ReportStatus.REJECTED) throw conflict('Laporan ini sudah ditolak.');
    const before = report.status;
    report.rejectionReason = reason;
    report.status = ReportStatus.REJECTED;
    ctx.services.audit.record(ctx, {
      pemdaId: asn.pemda.id, subjectType: AuditSubject.ASN_REPORT, subjectId: report.id, action: 'REJECTED', fromStatus: before, toStatus: ReportStatus.REJECTED, reason,
    });
    notify(ctx, await ctx.em.find(User, { asn, role: Role.ASN }), {
      kind: 'ASN_REPORT_REJECTED',
      title: `Laporan belanja ${dateName(report.purchasedOn)} ditolak`,
      body: `${rupiah(report.amount)} (${report.items}) tidak dihitung: ${reason}`,
      link: '/asn',
    });
    await ctx.em.flush();
    return report;
  }

  /** An ASN's own reports; nobody else's. */
  async myReports(ctx: RequestContext): Promise<AsnPurchaseReport[]> {
    const asn = await currentAsn(ctx, 'Hanya akun ASN yang memiliki laporan belanja.');
    return ctx.em.find(AsnPurchaseReport, { asn }, { orderBy: { purchasedOn: 'desc', id: 'desc' } });
  }
}
