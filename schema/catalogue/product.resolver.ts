import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { catalogueProgress, exportCatalogueProgress } from '../../server/catalogue/catalogue-progress.js';
import { CsvDialect, ExportFile, ExportFormat } from '../../server/reports/report.js';
import { Category } from '../../server/catalogue/category.entity.js';
import { importProducts, parseProductCsv, type ImportRow } from '../../server/catalogue/product-import.js';
import { tableAsCsv } from '../../server/imports/spreadsheet.js';
import { PriceCheckView } from '../insight/insight.types.js';
import { Product } from '../../server/catalogue/product.entity.js';
import { ProductSort } from '../../server/catalogue/product-filter.js';
import { RemovalOutcome } from '../../server/catalogue/product.service.js';
import type { RequestContext } from '../../server/context.js';
import { badInput } from '../../server/errors.js';
import { Role } from '../../server/identity/user.entity.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { QueueOrder } from '../../server/database/pagination.js';
import type { Row } from '../../server/database/rows.js';
import { connectionOf, toConnection, type ConnectionShape } from '../pagination.js';
import { projectionOf, Reads, ShowsRelation } from '../projection.js';
import {
  CatalogueProgressView,
  ImportProductsInput,
  ImportProductsResult,
  ProductFilterInput,
  ProductInput,
  ProductRevisionView,
  ProductUpdateInput,
} from './product.types.js';

const ProductConnection = connectionOf(Product, 'Product');

/** A product as a resolver gets it: a managed entity, or a row of a list page (its relations as ids). */
type ProductShown = Product | Row<Product>;

