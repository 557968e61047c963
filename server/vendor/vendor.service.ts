import { notifyBpbj, notifyVendor } from '../notifications/notify.js';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { UploadKind } from '../uploads/upload.entity.js';
import { VendorDocument, type VendorDocumentKind } from './vendor-document.entity.js';
import { checkNewPassword, hashPassword } from '../auth/password.js';
import { assertManagesPemda, managesPemda, requireActor } from '../auth/scope.js';
import type { Actor, RequestContext } from '../context.js';
import { conflict, forbidden, notFound, requireReason, Validation } from '../errors.js';
import { normaliseEmail } from '../identity/identity.service.js';
import { Role, User } from '../identity/user.entity.js';
import { paginate, queueOrder, type Page, type PageArgs, type QueueOrder } from '../database/pagination.js';
import type { FilterQuery } from '@mikro-orm/core';
import { Pemda } from '../pemda/pemda.entity.js';
import { isEmail, isNib, normaliseNpwp, normalisePhone } from './identifiers.js';
import { BusinessScale, isUmkk, Vendor, VendorStatus, type ClassificationFields } from './vendor.entity.js';
import { BUSINESS_SCALE, label } from '../reports/indonesian.js';
import { findInScope } from '../database/find.js';

export interface VendorProfileInput {
  businessName: string;
  ownerName: string;
  nib: string;
  npwp: string;
  scale: BusinessScale;
  isKoperasi?: boolean | null;
  domicileRegionCode: string;
  domicileRegionName: string;
  district: string;
  address: string;
  phone: string;
  contactEmail?: string | null;
  bankName?: string | null;
  bankAccountNumber?: string | null;
  bankAccountName?: string | null;
}

export interface VendorRegistrationInput extends VendorProfileInput {
  pemdaId: string;
  email: string;
  password: string;
}

/** Checks a profile and returns its normal form (NPWP digits, +62 phone), or throws naming every bad field. */
function normaliseProfile(input: VendorProfileInput, v = new Validation()) {
  const npwp = normaliseNpwp(input.npwp ?? '');
  const phone = normalisePhone(input.phone ?? '');
  const contactEmail = input.contactEmail ? normaliseEmail(input.contactEmail) : null;
  v.check((input.businessName ?? '').trim().length >= 3, 'businessName', 'Nama usaha minimal 3 karakter.')
    .check((input.ownerName ?? '').trim().length >= 3, 'ownerName', 'Nama pemilik minimal 3 karakter.')
    .check(isNib(input.nib ?? ''), 'nib', 'NIB harus 13 digit angka.')
    .check(npwp !== null, 'npwp', 'NPWP harus 15 atau 16 digit angka.')
    .check(/^\d{2}\.\d{2}$/.test(input.domicileRegionCode ?? ''), 'domicileRegionCode', 'Kode wilayah domisili berformat NN.NN, misalnya 35.79.')
    .check((input.domicileRegionName ?? '').trim().length >= 3, 'domicileRegionName', 'Nama kota/kabupaten domisili wajib diisi.')
    .check((input.district ?? '').trim().length >= 3, 'district', 'Kecamatan wajib diisi.')
    .check((input.address ?? '').trim().length >= 5, 'address', 'Alamat wajib diisi.')
    .check(phone !== null, 'phone', 'Nomor telepon Indonesia tidak valid (contoh: 0812-3456-7890).')
    .check(contactEmail === null || isEmail(contactEmail), 'contactEmail', 'Format email usaha tidak valid.');
  const bank = [input.bankName, input.bankAccountNumber, input.bankAccountName].filter((x) => x != null && x !== '');
  v.check(bank.length === 0 || bank.length === 3, 'bankAccountNumber', 'Rekening bank diisi lengkap: nama bank, nomor dan nama pemilik rekening.');
  v.check(!input.bankAccountNumber || /^\d{6,20}$/.test(input.bankAccountNumber), 'bankAccountNumber', 'Nomor rekening 6-20 digit angka.');
  v.throwIfInvalid();
  return {
    businessName: input.businessName.trim(),
    ownerName: input.ownerName.trim(),
    nib: input.nib,
    npwp: npwp!,
    scale: input.scale,
    isKoperasi: Boolean(input.isKoperasi),
    domicileRegionCode: input.domicileRegionCode,
    domicileRegionName: input.domicileRegionName.trim(),
    district: input.district.trim(),
    address: input.address.trim(),
    phone: phone!,
    contactEmail,
    bankName: input.bankName || null,
    bankAccountNumber: input.bankAccountNumber || null,
    bankAccountName: input.bankAccountName || null,
  };
}

