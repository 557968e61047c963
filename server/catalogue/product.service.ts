// About 300 lines on purpose: the product lifecycle (draft, submission, BPBJ review, revisions of a published
// product, removal) and the catalogue list share one review rule and one visibility rule; split, each half would
// restate them.
import { notifyBpbj, notifyVendor } from '../notifications/notify.js';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { paginate, paginateRows, queueOrder, type Page, type PageArgs, type QueueOrder } from '../database/pagination.js';
import type { Projection, Row } from '../database/rows.js';
import { badInput, conflict, forbidden, notFound, requireReason, Validation } from '../errors.js';
import { Role } from '../identity/user.entity.js';
import { Vendor, VendorStatus } from '../vendor/vendor.entity.js';
import { Category } from './category.entity.js';
import { checkProductFields, leafCategories, type ProductFields } from './product-fields.js';
import { ProductSort, type ProductFilter } from './product-filter.js';
import { Product, ProductStatus, type ProductRevision } from './product.entity.js';
import { BUYER_VISIBLE, catalogueListing, isBuyerVisible, productViewer } from './visibility.js';
import { TERMINAL_STATES } from '../purchasing/order-process.js';
import { orderCode } from '../purchasing/order-queries.js';
import { Order } from '../purchasing/order.entity.js';
import { findInScope } from '../database/find.js';
import { UploadKind } from '../uploads/upload.entity.js';
import { UploadService } from '../uploads/upload.service.js';

export enum RemovalOutcome {
  DELETED = 'DELETED',
  ARCHIVED = 'ARCHIVED',
}

const SORTS = {
  [ProductSort.NEWEST]: { createdAt: 'desc', id: 'desc' },
  [ProductSort.PRICE_ASC]: { price: 'asc', id: 'asc' },
  [ProductSort.PRICE_DESC]: { price: 'desc', id: 'desc' },
  [ProductSort.NAME_ASC]: { name: 'asc', id: 'asc' },
} as const;

/** Changing these on a published product needs BPBJ's approval again; the approved version stays visible. */
const REVIEWED_FIELDS = ['name', 'description', 'categoryId', 'unit', 'imageUrls', 'isPdn', 'tkdnPercent'] as const;

/** A Pemda's products waiting for BPBJ: submitted, or a published product's revision (the queue's partial index
 *  product_curation_queue_index holds exactly these). */
const awaitingCuration = (pemdaId: string): FilterQuery<Product> => ({ pemda: pemdaId, $or: [{ status: ProductStatus.SUBMITTED }, { pendingRevision: { $ne: null } }] });

export class ProductService {
  constructor(private readonly audit: AuditService) {}

  async create(ctx: RequestContext, input: ProductFields): Promise<Product> {
    const vendor = await this.actingVendor(ctx);
    const leaves = leafCategories(await ctx.em.find(Category, { pemda: vendor.pemda }));
    const v = new Validation();
    checkProductFields(v, input, leaves, true);
    v.throwIfInvalid();
    await ctx.services.uploads.ownUploads(ctx, UploadService.idsIn(input.imageUrls), UploadKind.PRODUCT_PHOTO, 'imageUrls');
    const product = this.build(ctx, vendor, input, ProductStatus.DRAFT);
    await ctx.em.flush();
    return product;
  }

