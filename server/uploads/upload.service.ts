import { createHash } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { AppError, badInput, forbidden, unauthenticated } from '../errors.js';
import { Role, User } from '../identity/user.entity.js';
import type { FileStore } from './file-store.js';
import { Upload, UploadKind } from './upload.entity.js';

type Sniffed = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** Who may upload each kind and what it may be. Photos are re-encoded; a PDF is kept as sent. */
const RULES: Record<UploadKind, { roles: Role[]; accepts: Sniffed[]; refusal: string }> = {
  [UploadKind.PRODUCT_PHOTO]: { roles: [Role.VENDOR], accepts: ['image/jpeg', 'image/png', 'image/webp'], refusal: 'Foto produk harus berkas JPEG, PNG atau WebP.' },
  [UploadKind.RECEIPT]: { roles: [Role.ASN], accepts: ['image/jpeg', 'image/png', 'image/webp'], refusal: 'Foto struk harus berkas JPEG, PNG atau WebP.' },
  [UploadKind.LEGAL_DOCUMENT]: { roles: [Role.VENDOR], accepts: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], refusal: 'Pindaian dokumen harus PDF, JPEG, PNG atau WebP.' },
};

/** How a person calls each kind, for the message when a form names the wrong file. */
const KIND_NAME: Record<UploadKind, string> = { [UploadKind.PRODUCT_PHOTO]: 'foto produk', [UploadKind.RECEIPT]: 'foto struk', [UploadKind.LEGAL_DOCUMENT]: 'pindaian dokumen' };

/** Photos are kept at most this wide and high: enough to read a receipt, small enough for a phone on 3G. */
const MAX_SIDE = 1600;
/** A decompression bomb (a tiny file that decodes to gigapixels) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 50_000_000;

/** The type by the file's first bytes, never by its name or the Content-Type the client sent. */
export function sniff(data: Buffer): Sniffed | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export const UPLOAD_PATH = /^\/uploads\/([0-9a-f-]{36})$/;

/** One message for an upload over the limit, whether the body parser or the service sees it first. */
export const uploadTooLarge = (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `Berkas terlalu besar (maksimal ${Math.floor(maxBytes / 1024 / 1024)} MB).`);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export class UploadService {
  constructor(
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  /**
   * Stores one upload. A photo is turned upright, shrunk to MAX_SIDE and re-encoded as JPEG, which drops its EXIF
   * (location, camera, time); its SHA-256 is of the stored bytes, so the same picture sent again with other metadata
   * has the same hash, and that hash is what a receipt's duplicate check uses.
   */
  async accept(ctx: RequestContext, kindParam: unknown, body: Buffer): Promise<Upload> {
    const actor = ctx.actor;
    if (!actor) throw ctx.authProblem ? unauthenticated(ctx.authProblem) : unauthenticated();
    const kind = Object.values(UploadKind).find((k) => k === kindParam);
    if (!kind) throw badInput([{ field: 'kind', message: `Jenis unggahan: ${Object.values(UploadKind).join(', ')}.` }]);
    const rule = RULES[kind];
    if (!rule.roles.includes(actor.role) || !actor.pemdaId) throw forbidden('Akun Anda tidak dapat mengunggah berkas jenis ini.');
    if (body.length === 0) throw badInput([{ field: 'file', message: 'Berkas kosong.' }]);
    if (body.length > this.maxBytes) throw uploadTooLarge(this.maxBytes);
    await ctx.services.rateLimits.upload(ctx, body.length);
    const type = sniff(body);
    if (!type || !rule.accepts.includes(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', rule.refusal);

    let stored = body;
    let size: { width: number; height: number } | null = null;
    if (type !== 'application/pdf') {
      const { default: sharp } = await import('sharp'); // with the first photo, not at every start (about 60 ms)
      try {
        const { data, info } = await sharp(body, { limitInputPixels: MAX_INPUT_PIXELS })
          .rotate()
          .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
        stored = data;
        size = { width: info.width, height: info.height };
      } catch {
        throw badInput([{ field: 'file', message: 'Foto tidak dapat dibaca (rusak atau terlalu besar resolusinya).' }]);
      }
    }
    const hash = sha256(stored);
    await this.store.put(hash, stored);
    const upload = ctx.em.create(Upload, {
      pemda: actor.pemdaId, uploadedBy: actor.userId, kind, contentType: type === 'application/pdf' ? type : 'image/jpeg',
      bytes: stored.length, sha256: hash, width: size?.width ?? null, height: size?.height ?? null,
    });
    await ctx.em.flush();
    return upload;
  }

  /**
   * An upload, for whoever may see it: anyone for a product photo; otherwise its uploader and its Pemda's BPBJ, and a
   * receipt also the head of the uploader's OPD, who reviews the OPD's ASN reports.
   */
  async find(ctx: RequestContext, id: string): Promise<Upload | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const upload = await ctx.em.findOne(Upload, id);
    if (!upload) return null;
    const actor = ctx.actor;
    const visible = upload.kind === UploadKind.PRODUCT_PHOTO || (actor && (actor.userId === upload.uploadedBy.id || (actor.role === Role.BPBJ && actor.pemdaId === upload.pemda.id)));
    if (visible) return upload;
    if (upload.kind === UploadKind.RECEIPT && actor?.role === Role.KEPALA_OPD && actor.opdId) {
      const uploader = await ctx.em.findOne(User, upload.uploadedBy.id);
      if (uploader?.opd?.id === actor.opdId) return upload;
    }
    return null; // not found, rather than telling a stranger it exists
  }

  /** The stored bytes of an upload found above. */
  bytes(upload: Upload): Promise<Buffer | null> {
    return this.store.get(upload.sha256);
  }

  /** The upload ids among image addresses: a product's photos are its own uploads (/uploads/<id>) or https:// links. */
  static idsIn(urls: string[] | null | undefined): string[] {
    return (urls ?? []).flatMap((url) => UPLOAD_PATH.exec(url)?.slice(1) ?? []);
  }

  /** Uploads the caller made of one kind, by id, for linking to what it files; any other id is a field error. */
  async ownUploads(ctx: RequestContext, ids: string[], kind: UploadKind, field: string): Promise<Upload[]> {
    const actor = ctx.actor;
    if (!actor) throw unauthenticated();
    const unique = [...new Set(ids)];
    const found = unique.length ? await ctx.em.find(Upload, { id: { $in: unique.filter((id) => /^[0-9a-f-]{36}$/.test(id)) }, kind, uploadedBy: actor.userId }) : [];
    if (found.length !== unique.length) {
      throw badInput([{ field, message: `Berkas ini bukan ${KIND_NAME[kind]} yang Anda unggah; unggah berkasnya terlebih dahulu (POST /uploads?kind=${kind}).` }]);
    }
    return unique.map((id) => found.find((u) => u.id === id)!);
  }
}