const vendorOf = (ctx: RequestContext, product: ProductShown) => ctx.loaders.vendor.show(product.vendor);
const vendorFact = <T>(ctx: RequestContext, product: ProductShown, fact: (vendor: Vendor | Row<Vendor>) => T): T | Promise<T> => {
  const vendor = vendorOf(ctx, product);
  return 'then' in vendor ? vendor.then(fact) : fact(vendor);
};

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description: 'The catalogue. Buyers and the public: published products of verified vendors of the Pemda. BPBJ: every state. A vendor: its own.',
  })
  async products(
    @Arg('pemdaId', () => ID, { nullable: true, description: "Defaults to the caller's Pemda." }) pemdaId: string | undefined,
    @Arg('filter', () => ProductFilterInput, { nullable: true }) filter: ProductFilterInput | undefined,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.NEWEST }) sort: ProductSort,
    @Arg('first', () => Int, { nullable: true, description: 'At most 100; default 20.' }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<Product>>> {
    const shows = projectionOf(info, Product, ['edges', 'node'], ctx.em.getMetadata());
    return toConnection(await ctx.services.product.list(ctx, pemdaId, filter, sort, { first, after }, shows));
  }

  @Query(() => Product)
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.get(ctx, id);
  }

  @Query(() => CatalogueProgressView, { description: 'Published local products against the target, vendors and products by status (public).' })
  catalogueProgress(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): Promise<CatalogueProgressView> {
    return catalogueProgress(ctx, pemdaId);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => ExportFile, { description: 'The catalogue against its listing target, vendors and products by status, as a report.' })
  exportCatalogueProgress(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true }) dialect: CsvDialect | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    return exportCatalogueProgress(ctx, pemdaId, format, dialect);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => ProductConnection, { description: 'BPBJ curation queue: submitted products and pending revisions, oldest first unless asked otherwise, with the count.' })
  async productCurationQueue(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('order', () => QueueOrder, { nullable: true }) order: QueueOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Product>> {
    return toConnection(await ctx.services.product.curationQueue(ctx, pemdaId, { first, after }, order));
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Product, { description: 'A vendor lists a product as a DRAFT.' })
  createProduct(@Arg('input') input: ProductInput, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.create(ctx, input);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Product, { description: 'On a published product, stock and price decreases apply at once; other changes wait for BPBJ as a revision.' })
  updateProduct(@Arg('id', () => ID) id: string, @Arg('input') input: ProductUpdateInput, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.update(ctx, id, input);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Product, { description: 'Puts a draft or rejected product before BPBJ (verified vendors only).' })
  submitProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.submit(ctx, id);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => RemovalOutcome, { description: 'Deletes a product never ordered; archives one that was; refused (CONFLICT) while an order in progress holds it.' })
  deleteProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RemovalOutcome> {
    return ctx.services.product.remove(ctx, id);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => ImportProductsResult, { description: 'Bulk import from CSV text (comma, semicolon or tab), an XLSX workbook, or a list, with a per-row error report.' })
  async importProducts(@Arg('input') input: ImportProductsInput, @Ctx() ctx: RequestContext): Promise<ImportProductsResult> {
    const file = Boolean(input.csv || input.xlsxBase64);
    if (file === Boolean(input.rows)) throw badInput([{ field: 'csv', message: 'Isi salah satu: csv, xlsxBase64 atau rows.' }]);
    const rows: ImportRow[] = file ? parseProductCsv(await tableAsCsv(input)) : input.rows!;
    return importProducts(ctx, ctx.services.product, rows, input.policy, input.submit, input.dryRun);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Product, { description: 'Publishes a submitted product (tayang), or applies a pending revision.' })
  approveProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.approve(ctx, id);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Product, { description: 'Rejects a submitted product, or discards a pending revision, with a reason.' })
  rejectProduct(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.reject(ctx, id, reason);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Product, { description: 'Freezes a published product, with a reason.' })
  suspendProduct(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.suspend(ctx, id, reason);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Product)
  reinstateProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Product> {
    return ctx.services.product.reinstate(ctx, id);
  }

  @Reads('id')
  @FieldResolver(() => PriceCheckView, { description: 'The unit price against every other product buyers see in the same Pemda, leaf category and unit (median and MAD), and against the lowest price the Pemda agreed for this product over the past year; the rules are in the README. A hint for curation and a warning at checkout.' })
  priceCheck(
    @Root() product: ProductShown,
    @Arg('proposed', { defaultValue: false, description: "Check a pending revision's price (and unit) where there is one: what BPBJ is asked to approve." }) proposed: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<PriceCheckView | null> {
    return (proposed ? ctx.loaders.proposedPriceCheck : ctx.loaders.priceCheck).load(product.id) as Promise<PriceCheckView | null>;
  }

  @FieldResolver(() => Vendor)
  @ShowsRelation('vendor')
  vendor(@Root() product: ProductShown, @Ctx() ctx: RequestContext): Vendor | Row<Vendor> | Promise<Vendor | Row<Vendor>> {
    return vendorOf(ctx, product);
  }

  @FieldResolver(() => Category)
  @ShowsRelation('category')
  category(@Root() product: ProductShown, @Ctx() ctx: RequestContext): Category | Row<Category> | Promise<Category | Row<Category>> {
    return ctx.loaders.category.show(product.category);
  }

  @FieldResolver(() => Boolean, { description: "Derived from the vendor: domiciled in the catalogue's Pemda." })
  @Reads('vendor.isLocal')
  isLocal(@Root() product: ProductShown, @Ctx() ctx: RequestContext): boolean | Promise<boolean> {
    return vendorFact(ctx, product, (vendor) => vendor.isLocal);
  }

  @FieldResolver(() => Boolean, { description: 'Derived from the vendor: usaha mikro, kecil or koperasi.' })
  @Reads('vendor.isUmkk')
  isUmkk(@Root() product: ProductShown, @Ctx() ctx: RequestContext): boolean | Promise<boolean> {
    return vendorFact(ctx, product, (vendor) => vendor.isUmkk);
  }

  @FieldResolver(() => ProductRevisionView, { nullable: true, description: 'Pending changes (the vendor itself and BPBJ only).' })
  @Reads('pemda', 'vendor', 'pendingRevision')
  pendingRevision(@Root() product: ProductShown, @Ctx() ctx: RequestContext): ProductRevisionView | null {
    const a = ctx.actor;
    const allowed = a && (a.role === Role.PLATFORM_ADMIN || (a.role === Role.BPBJ && a.pemdaId === product.pemda.id) || a.vendorId === product.vendor.id);
    return allowed && product.pendingRevision ? { ...product.pendingRevision, submittedAt: new Date(product.pendingRevision.submittedAt) } : null;
  }
}