  /**
   * A vendor edits its product. Drafts and rejected products change freely. On a published product stock,
   * minimum order and price decreases apply at once; everything buyers rely on (name, description, category,
   * unit, images, PDN/TKDN claims, a price increase) waits in a revision for BPBJ.
   */
  async update(ctx: RequestContext, id: string, input: Partial<ProductFields>): Promise<Product> {
    const product = await this.ownProduct(ctx, id);
    if (product.status === ProductStatus.SUSPENDED || product.status === ProductStatus.ARCHIVED) {
      throw conflict(`Produk berstatus ${product.status} tidak dapat diubah.`);
    }
    const leaves = leafCategories(await ctx.em.find(Category, { pemda: product.pemda }));
    const v = new Validation();
    checkProductFields(v, input, leaves, false);
    v.throwIfInvalid();
    await ctx.services.uploads.ownUploads(ctx, UploadService.idsIn(input.imageUrls), UploadKind.PRODUCT_PHOTO, 'imageUrls');

    if (product.status !== ProductStatus.PUBLISHED) {
      this.apply(ctx, product, input);
      await ctx.em.flush();
      return product;
    }

    if (input.stock != null) product.stock = input.stock;
    if (input.minOrderQuantity != null) product.minOrderQuantity = input.minOrderQuantity;
    const revision: Partial<ProductRevision> = { ...(product.pendingRevision ?? {}) };
    if (input.price != null) {
      if (input.price <= product.price) {
        product.price = input.price;
        delete revision.price;
      } else {
        revision.price = input.price;
      }
    }
    const current: Record<string, unknown> = { ...product, categoryId: product.category.id };
    for (const field of REVIEWED_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      const changed = JSON.stringify(value) !== JSON.stringify(current[field]);
      if (changed) (revision as Record<string, unknown>)[field] = field === 'name' || field === 'description' || field === 'unit' ? String(value).trim() : value;
      else delete (revision as Record<string, unknown>)[field];
    }
    const pending = Object.keys(revision).filter((k) => k !== 'submittedAt');
    const hadRevision = Boolean(product.pendingRevision);
    product.pendingRevision = pending.length ? ({ ...revision, submittedAt: ctx.now().toISOString() } as ProductRevision) : null;
    if (pending.length) {
      product.submittedAt = ctx.now();
      this.record(ctx, product, 'REVISION_SUBMITTED', product.status);
    } else if (hadRevision) {
      this.record(ctx, product, 'REVISION_WITHDRAWN', product.status);
    }
    await ctx.em.flush();
    return product;
  }

  async submit(ctx: RequestContext, id: string): Promise<Product> {
    const product = await this.ownProduct(ctx, id);
    const vendor = await product.vendor.loadOrFail();
    if (vendor.status !== VendorStatus.VERIFIED) {
      throw forbidden('Usaha Anda belum terverifikasi BPBJ; produk baru dapat diajukan setelah verifikasi.');
    }
    if (product.status !== ProductStatus.DRAFT && product.status !== ProductStatus.REJECTED) {
      throw conflict(`Produk berstatus ${product.status}; hanya draf atau produk yang ditolak yang dapat diajukan.`);
    }
    this.transition(ctx, product, ProductStatus.SUBMITTED, 'SUBMITTED');
    product.submittedAt = ctx.now();
    await notifyBpbj(ctx, product.pemda.id, {
      kind: 'PRODUCT_PENDING', link: '/bpbj/kurasi', title: `Produk menunggu kurasi: ${product.name}`,
      body: `${vendor.businessName} mengajukan "${product.name}" untuk tayang di katalog.`,
    });
    await ctx.em.flush();
    return product;
  }