/** BPBJ's decisions on a vendor: the states each starts from, where it leads, and what the vendor is told. */
const TRANSITIONS: Record<string, { from: VendorStatus[]; to: VendorStatus; needsReason: boolean; notice: (name: string, why: string | null) => { title: string; body: string } }> = {
  VERIFIED: {
    from: [VendorStatus.PENDING], to: VendorStatus.VERIFIED, needsReason: false,
    notice: (name) => ({ title: `${name} terverifikasi`, body: `BPBJ memverifikasi ${name}. Produk Anda kini dapat diajukan untuk tayang di katalog.` }),
  },
  REJECTED: {
    from: [VendorStatus.PENDING], to: VendorStatus.REJECTED, needsReason: true,
    notice: (name, why) => ({ title: `Pendaftaran ${name} ditolak`, body: `Alasan BPBJ: ${why}. Perbaiki profil usaha Anda lalu simpan untuk mengajukan kembali.` }),
  },
  SUSPENDED: {
    from: [VendorStatus.VERIFIED], to: VendorStatus.SUSPENDED, needsReason: true,
    notice: (name, why) => ({ title: `${name} dibekukan`, body: `Alasan BPBJ: ${why}. Produk Anda tidak tayang sampai BPBJ mengaktifkan kembali usaha Anda.` }),
  },
  REINSTATED: {
    from: [VendorStatus.SUSPENDED], to: VendorStatus.VERIFIED, needsReason: false,
    notice: (name) => ({ title: `${name} aktif kembali`, body: 'Produk Anda yang tayang kembali tampil di katalog.' }),
  },
};
export type VendorDecision = keyof typeof TRANSITIONS;

/** What the classification fields decide: local to the catalogue's Pemda, and UMK-K. */
export function classificationOf(fields: ClassificationFields, pemda: { kemendagriCode: string }): { isLocal: boolean; isUmkk: boolean } {
  return { isLocal: fields.domicileRegionCode === pemda.kemendagriCode, isUmkk: isUmkk(fields.scale, fields.isKoperasi) };
}

const sameClassification = (a: ClassificationFields, b: ClassificationFields) =>
  a.scale === b.scale && a.isKoperasi === b.isKoperasi && a.domicileRegionCode === b.domicileRegionCode && a.domicileRegionName === b.domicileRegionName;

function applyClassification(vendor: Vendor, fields: ClassificationFields, pemda: Pemda): void {
  Object.assign(vendor, fields, classificationOf(fields, pemda));
}

/**
 * "skala usaha menengah → usaha kecil; UMK-K tidak → ya", as BPBJ and the vendor read it (the audit log, the
 * notifications): what changes, then what that changes in the 40% measure; null when nothing that decides it changes.
 */
function describeClassificationChange(vendor: Vendor, to: ClassificationFields, pemda: Pemda): string | null {
  const yes = (b: boolean) => (b ? 'ya' : 'tidak');
  const scale = (s: BusinessScale) => label(BUSINESS_SCALE, s).toLowerCase();
  const after = classificationOf(to, pemda);
  const parts = [
    vendor.scale !== to.scale && `skala ${scale(vendor.scale)} → ${scale(to.scale)}`,
    vendor.isKoperasi !== to.isKoperasi && `koperasi ${yes(vendor.isKoperasi)} → ${yes(to.isKoperasi)}`,
    vendor.domicileRegionCode !== to.domicileRegionCode && `domisili ${vendor.domicileRegionName} (${vendor.domicileRegionCode}) → ${to.domicileRegionName} (${to.domicileRegionCode})`,
  ].filter(Boolean);
  if (!parts.length) return null;
  const effects = [
    vendor.isUmkk !== after.isUmkk && `UMK-K ${yes(vendor.isUmkk)} → ${yes(after.isUmkk)}`,
    vendor.isLocal !== after.isLocal && `lokal ${yes(vendor.isLocal)} → ${yes(after.isLocal)}`,
  ].filter(Boolean);
  return [...parts, ...(effects.length ? effects : ['UMK-K dan lokal tidak berubah'])].join('; ');
}

