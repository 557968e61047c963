import { patternProblem } from '../documents/order-documents.js';
import { assertManagesPemda, requireActor, requireRole } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, requireReason, Validation } from '../errors.js';
import { Role } from '../identity/user.entity.js';
import { Pemda, PemdaKind } from './pemda.entity.js';
import { categoryTree, createCategoryTree, createDefaultSynonyms } from '../catalogue/standard-categories.js';
import { findInScope } from '../database/find.js';

export interface PemdaInput {
  name: string;
  kind: PemdaKind;
  province: string;
  kemendagriCode: string;
  timeZone: string;
  localSpendTargetPercent?: number | null;
  catalogueSpendTarget?: number | null;
  listedProductsTarget?: number | null;
}

/** What the platform admin may correct of a Pemda after registering it; each field left out stays. */
export type PemdaIdentityInput = { [K in 'name' | 'kind' | 'province' | 'kemendagriCode' | 'timeZone']?: PemdaInput[K] | null } & { reason: string };

export type PemdaTargetsInput = Pick<PemdaInput, 'localSpendTargetPercent' | 'catalogueSpendTarget' | 'listedProductsTarget'>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}

/** Perpres 12/2021 Pasal 65: at least 40% of goods/services spend to UMK-K. A Pemda may aim higher, never lower. */
export const LEGAL_UMKK_FLOOR_PERCENT = 40;

/** A Pemda's identity as registered; a field left out (null) is not checked, as in a correction. */
function checkIdentity(v: Validation, input: Omit<PemdaIdentityInput, 'reason'>): Validation {
  return v
    .check(input.name == null || input.name.trim().length >= 3, 'name', 'Nama Pemda wajib diisi.')
    .check(input.province == null || input.province.trim().length >= 3, 'province', 'Provinsi wajib diisi.')
    .check(input.kemendagriCode == null || /^\d{2}\.\d{2}$/.test(input.kemendagriCode), 'kemendagriCode', 'Kode Kemendagri berformat NN.NN, misalnya 35.79.')
    .check(input.timeZone == null || isTimeZone(input.timeZone), 'timeZone', 'Zona waktu harus nama IANA, misalnya Asia/Jakarta, Asia/Makassar atau Asia/Jayapura.');
}

const identityOf = (p: Pemda) => `${p.name}; ${p.kind}; ${p.province}; ${p.kemendagriCode}; ${p.timeZone}`;

function checkTargets(v: Validation, input: PemdaTargetsInput): void {
  const pct = input.localSpendTargetPercent;
  v.check(
    pct == null || (pct >= LEGAL_UMKK_FLOOR_PERCENT && pct <= 100 && Math.round(pct * 100) === pct * 100),
    'localSpendTargetPercent',
    `Target porsi UMK-K ${LEGAL_UMKK_FLOOR_PERCENT} sampai 100 persen, paling banyak dua desimal: batas bawah ${LEGAL_UMKK_FLOOR_PERCENT}% ditetapkan Perpres 12/2021 Pasal 65.`,
  );
  v.check(input.catalogueSpendTarget == null || input.catalogueSpendTarget >= 0, 'catalogueSpendTarget', 'Target belanja katalog tidak boleh negatif.');
  v.check(input.listedProductsTarget == null || input.listedProductsTarget >= 0, 'listedProductsTarget', 'Target jumlah produk tidak boleh negatif.');
}

export class PemdaService {
  constructor(private readonly audit: AuditService) {}

  list(ctx: RequestContext): Promise<Pemda[]> {
    return ctx.em.find(Pemda, {}, { orderBy: { name: 'asc' } });
  }

  async get(ctx: RequestContext, id: string): Promise<Pemda> {
    const pemda = await findInScope(ctx.em, Pemda, id, 'Pemda');
    return pemda;
  }

  async create(ctx: RequestContext, input: PemdaInput): Promise<Pemda> {
    requireRole(ctx, Role.PLATFORM_ADMIN);
    const v = checkIdentity(new Validation(), input);
    checkTargets(v, input);
    v.throwIfInvalid();
    if (await ctx.em.count(Pemda, { kemendagriCode: input.kemendagriCode })) {
      throw conflict(`Pemda dengan kode ${input.kemendagriCode} sudah terdaftar.`);
    }
    const pemda = ctx.em.create(Pemda, {
      name: input.name.trim(),
      kind: input.kind,
      province: input.province.trim(),
      kemendagriCode: input.kemendagriCode,
      timeZone: input.timeZone,
      localSpendTargetPercent: input.localSpendTargetPercent ?? 40,
      catalogueSpendTarget: input.catalogueSpendTarget ?? 0,
      listedProductsTarget: input.listedProductsTarget ?? 0,
    });
    // A new Pemda opens with the standard category tree and search synonyms, which its BPBJ then edits: its vendors
    // can list products on the first day. One flush: the Pemda, its tree and its synonyms, or none of them.
    await createCategoryTree(ctx.em, pemda, categoryTree());
    await createDefaultSynonyms(ctx.em, pemda);
    await ctx.em.flush();
    return pemda;
  }