  /** BPBJ approves a submitted product (it goes live) or a published product's pending revision (applied). */
  async approve(ctx: RequestContext, id: string): Promise<Product> {
    const product = await this.curatedProduct(ctx, id);
    const wasLive = product.status === ProductStatus.PUBLISHED;
    if (product.status === ProductStatus.SUBMITTED) {
      this.transition(ctx, product, ProductStatus.PUBLISHED, 'APPROVED');
      product.publishedAt ??= ctx.now();
    } else if (product.status === ProductStatus.PUBLISHED && product.pendingRevision) {
      const { submittedAt: _submittedAt, ...changes } = product.pendingRevision;
      const leaves = leafCategories(await ctx.em.find(Category, { pemda: product.pemda }));
      if (changes.categoryId && !leaves.has(changes.categoryId)) {
        throw conflict('Kategori pada revisi ini sudah bukan kategori paling bawah; minta penyedia memilih ulang.');
      }
      this.apply(ctx, product, changes);
      product.pendingRevision = null;
      product.statusReason = null;
      this.record(ctx, product, 'REVISION_APPROVED', product.status);
    } else {
      throw conflict(`Produk berstatus ${product.status} tanpa revisi tertunda; tidak ada yang perlu disetujui.`);
    }
    product.submittedAt = null;
    await notifyVendor(ctx, product.vendor.id, wasLive
      ? { kind: 'PRODUCT_REVISION_APPROVED', title: `Perubahan produk disetujui: ${product.name}`, body: `BPBJ menyetujui perubahan "${product.name}"; katalog kini menampilkannya.` }
      : { kind: 'PRODUCT_APPROVED', title: `Produk tayang: ${product.name}`, body: `BPBJ menayangkan "${product.name}" di katalog; pembeli kini dapat memesannya.` });
    await ctx.em.flush();
    return product;
  }

  /** BPBJ rejects a submitted product, or discards a published product's revision (the live version stays). */
  async reject(ctx: RequestContext, id: string, reason: string): Promise<Product> {
    const product = await this.curatedProduct(ctx, id);
    const why = requireReason(reason);
    if (product.status === ProductStatus.SUBMITTED) {
      this.transition(ctx, product, ProductStatus.REJECTED, 'REJECTED', why);
    } else if (product.status === ProductStatus.PUBLISHED && product.pendingRevision) {
      product.pendingRevision = null;
      product.statusReason = `Revisi ditolak: ${why}`;
      this.record(ctx, product, 'REVISION_REJECTED', product.status, why);
    } else {
      throw conflict(`Produk berstatus ${product.status}; hanya produk yang diajukan yang dapat ditolak.`);
    }
    product.submittedAt = null;
    await notifyVendor(ctx, product.vendor.id, product.status === ProductStatus.PUBLISHED
      ? { kind: 'PRODUCT_REVISION_REJECTED', title: `Perubahan produk ditolak: ${product.name}`, body: `Alasan BPBJ: ${why}. Produk tetap tayang seperti sebelumnya.` }
      : { kind: 'PRODUCT_REJECTED', title: `Produk ditolak: ${product.name}`, body: `Alasan BPBJ: ${why}. Ubah produknya lalu ajukan kembali.` });
    await ctx.em.flush();
    return product;
  }

  async suspend(ctx: RequestContext, id: string, reason: string): Promise<Product> {
    const product = await this.curatedProduct(ctx, id);
    const why = requireReason(reason);
    if (product.status !== ProductStatus.PUBLISHED) throw conflict('Hanya produk yang tayang yang dapat dibekukan.');
    this.transition(ctx, product, ProductStatus.SUSPENDED, 'SUSPENDED', why);
    await notifyVendor(ctx, product.vendor.id, { kind: 'PRODUCT_SUSPENDED', title: `Produk dibekukan: ${product.name}`, body: `Alasan BPBJ: ${why}. Produk tidak tayang sampai BPBJ menayangkannya kembali.` });
    await ctx.em.flush();
    return product;
  }

  async reinstate(ctx: RequestContext, id: string): Promise<Product> {
    const product = await this.curatedProduct(ctx, id);
    if (product.status !== ProductStatus.SUSPENDED) throw conflict('Hanya produk yang dibekukan yang dapat ditayangkan kembali.');
    this.transition(ctx, product, ProductStatus.PUBLISHED, 'REINSTATED');
    await notifyVendor(ctx, product.vendor.id, { kind: 'PRODUCT_REINSTATED', title: `Produk tayang kembali: ${product.name}`, body: `BPBJ menayangkan kembali "${product.name}" di katalog.` });
    await ctx.em.flush();
    return product;
  }

