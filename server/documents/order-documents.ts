import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireActor } from '../auth/scope.js';
import { localDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { badInput, forbidden, notFound, requireReason } from '../errors.js';
import { Role, User } from '../identity/user.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { orderCode, orderScope } from '../purchasing/order-queries.js';
import { Order, OrderLine } from '../purchasing/order.entity.js';
import type { ExportFile } from '../reports/report.js';
import { inTransaction } from '../transactions/in-transaction.js';
import { Vendor } from '../vendor/vendor.entity.js';
import { orderDocumentPdf, type OrderDocumentData } from './order-document-pdf.js';
import { OrderDocument, OrderDocumentKind } from './order-document.entity.js';

const KIND_CODE: Record<OrderDocumentKind, string> = { SURAT_PESANAN: 'SP', BAST: 'BAST' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const TOKENS = ['{JENIS}', '{NOMOR}', '{OPD}', '{BULAN}', '{TAHUN}'];
const OFFICER_TITLE: Partial<Record<Role, string>> = { [Role.PP]: 'Pejabat Pengadaan', [Role.PPK]: 'Pejabat Pembuat Komitmen' };

/** Why a numbering pattern cannot number documents uniquely, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (!/^[A-Za-z0-9/.\-_ {}]{1,80}$/.test(pattern)) return 'Pola nomor 1-80 karakter: huruf, angka, / . - _ dan penanda {JENIS} {NOMOR} {OPD} {BULAN} {TAHUN}.';
  const unknown = (pattern.match(/\{[^}]*\}/g) ?? []).filter((t) => !TOKENS.includes(t));
  if (unknown.length) return `Penanda tidak dikenal: ${unknown.join(', ')}.`;
  if (!pattern.includes('{NOMOR}') || !pattern.includes('{TAHUN}') || !pattern.includes('{JENIS}')) return 'Pola nomor wajib memuat {JENIS}, {NOMOR} dan {TAHUN}, agar setiap nomor unik.';
  return null;
}

/** A number in the Pemda's pattern: `{JENIS}/{NOMOR}/{OPD}/{TAHUN}` gives SP/027/DINKES/2026. */
export function documentNumber(pattern: string, parts: { kind: OrderDocumentKind; sequence: number; opd: string; month: number; year: number }): string {
  const values: Record<string, string> = {
    '{JENIS}': KIND_CODE[parts.kind], '{NOMOR}': String(parts.sequence).padStart(3, '0'), '{OPD}': parts.opd.toUpperCase().replace(/\s+/g, ''),
    '{BULAN}': ROMAN[parts.month - 1], '{TAHUN}': String(parts.year),
  };
  return pattern.replace(/\{[A-Z]+\}/g, (token) => values[token] ?? token);
}

/** The next running number of a Pemda, kind and year; the counter row stays locked until the transaction ends. */
async function nextSequence(tx: RequestContext, pemdaId: string, kind: OrderDocumentKind, year: number): Promise<number> {
  const [row] = await tx.em.execute<{ last: number }[]>(
    `insert into document_counter (pemda_id, kind, year, last) values (?, ?, ?, 1)
     on conflict (pemda_id, kind, year) do update set last = document_counter.last + 1 returning last`,
    [pemdaId, kind, year],
  );
  return Number(row.last);
}

/** Who signs a document: the BAST whoever received the goods; the surat pesanan the PPK where the order needed one, else the PP who placed it. */
function signerOf(order: Order, kind: OrderDocumentKind, issuerId: string): string {
  return kind === OrderDocumentKind.BAST ? issuerId : order.requiresPpkApproval ? order.ppk.id : order.createdBy.id;
}

/** What a document shows, read from the order as it stands; `orderDocumentPdf` of it gives the bytes. */
export async function documentData(
  em: EntityManager, order: Order, kind: OrderDocumentKind, document: { number: string; issuedAt: Date; signerId: string; lines?: OrderLine[]; replaces?: { number: string; reason: string } | null },
): Promise<OrderDocumentData> {
  const [pemda, opd, vendor, signer, lines] = await Promise.all([
    em.findOneOrFail(Pemda, order.pemda.id), em.findOneOrFail(Opd, order.opd.id), em.findOneOrFail(Vendor, order.vendor.id), em.findOneOrFail(User, document.signerId),
    document.lines ?? em.find(OrderLine, { order }, { orderBy: { position: 'asc' } }),
  ]);
  const bast = kind === OrderDocumentKind.BAST;
  const orderLetter = bast ? await em.findOne(OrderDocument, { order, kind: OrderDocumentKind.SURAT_PESANAN, issuedAt: { $lte: document.issuedAt } }, { orderBy: { sequence: 'desc' }, fields: ['number'] }) : null;
  return {
    kind, number: document.number, issuedAt: document.issuedAt, issuedOn: localDate(document.issuedAt, pemda.timeZone),
    pemdaName: pemda.name, place: pemda.name.replace(/^(pemerintah\s+)?(kota|kabupaten)\s+/i, ''), opdName: opd.name,
    orderCode: orderCode(order), rupCode: order.rupCode ?? null, orderedOn: localDate(order.submittedAt ?? order.createdAt, pemda.timeZone),
    deliveryAddress: order.deliveryAddress, neededBy: order.neededBy ?? null,
    officer: { name: signer.fullName, title: OFFICER_TITLE[signer.role] ?? 'Pejabat' },
    vendor: { businessName: vendor.businessName, ownerName: vendor.ownerName, nib: vendor.nib, npwp: vendor.npwp, address: vendor.address, phone: vendor.phone },
    lines: lines.filter((l) => !bast || l.quantityReceived > 0).map((l) => ({ name: l.productName, unit: l.unit, quantity: bast ? l.quantityReceived : l.quantity, unitPrice: l.unitPrice })),
    shipping: order.shippingCost,
    total: bast ? order.receivedAmount! : order.total,
    bast: bast ? { opdNumber: order.bastNumber!, date: order.bastDate!, orderLetterNumber: orderLetter?.number ?? null, deliveryReference: order.deliveryReference ?? null } : undefined,
    replaces: document.replaces ?? null,
  };
}

/**
 * Issues a surat pesanan or a BAST for an order, in the caller's transaction (the order step that calls for it):
 * the next number, the PDF, its hash. The step passes the lines it changed (received quantities); `replaces` names
 * the document a reissue supersedes, which stays as it was.
 */
export async function issueOrderDocument(
  tx: RequestContext, order: Order, kind: OrderDocumentKind, issuer: { userId: string },
  options: { lines?: OrderLine[]; replaces?: { number: string; reason: string } } = {},
): Promise<OrderDocument> {
  const [pemda, opd] = await Promise.all([tx.em.findOneOrFail(Pemda, order.pemda.id), tx.em.findOneOrFail(Opd, order.opd.id)]);
  const issuedAt = tx.now();
  const [year, month] = localDate(issuedAt, pemda.timeZone).split('-').map(Number);
  const sequence = await nextSequence(tx, pemda.id, kind, year);
  const number = documentNumber(pemda.documentNumberPattern, { kind, sequence, opd: opd.shortName, month, year });
  const signerId = signerOf(order, kind, issuer.userId);
  const content = await orderDocumentPdf(await documentData(tx.em, order, kind, { number, issuedAt, signerId, lines: options.lines, replaces: options.replaces }));
  return tx.em.create(OrderDocument, {
    pemda, order, kind, number, year, sequence, issuedAt, issuedBy: issuer.userId, signedBy: signerId,
    sha256: createHash('sha256').update(content).digest('hex'), content, replacesNumber: options.replaces?.number ?? null, reason: options.replaces?.reason ?? null,
  });
}

/** Reading and reissuing: an order's documents are its parties' (the OPD's officers, the vendor) and its BPBJ's. */
export class OrderDocumentService {
  private async visibleOrder(ctx: RequestContext, orderId: string): Promise<Order> {
    return findInScope(ctx.em, Order, { $and: [{ id: orderId }, orderScope(requireActor(ctx))] }, 'Paket');
  }

  async list(ctx: RequestContext, orderId: string): Promise<OrderDocument[]> {
    const order = await this.visibleOrder(ctx, orderId);
    return ctx.em.find(OrderDocument, { order }, { orderBy: { issuedAt: 'asc', createdAt: 'asc' } });
  }

  async file(ctx: RequestContext, documentId: string): Promise<ExportFile> {
    const document = await ctx.em.findOne(OrderDocument, documentId, { populate: ['content'] });
    if (!document) throw notFound('Dokumen');
    await this.visibleOrder(ctx, document.order.id).catch(() => Promise.reject(notFound('Dokumen')));
    return { filename: `${document.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`, contentType: 'application/pdf', base64: Buffer.from(document.content).toString('base64') };
  }

  /**
   * A new numbered document from the order as it stands now, for when something it shows changed (the vendor's
   * address, the signing officer); the one it replaces is kept and named. The ordering OPD's PP or BPBJ, with a reason.
   */
  async reissue(ctx: RequestContext, orderId: string, kind: OrderDocumentKind, reason: string): Promise<OrderDocument> {
    const actor = requireActor(ctx);
    const order = await this.visibleOrder(ctx, orderId);
    if (!(actor.role === Role.BPBJ || (actor.role === Role.PP && actor.opdId === order.opd.id))) throw forbidden('Hanya PP OPD pemesan atau BPBJ yang dapat menerbitkan ulang dokumen.');
    const why = requireReason(reason);
    const latest = await ctx.em.findOne(OrderDocument, { order, kind }, { orderBy: { sequence: 'desc' } });
    if (!latest) throw badInput([{ field: 'kind', message: `Paket ini belum memiliki ${kind === OrderDocumentKind.BAST ? 'BAST' : 'surat pesanan'} untuk diterbitkan ulang.` }]);
    return inTransaction(ctx, async (tx) => {
      const document = await issueOrderDocument(tx, order, kind, actor, { replaces: { number: latest.number, reason: why } });
      await tx.em.flush();
      return document;
    });
  }
}