  /**
   * The platform admin corrects a Pemda registered with a typo, or renamed, with the reason, on the audit log. The
   * Kemendagri code and the time zone are fixed once the Pemda has an order, recorded spend or an ASN programme: the
   * zone places every order, receipt and report in its day and month, and the code names its open-data address and
   * its documents, so changing either would move or rename what is already on the record.
   */
  async updateIdentity(ctx: RequestContext, id: string, input: PemdaIdentityInput): Promise<Pemda> {
    requireRole(ctx, Role.PLATFORM_ADMIN);
    const pemda = await this.get(ctx, id);
    checkIdentity(new Validation(), input).throwIfInvalid();
    const reason = requireReason(input.reason);
    const code = input.kemendagriCode ?? pemda.kemendagriCode;
    const zone = input.timeZone ?? pemda.timeZone;
    if (code !== pemda.kemendagriCode || zone !== pemda.timeZone) {
      const [{ used }] = await ctx.em.getConnection().execute<{ used: boolean }[]>(
        `select exists (select 1 from purchase_order where pemda_id = ?) or exists (select 1 from spend_rollup where pemda_id = ?) or exists (select 1 from asn_programme where pemda_id = ?) as used`,
        [pemda.id, pemda.id, pemda.id],
      );
      if (used) throw conflict('Kode Kemendagri dan zona waktu tidak dapat diubah lagi: Pemda ini sudah mencatat pesanan, belanja atau program ASN, yang tanggal dan nomornya bergantung pada keduanya.');
      if (code !== pemda.kemendagriCode && (await ctx.em.count(Pemda, { kemendagriCode: code }))) throw conflict(`Pemda dengan kode ${code} sudah terdaftar.`);
    }
    const before = identityOf(pemda);
    pemda.name = input.name?.trim() ?? pemda.name;
    pemda.kind = input.kind ?? pemda.kind;
    pemda.province = input.province?.trim() ?? pemda.province;
    pemda.kemendagriCode = code;
    pemda.timeZone = zone;
    if (identityOf(pemda) === before) throw conflict('Tidak ada yang berubah.');
    this.audit.record(ctx, { pemdaId: pemda.id, subjectType: AuditSubject.PEMDA, subjectId: pemda.id, action: 'CORRECTED', fromStatus: before, toStatus: identityOf(pemda), reason });
    await ctx.em.flush();
    return pemda;
  }

  /** BPBJ sets its own Pemda's targets; the platform admin any Pemda's. */
  async updateTargets(ctx: RequestContext, id: string, input: PemdaTargetsInput): Promise<Pemda> {
    const actor = requireActor(ctx);
    const pemda = await this.get(ctx, id);
    assertManagesPemda(actor, pemda.id);
    const v = new Validation();
    checkTargets(v, input);
    v.throwIfInvalid();
    if (input.localSpendTargetPercent != null) pemda.localSpendTargetPercent = input.localSpendTargetPercent;
    if (input.catalogueSpendTarget != null) pemda.catalogueSpendTarget = input.catalogueSpendTarget;
    if (input.listedProductsTarget != null) pemda.listedProductsTarget = input.listedProductsTarget;
    await ctx.em.flush();
    return pemda;
  }

  /** BPBJ sets the repeat-vendor rule: after `limit` orders from one vendor within `windowDays`, the next is flagged. */
  async setRepeatVendorRule(ctx: RequestContext, id: string, limit: number, windowDays: number): Promise<Pemda> {
    const pemda = await this.get(ctx, id);
    assertManagesPemda(requireActor(ctx), pemda.id);
    new Validation()
      .check(Number.isInteger(limit) && limit >= 0 && limit <= 100, 'limit', 'Batas pesanan 0 (tidak dipakai) sampai 100.')
      .check(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 366, 'windowDays', 'Jangka waktu 1 sampai 366 hari.')
      .throwIfInvalid();
    pemda.repeatVendorLimit = limit;
    pemda.repeatVendorWindowDays = windowDays;
    await ctx.em.flush();
    return pemda;
  }

  /** BPBJ sets how its order documents are numbered; documents already issued keep their numbers. */
  async setDocumentNumberPattern(ctx: RequestContext, id: string, pattern: string): Promise<Pemda> {
    const pemda = await this.get(ctx, id);
    assertManagesPemda(requireActor(ctx), pemda.id);
    const problem = patternProblem(pattern ?? '');
    if (problem) throw badInput([{ field: 'pattern', message: problem }]);
    pemda.documentNumberPattern = pattern;
    await ctx.em.flush();
    return pemda;
  }
}