  /** A product never ordered is deleted; one that was ordered is archived, so orders keep pointing at it. */
  /**
   * A vendor removes a product: refused while an order still in progress holds it (its lines name the product);
   * archived, out of the catalogue but kept for the record, once it was ever ordered; deleted otherwise.
   */
  async remove(ctx: RequestContext, id: string): Promise<RemovalOutcome> {
    const product = await this.ownProduct(ctx, id);
    const orders = await ctx.em.find(Order, { lines: { product } }, { fields: ['number', 'status'], orderBy: { number: 'asc' } });
    const open = orders.filter((o) => !TERMINAL_STATES.includes(o.status));
    if (open.length) {
      throw conflict(`Produk ini ada di ${open.length} paket yang masih berjalan (${open.slice(0, 3).map(orderCode).join(', ')}); tunggu paket selesai atau dibatalkan, atau bekukan stoknya.`);
    }
    if (product.everOrdered || orders.length) {
      if (product.status !== ProductStatus.ARCHIVED) this.transition(ctx, product, ProductStatus.ARCHIVED, 'ARCHIVED');
      await ctx.em.flush();
      return RemovalOutcome.ARCHIVED;
    }
    this.record(ctx, product, 'DELETED', 'DELETED');
    ctx.em.remove(product);
    await ctx.em.flush();
    return RemovalOutcome.DELETED;
  }

  async get(ctx: RequestContext, id: string): Promise<Product> {
    const product = await findInScope(ctx.em, Product, id, 'Produk', { populate: ['vendor'] });
    const viewer = productViewer(ctx.actor, { pemdaId: product.pemda.id, vendorId: product.vendor.id });
    if (viewer === 'PUBLIC' && !isBuyerVisible(product, product.vendor.getEntity())) throw notFound('Produk');
    return product;
  }

  /**
   * The catalogue as the caller may see it: buyers and the public get published products of verified vendors;
   * BPBJ every state in its Pemda; a vendor its own products. Read as rows: the page is only shown.
   */
  async list(ctx: RequestContext, pemdaId: string | null | undefined, filter: ProductFilter = {}, sort = ProductSort.NEWEST, page: PageArgs = {}, projection: Projection = 'all'): Promise<Page<Row<Product>>> {
    const actor = ctx.actor;
    const target = pemdaId ?? actor?.pemdaId;
    if (!target) throw badInput([{ field: 'pemdaId', message: 'Sebutkan Pemda yang katalognya ingin dilihat.' }]);
    const where: Record<string, unknown> = { pemda: target };
    const vendorWhere: Record<string, unknown> = {};
    const categoryWhere: Record<string, unknown> = {};

    const listing = catalogueListing(actor, target);
    if (listing === 'PUBLIC') {
      where.status = BUYER_VISIBLE.status;
      vendorWhere.status = BUYER_VISIBLE.vendor.status;
    } else if (filter.status?.length) {
      where.status = { $in: filter.status };
    }
    if (listing === 'OWN_PRODUCTS') where.vendor = actor!.vendorId;
    else if (filter.vendorId) where.vendor = filter.vendorId;
    if (filter.priceMin != null || filter.priceMax != null) {
      where.price = { ...(filter.priceMin != null && { $gte: filter.priceMin }), ...(filter.priceMax != null && { $lte: filter.priceMax }) };
    }
    if (filter.pdnOnly) where.isPdn = true;
    if (filter.tkdnMin != null) where.tkdnPercent = { $gte: filter.tkdnMin };
    if (filter.localOnly) vendorWhere.isLocal = true;
    if (filter.umkkOnly) vendorWhere.isUmkk = true;
    if (filter.basicNeeds) categoryWhere.basicNeeds = true;
    if (filter.categoryId) {
      const category = await findInScope(ctx.em, Category, { id: filter.categoryId, pemda: target }, 'Kategori');
      categoryWhere.path = { $like: `${category.path}%` };
    }
    if (Object.keys(vendorWhere).length) where.vendor = where.vendor ? { id: where.vendor, ...vendorWhere } : vendorWhere;
    if (Object.keys(categoryWhere).length) where.category = categoryWhere;

    return paginateRows(ctx.em, Product, where as FilterQuery<Product>, page, SORTS[sort], { vendor: ctx.loaders.vendor, category: ctx.loaders.category }, projection);
  }

