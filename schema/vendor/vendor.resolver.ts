import { Arg, Authorized, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { QueueOrder } from '../../server/database/pagination.js';
import { Role } from '../../server/identity/user.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { BusinessScale, Vendor, VendorStatus } from '../../server/vendor/vendor.entity.js';
import { canSeeInternals, classificationOf } from '../../server/vendor/vendor.service.js';
import { VendorDocument, VendorDocumentKind } from '../../server/vendor/vendor-document.entity.js';
import type { Row } from '../../server/database/rows.js';
import { connectionOf, toConnection, type ConnectionShape } from '../pagination.js';
import { Reads } from '../projection.js';
import { RegisterVendorInput, VendorProfileInput } from './vendor.types.js';

const VendorConnection = connectionOf(Vendor, 'Vendor');

/** A vendor as a resolver gets it: a managed entity, or a row read for a product page (server/database/rows.ts). */
type VendorShown = Vendor | Row<Vendor>;

@ObjectType({ description: "Bank account for payments: visible to the vendor itself and its Pemda's BPBJ only." })
class BankAccount {
  @Field()
  bankName!: string;

  @Field()
  accountNumber!: string;

  @Field()
  accountName!: string;
}

@ObjectType({ description: 'What decides a vendor\'s classification, as requested by the vendor, and what it would be classified as once approved.' })
class VendorClassificationView {
  @Field(() => BusinessScale) scale!: BusinessScale;
  @Field() isKoperasi!: boolean;
  @Field() domicileRegionCode!: string;
  @Field() domicileRegionName!: string;
  @Field({ description: 'UMK-K once approved: its sales would count toward the 40% share.' }) isUmkk!: boolean;
  @Field({ description: 'Local once approved: domiciled in the catalogue\'s Pemda.' }) isLocal!: boolean;
}

/** What `canSeeInternals` reads of a vendor. */
const INTERNALS_GUARD = ['id', 'pemda'];

@Resolver(() => Vendor)
export class VendorResolver {
  @Mutation(() => Vendor, { description: 'Public: register as a vendor (penyedia). BPBJ verifies before products can be submitted.' })
  registerVendor(@Arg('input') input: RegisterVendorInput, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.register(ctx, input);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Vendor, { description: 'A vendor edits its own profile; a new NIB, NPWP or scale sends it back to PENDING.' })
  updateVendorProfile(@Arg('id', () => ID) id: string, @Arg('input') input: VendorProfileInput, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.updateProfile(ctx, id, input);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Vendor, { description: 'A vendor attaches a scan of its NIB or NPWP, uploaded first (POST /uploads?kind=LEGAL_DOCUMENT); an earlier scan of the kind is kept, the newest is in force.' })
  attachVendorDocument(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => VendorDocumentKind) kind: VendorDocumentKind,
    @Arg('uploadId', () => ID) uploadId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Vendor> {
    return ctx.services.vendor.attachDocument(ctx, id, kind, uploadId);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Vendor)
  verifyVendor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.decide(ctx, id, 'VERIFIED');
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Vendor)
  rejectVendor(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.decide(ctx, id, 'REJECTED', reason);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Vendor, { description: 'Suspends a verified vendor: all its products disappear from the catalogue at once.' })
  suspendVendor(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.decide(ctx, id, 'SUSPENDED', reason);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Vendor, { description: 'Approves or rejects (with a reason) a verified vendor\'s requested change of scale, koperasi status or domicile.' })
  reviewVendorClassification(
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Vendor> {
    return ctx.services.vendor.reviewClassification(ctx, id, approve, reason);
  }

  @FieldResolver(() => VendorClassificationView, { nullable: true, description: 'A requested change of classification waiting for BPBJ: the vendor itself and its BPBJ see it.' })
  @Reads(...INTERNALS_GUARD, 'pendingClassification')
  async pendingClassification(@Root() vendor: VendorShown, @Ctx() ctx: RequestContext): Promise<VendorClassificationView | null> {
    const requested = canSeeInternals(ctx.actor, vendor) ? vendor.pendingClassification : null;
    if (!requested) return null;
    return { ...requested, ...classificationOf(requested, await ctx.loaders.pemda.load(vendor.pemda.id)) };
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Vendor)
  reinstateVendor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.decide(ctx, id, 'REINSTATED');
  }

  @Query(() => VendorConnection, { description: "A Pemda's vendors. The public sees verified vendors; BPBJ every status, filterable." })
  async vendors(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('status', () => VendorStatus, { nullable: true }) status: VendorStatus | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Vendor>> {
    return toConnection(await ctx.services.vendor.list(ctx, pemdaId, status, { first, after }));
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => VendorConnection, { description: 'BPBJ curation queue: vendors waiting for verification or for a decision on their classification, oldest first unless asked otherwise, with the count.' })
  async vendorCurationQueue(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('order', () => QueueOrder, { nullable: true }) order: QueueOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Vendor>> {
    return toConnection(await ctx.services.vendor.curationQueue(ctx, pemdaId, { first, after }, order));
  }

  @Query(() => Vendor)
  vendor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Vendor> {
    return ctx.services.vendor.get(ctx, id);
  }

  @FieldResolver(() => Int, { description: 'Published products of this vendor.' })
  @Reads('id')
  productCount(@Root() vendor: VendorShown, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.publishedProductCount.load(vendor.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'NPWP: only for the vendor itself and its BPBJ.' })
  @Reads(...INTERNALS_GUARD, 'npwp')
  npwp(@Root() vendor: VendorShown, @Ctx() ctx: RequestContext): string | null {
    return canSeeInternals(ctx.actor, vendor) ? vendor.npwp : null;
  }

  @FieldResolver(() => [VendorDocument], { description: 'The NIB and NPWP scans in force (newest of each kind): for the vendor itself and its BPBJ; empty for anyone else.' })
  @Reads(...INTERNALS_GUARD)
  async legalDocuments(@Root() vendor: VendorShown, @Ctx() ctx: RequestContext): Promise<VendorDocument[]> {
    return canSeeInternals(ctx.actor, vendor) ? ctx.loaders.vendorDocuments.load(vendor.id) : [];
  }

  @FieldResolver(() => BankAccount, { nullable: true })
  @Reads(...INTERNALS_GUARD, 'bankName', 'bankAccountNumber', 'bankAccountName')
  bankAccount(@Root() vendor: VendorShown, @Ctx() ctx: RequestContext): BankAccount | null {
    if (!canSeeInternals(ctx.actor, vendor) || !vendor.bankAccountNumber) return null;
    return { bankName: vendor.bankName!, accountNumber: vendor.bankAccountNumber, accountName: vendor.bankAccountName! };
  }

  @FieldResolver(() => Pemda, { description: 'The Pemda whose catalogue the vendor sells in.' })
  @Reads('pemda')
  pemda(@Root() vendor: VendorShown, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.em.getReference(Pemda, vendor.pemda.id, { wrapped: true }).loadOrFail();
  }
}