/** BPBJ hears of a vendor waiting for its verification, and why it waits ("mendaftar", "mengubah NIB atau NPWP"). */
function askForVerification(ctx: RequestContext, vendor: Vendor, why: string): Promise<void> {
  return notifyBpbj(ctx, vendor.pemda.id, {
    kind: 'VENDOR_PENDING', link: '/bpbj/kurasi', title: `Penyedia menunggu verifikasi: ${vendor.businessName}`,
    body: `${vendor.businessName} (NIB ${vendor.nib}) ${why} dan menunggu verifikasi BPBJ.`,
  });
}

/** A Pemda's vendors waiting for BPBJ: to be verified, or a classification change to be decided. */
const awaitingCuration = (pemdaId: string): FilterQuery<Vendor> => ({ pemda: pemdaId, $or: [{ status: VendorStatus.PENDING }, { pendingClassification: { $ne: null } }] });

export class VendorService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Self-registration: one transaction creates the VENDOR account and the vendor, PENDING verification.
   * "Email sudah terdaftar" helps a vendor who forgot it registered, so it stays; it is answered only after the
   * whole profile (NIB, NPWP, phone...) is valid, and an address registers at most RATE_LIMITS.registrationsPerHour
   * times an hour, so probing which emails have accounts costs a valid form per guess and cannot be scripted.
   */
  async register(ctx: RequestContext, input: VendorRegistrationInput): Promise<Vendor> {
    await ctx.services.rateLimits.registration(ctx);
    const email = normaliseEmail(input.email ?? '');
    const v = new Validation()
      .check(isEmail(email), 'email', 'Format email tidak valid.')
      .check(...(await checkNewPassword(input.password, [email, input.ownerName, input.businessName])));
    const profile = normaliseProfile(input, v);
    const pemda = await findInScope(ctx.em, Pemda, input.pemdaId, 'Pemda');
    if (await ctx.em.count(Vendor, { pemda, nib: profile.nib })) {
      throw conflict(`NIB ${profile.nib} sudah terdaftar di katalog ${pemda.name}.`);
    }
    if (await ctx.em.count(User, { email })) throw conflict('Email ini sudah terdaftar.');

    const vendor = ctx.em.create(Vendor, { ...profile, pemda, email, ...classificationOf(profile, pemda) });
    ctx.em.create(User, { email, passwordHash: await hashPassword(input.password), fullName: profile.ownerName, role: Role.VENDOR, pemda, vendor });
    this.audit.record(ctx, { pemdaId: pemda.id, subjectType: AuditSubject.VENDOR, subjectId: vendor.id, action: 'REGISTERED', toStatus: vendor.status });
    await askForVerification(ctx, vendor, 'mendaftar');
    await ctx.em.flush();
    return vendor;
  }

  /**
   * A vendor edits its own profile. New legal identity (NIB, NPWP) must be verified again. A change to what decides
   * its classification (scale, koperasi, domicile) waits for BPBJ as `pendingClassification` while the vendor keeps
   * selling under its current one, so no vendor makes itself UMK-K or local.
   */
  async updateProfile(ctx: RequestContext, vendorId: string, input: VendorProfileInput): Promise<Vendor> {
    const vendor = await this.getOwn(ctx, vendorId);
    const profile = normaliseProfile(input);
    if (profile.nib !== vendor.nib && (await ctx.em.count(Vendor, { pemda: vendor.pemda, nib: profile.nib }))) {
      throw conflict(`NIB ${profile.nib} sudah terdaftar di katalog ini.`);
    }
    const legalChange = profile.nib !== vendor.nib || profile.npwp !== vendor.npwp;
    const pemda = await vendor.pemda.loadOrFail();
    const before = vendor.status;
    const { scale, isKoperasi, domicileRegionCode, domicileRegionName, ...rest } = profile;
    const requested: ClassificationFields = { scale, isKoperasi, domicileRegionCode, domicileRegionName };
    const reviewed = before === VendorStatus.VERIFIED || before === VendorStatus.SUSPENDED;
    Object.assign(vendor, rest);
    const change = describeClassificationChange(vendor, requested, pemda);
    if (!reviewed) {
      applyClassification(vendor, requested, pemda);
    } else if (change) {
      // Saving the profile again with the same request (a new phone number, say) asks BPBJ nothing new.
      const askedBefore = vendor.pendingClassification && sameClassification(vendor.pendingClassification, requested);
      vendor.pendingClassification = requested;
      if (!askedBefore) {
        this.audit.record(ctx, {
          pemdaId: pemda.id, subjectType: AuditSubject.VENDOR, subjectId: vendor.id, action: 'CLASSIFICATION_CHANGE_REQUESTED',
          fromStatus: before, toStatus: before, reason: change,
        });
        await notifyBpbj(ctx, pemda.id, {
          kind: 'CLASSIFICATION_PENDING', link: '/bpbj/kurasi', title: `Perubahan klasifikasi menunggu keputusan: ${vendor.businessName}`,
          body: `${vendor.businessName} mengajukan perubahan klasifikasi: ${change}.`,
        });
      }
    } else {
      vendor.pendingClassification = null; // back to what BPBJ already approved: nothing to review
    }
    // A rejected vendor that fixes its profile asks again; a suspended one stays suspended until BPBJ decides.
    if ((legalChange && before === VendorStatus.VERIFIED) || before === VendorStatus.REJECTED) {
      vendor.status = VendorStatus.PENDING;
      vendor.statusReason = null;
      this.audit.record(ctx, {
        pemdaId: pemda.id,
        subjectType: AuditSubject.VENDOR,
        subjectId: vendor.id,
        action: legalChange ? 'LEGAL_DATA_CHANGED' : 'RESUBMITTED',
        fromStatus: before,
        toStatus: vendor.status,
      });
      await askForVerification(ctx, vendor, legalChange ? 'mengubah NIB atau NPWP' : 'memperbaiki profilnya');
    }
    await ctx.em.flush();
    return vendor;
  }

  /**
   * BPBJ decides a vendor's requested classification: approved, it applies from now on (orders already placed keep the
   * classification they were placed under); rejected, with a reason, the vendor stays as it was. Both on the audit log.
   */
  async reviewClassification(ctx: RequestContext, vendorId: string, approve: boolean, reason?: string | null): Promise<Vendor> {
    const vendor = await findInScope(ctx.em, Vendor, vendorId, 'Penyedia', { populate: ['pemda'] });
    assertManagesPemda(requireActor(ctx), vendor.pemda.id);
    const requested = vendor.pendingClassification;
    if (!requested) throw conflict('Tidak ada perubahan klasifikasi yang menunggu keputusan.');
    const why = approve ? (reason?.trim() || null) : requireReason(reason);
    const pemda = vendor.pemda.getEntity();
    const change = describeClassificationChange(vendor, requested, pemda)!;
    if (approve) applyClassification(vendor, requested, pemda);
    vendor.pendingClassification = null;
    this.audit.record(ctx, {
      pemdaId: pemda.id, subjectType: AuditSubject.VENDOR, subjectId: vendor.id,
      action: approve ? 'CLASSIFICATION_APPROVED' : 'CLASSIFICATION_REJECTED', fromStatus: vendor.status, toStatus: vendor.status,
      reason: why ? `${change}. ${why}` : change,
    });
    await notifyVendor(ctx, vendor.id, approve
      ? { kind: 'CLASSIFICATION_APPROVED', title: 'Perubahan klasifikasi disetujui', body: `BPBJ menyetujui: ${change}. Berlaku untuk pesanan mulai sekarang.${why ? ` Catatan BPBJ: ${why}` : ''}` }
      : { kind: 'CLASSIFICATION_REJECTED', title: 'Perubahan klasifikasi ditolak', body: `BPBJ menolak: ${change}. Alasan: ${why}. Klasifikasi Anda tetap seperti semula.` });
    await ctx.em.flush();
    return vendor;
  }

  /** BPBJ verifies, rejects, suspends or reinstates a vendor of its own Pemda; every decision is audited. */
  async decide(ctx: RequestContext, vendorId: string, decision: VendorDecision, reason?: string | null): Promise<Vendor> {
    const actor = requireActor(ctx);
    const vendor = await findInScope(ctx.em, Vendor, vendorId, 'Penyedia');
    assertManagesPemda(actor, vendor.pemda.id);
    const rule = TRANSITIONS[decision];
    const why = rule.needsReason ? requireReason(reason) : null;
    if (!rule.from.includes(vendor.status)) {
      throw conflict(`Penyedia berstatus ${vendor.status}; tindakan ini hanya untuk status ${rule.from.join('/')}.`);
    }
    const before = vendor.status;
    vendor.status = rule.to;
    vendor.statusReason = why;
    if (rule.to === VendorStatus.VERIFIED && !vendor.verifiedAt) vendor.verifiedAt = ctx.now();
    this.audit.record(ctx, {
      pemdaId: vendor.pemda.id,
      subjectType: AuditSubject.VENDOR,
      subjectId: vendor.id,
      action: decision,
      fromStatus: before,
      toStatus: vendor.status,
      reason: vendor.statusReason,
    });
    await notifyVendor(ctx, vendor.id, { kind: `VENDOR_${decision}`, ...rule.notice(vendor.businessName, why) });
    await ctx.em.flush();
    return vendor;
  }

  /** Public readers see verified vendors; BPBJ its Pemda's in any state; a vendor itself. */
  async get(ctx: RequestContext, id: string): Promise<Vendor> {
    const vendor = await findInScope(ctx.em, Vendor, id, 'Penyedia');
    if (!(vendor.status === VendorStatus.VERIFIED || canSeeInternals(ctx.actor, vendor))) throw notFound('Penyedia');
    return vendor;
  }

  async list(ctx: RequestContext, pemdaId: string, status: VendorStatus | null | undefined, page: PageArgs): Promise<Page<Vendor>> {
    const internal = managesPemda(ctx.actor, pemdaId);
    if (status && status !== VendorStatus.VERIFIED && !internal) throw forbidden('Hanya BPBJ Pemda ini yang dapat melihat penyedia yang belum terverifikasi.');
    const where = { pemda: pemdaId, ...(status ? { status } : internal ? {} : { status: VendorStatus.VERIFIED }) };
    return paginate(ctx.em, Vendor, where, page, { businessName: 'asc', id: 'asc' });
  }

  /** Vendors waiting for verification or a classification decision, a page at a time, with the queue's length. */
  async curationQueue(ctx: RequestContext, pemdaId: string, page: PageArgs, order?: QueueOrder | null): Promise<Page<Vendor>> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return paginate(ctx.em, Vendor, awaitingCuration(pemdaId), page, queueOrder(order));
  }

  /** How many vendors the curation queue holds: its count alone, without a page. */
  curationQueueCount(ctx: RequestContext, pemdaId: string): Promise<number> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.count(Vendor, awaitingCuration(pemdaId));
  }

  /**
   * The vendor attaches a scan of its NIB or NPWP, uploaded first as LEGAL_DOCUMENT. A replacement is added beside
   * the earlier one, never over it, and each is on the audit log; BPBJ reads the newest before verifying.
   */
  async attachDocument(ctx: RequestContext, vendorId: string, kind: VendorDocumentKind, uploadId: string): Promise<Vendor> {
    const vendor = await this.getOwn(ctx, vendorId);
    const [upload] = await ctx.services.uploads.ownUploads(ctx, [uploadId], UploadKind.LEGAL_DOCUMENT, 'uploadId');
    ctx.em.create(VendorDocument, { vendor, kind, upload, attachedBy: requireActor(ctx).userId });
    this.audit.record(ctx, {
      pemdaId: vendor.pemda.id, subjectType: AuditSubject.VENDOR, subjectId: vendor.id, action: 'DOCUMENT_ATTACHED',
      fromStatus: vendor.status, toStatus: vendor.status, reason: `Pindaian ${kind} (${upload.url})`,
    });
    await ctx.em.flush();
    return vendor;
  }

  private async getOwn(ctx: RequestContext, vendorId: string): Promise<Vendor> {
    const actor = requireActor(ctx);
    if (actor.role !== Role.VENDOR || actor.vendorId !== vendorId) throw forbidden('Anda hanya dapat mengubah profil usaha Anda sendiri.');
    const vendor = await findInScope(ctx.em, Vendor, vendorId, 'Penyedia');
    return vendor;
  }
}

/** The vendor itself and BPBJ of its Pemda (or a platform admin) see its private data and every state. */
export function canSeeInternals(actor: Actor | null, vendor: { id: string; pemda: { id: string } }): boolean {
  return managesPemda(actor, vendor.pemda.id) || (actor?.role === Role.VENDOR && actor.vendorId === vendor.id);
}