  /** Products waiting for BPBJ (new submissions and revisions), oldest first. */
  async curationQueue(ctx: RequestContext, pemdaId: string, page: PageArgs, order?: QueueOrder | null): Promise<Page<Product>> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return paginate(ctx.em, Product, awaitingCuration(pemdaId), page, queueOrder(order));
  }

  /** How many products the curation queue holds: its count alone, without a page. */
  curationQueueCount(ctx: RequestContext, pemdaId: string): Promise<number> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.count(Product, awaitingCuration(pemdaId));
  }

  /** Builds a product in the unit of work (no flush): used by create and by the bulk import. */
  build(ctx: RequestContext, vendor: Vendor, input: ProductFields, status: ProductStatus.DRAFT | ProductStatus.SUBMITTED): Product {
    const product = ctx.em.create(Product, {
      vendor,
      pemda: vendor.pemda,
      category: input.categoryId,
      name: input.name.trim(),
      description: input.description.trim(),
      unit: input.unit.trim(),
      price: input.price,
      stock: input.stock,
      minOrderQuantity: input.minOrderQuantity,
      imageUrls: input.imageUrls ?? [],
      isPdn: input.isPdn ?? false,
      tkdnPercent: input.tkdnPercent ?? null,
      status,
      submittedAt: status === ProductStatus.SUBMITTED ? ctx.now() : null,
    });
    this.record(ctx, product, 'CREATED', status);
    return product;
  }

  /** The calling vendor, which must exist and not be suspended or rejected. */
  async actingVendor(ctx: RequestContext): Promise<Vendor> {
    const actor = requireActor(ctx);
    if (actor.role !== Role.VENDOR || !actor.vendorId) throw forbidden('Hanya akun penyedia yang dapat mengelola produk.');
    const vendor = await ctx.em.findOneOrFail(Vendor, actor.vendorId);
    if (vendor.status === VendorStatus.SUSPENDED || vendor.status === VendorStatus.REJECTED) {
      throw forbidden(`Usaha Anda berstatus ${vendor.status}; produk tidak dapat dikelola.`);
    }
    return vendor;
  }

  private apply(ctx: RequestContext, product: Product, changes: Partial<ProductFields>): void {
    const { categoryId, ...rest } = changes;
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      (product as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
    }
    if (categoryId) product.category = ctx.em.getReference(Category, categoryId, { wrapped: true });
  }

  private transition(ctx: RequestContext, product: Product, to: ProductStatus, action: string, reason: string | null = null): void {
    const from = product.status;
    product.status = to;
    product.statusReason = reason;
    this.record(ctx, product, action, to, reason, from);
  }

  private record(ctx: RequestContext, product: Product, action: string, toStatus: string, reason: string | null = null, fromStatus: string = product.status): void {
    this.audit.record(ctx, { pemdaId: product.pemda.id, subjectType: AuditSubject.PRODUCT, subjectId: product.id, action, fromStatus, toStatus, reason });
  }

  private async ownProduct(ctx: RequestContext, id: string): Promise<Product> {
    const actor = requireActor(ctx);
    const product = await findInScope(ctx.em, Product, id, 'Produk');
    if (actor.role !== Role.VENDOR || actor.vendorId !== product.vendor.id) throw forbidden('Produk ini milik penyedia lain.');
    return product;
  }

  private async curatedProduct(ctx: RequestContext, id: string): Promise<Product> {
    const actor = requireActor(ctx);
    const product = await findInScope(ctx.em, Product, id, 'Produk');
    assertManagesPemda(actor, product.pemda.id);
    return product;
  }
}
